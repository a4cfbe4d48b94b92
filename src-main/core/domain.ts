/**
 * The data shapes shared by core, the API contract and the UI. Types only: this file is also
 * compiled for the renderer, so it must not import anything.
 */

export type ProfileRole = 'rep' | 'manager' | 'designer';

export interface Profile {
  id: number;
  name: string;
  role: ProfileRole;
}

export interface Persona {
  name: string;
  role: string;
  company: string;
}

export interface ScenarioTurn {
  id: string;
  buyer: string;
  criteria: string[];
}

export interface Scenario {
  id: string;
  title: string;
  description: string;
  persona: Persona;
  turns: ScenarioTurn[];
  /** sha256 of the file bytes: attempts record which version they were practised on. */
  contentHash: string;
  /** Path of the source file, relative to its scenario root. */
  file: string;
}

export interface ScenarioProblem {
  file: string;
  line: number;
  col: number;
  message: string;
}

export interface ScenarioListing {
  valid: Scenario[];
  invalid: { file: string; problems: ScenarioProblem[] }[];
}

/** One recognised word with its audio times in seconds. */
export interface TimedWord {
  word: string;
  start: number;
  end: number;
}

export interface Transcript {
  text: string;
  words: TimedWord[];
}

/** The words that earned (or cost) a point: a character span of the transcript, and audio times when known. */
export interface Evidence {
  text: string;
  start: number;
  end: number;
  audioStart?: number;
  audioEnd?: number;
}

export interface CriterionScore {
  id: string;
  title: string;
  score: number;
  passed: boolean;
  explanation: string;
  tip: string;
  evidence: Evidence[];
}

export interface TurnScore {
  rubricVersion: string;
  overall: number;
  passMark: number;
  criteria: CriterionScore[];
}

export type AttemptStatus = 'in_progress' | 'complete' | 'incomplete';

export interface AttemptSummary {
  id: number;
  scenarioId: string;
  scenarioTitle: string;
  status: AttemptStatus;
  startedAt: string;
  finishedAt: string | null;
  overallScore: number | null;
  turnCount: number;
}

export interface TurnRecord {
  id: number;
  index: number;
  turnId: string;
  buyerLine: string;
  /** Relative to the data directory; turn it into a URL with api.media.url(). */
  audioPath: string | null;
  durationSeconds: number | null;
  transcript: Transcript | null;
  score: TurnScore | null;
}

export interface AttemptDetail extends AttemptSummary {
  scenarioHash: string;
  turns: TurnRecord[];
}

export interface ModelStatus {
  ready: boolean;
  modelPath: string | null;
  binaryPath: string | null;
  /** What to run or click when not ready. */
  problem: string | null;
}
