/** Transcripts and scores: every number with the words that earned it. Types only (compiled for the renderer too). */

/** One recognised word with its audio times in seconds. */
export interface TimedWord {
  word: string;
  start: number;
  end: number;
}

export interface Transcript {
  text: string;
  words: TimedWord[];
  /** How it was made (stored with it): the same settings whichever front end asked. */
  request?: TranscriptionRequest;
}

/** The settings a transcript was made with. The app, the browser bridge and the CLI make the same request. */
export interface TranscriptionRequest {
  /**
   * The warm worker on the whole file, the warm worker on segments cut while the rep spoke, or whisper.cpp's `main`.
   */
  engine: 'worker' | 'worker-live' | 'main';
  /** The model file's name (not its folder: that differs between machines). */
  model: string;
  beamSize: number;
  initialPrompt: string | null;
  threads: number;
}

/** The words that earned (or cost) a point: a character span of the transcript, and audio times when known. */
export interface Evidence {
  text: string;
  start: number;
  end: number;
  audioStart?: number;
  audioEnd?: number;
}

/** One yes/no check of a criterion. `passed` is null when it does not apply (e.g. pace for a typed answer). */
export interface CheckResult {
  id: string;
  label: string;
  weight: number;
  passed: boolean | null;
  /** What was measured, in words: "2 open questions", "6.1 fillers per 100 words". */
  detail: string;
  evidence: Evidence[];
  /** Model-graded checks: the question asked, and whether the answer is awaited or needs a human. */
  judge?: { question: string; status: 'pending' | 'off' | 'answered' | 'needs-review' | 'failed' };
}

/** A human's correction of an automatic criterion score; the automatic score is kept beside it. */
export interface ScoreOverride {
  score: number;
  reason: string;
  author: string;
  at: string;
}

export interface CriterionScore {
  id: string;
  title: string;
  /** The automatic score (0-100), or null when no check applied. */
  score: number | null;
  passed: boolean | null;
  weight: number;
  explanation: string;
  tip: string;
  help: string;
  evidence: Evidence[];
  checks: CheckResult[];
  override?: ScoreOverride;
}

/** A moment of an answer's delivery to hear again: a filler, a hedge, or a pause of 1 s or more, in audio seconds. */
export interface DeliveryMark {
  kind: 'filler' | 'hedge' | 'pause';
  start: number;
  end: number;
  /** The words ("um", "I think"), or the pause's length ("1.4 s pause"). */
  text: string;
}

export interface DeliveryMetrics {
  wordCount: number;
  fillersPer100: number;
  hedgesPer100: number;
  typed: boolean;
  speakingSeconds: number | null;
  wordsPerMinute: number | null;
  pauseCount: number | null;
  longestPauseSeconds: number | null;
  responseLatencySeconds: number | null;
  longestMonologueSeconds: number | null;
}

export interface TurnScore {
  rubricVersion: string;
  /** Weighted mean of the applicable criteria (overrides included when present). */
  overall: number;
  passMark: number;
  passed: boolean;
  criteria: CriterionScore[];
  delivery: DeliveryMetrics;
}
