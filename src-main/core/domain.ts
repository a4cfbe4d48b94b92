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
  personality?: string;
  caresAbout?: string;
  voice?: string;
}

/** A scenario turn's use of a rubric criterion: its weight in the turn and per-turn parameters. */
export interface CriterionRef {
  id: string;
  weight: number;
  talkingPoints?: { id: string; label: string; phrases: string[] }[];
}

export interface ScenarioExample {
  answer: string;
  expect: 'pass' | 'fail' | Record<string, boolean>;
  note?: string;
}

export interface ScenarioBranch {
  when?: { technique: string } | { criterion: string; passed: boolean };
  goto: string;
}

export interface ScenarioTurn {
  id: string;
  buyer: string;
  audio?: string;
  /** A voice for this line only (else the persona's). */
  voice?: string;
  criteria: CriterionRef[];
  examples: ScenarioExample[];
  next?: ScenarioBranch[];
}

/** Where a role-play goes after a step: another turn (at the next step), or one of its ends. */
export type NextStep = { kind: 'turn'; step: number; turnIndex: number; turn: ScenarioTurn } | { kind: 'end'; end: { id: string; title: string } };

export interface Scenario {
  id: string;
  title: string;
  description: string;
  kind: 'scenario' | 'drill';
  skills: string[];
  difficulty: 'beginner' | 'intermediate' | 'advanced';
  minutes: number;
  certification?: { passMark: number };
  persona: Persona;
  competitors: string[];
  turns: ScenarioTurn[];
  ends: { id: string; title: string }[];
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

/** One example answer run through the scoring engine, with where it is written. */
export interface ExampleResult {
  turnId: string;
  example: number;
  answer: string;
  expected: string;
  score: number;
  ok: boolean;
  /** Set when it did not score as expected: the message at the example's line and column. */
  problem?: ScenarioProblem;
}

/** A scenario file as the designer sees it: where it lives, whether it may be edited, and its problems. */
export interface ScenarioFileEntry {
  source: 'built-in' | 'user';
  /** Relative to its scenario folder, with forward slashes. */
  file: string;
  /** The pack (first folder of the path), or '' for a file at the top of the folder. */
  pack: string;
  editable: boolean;
  id: string | null;
  title: string | null;
  kind: 'scenario' | 'drill' | null;
  problems: ScenarioProblem[];
}

/** The result of checking a scenario text: the parsed scenario when it is valid, else its problems. */
export interface ScenarioCheck {
  scenario: Scenario | null;
  /** The turn graph's branches (from, to, why) when the scenario is valid, for the preview. */
  edges: { from: string; to: string; label: string }[];
  problems: ScenarioProblem[];
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
  /** How it was made (stored with it): the same settings whichever front end asked. */
  request?: TranscriptionRequest;
}

/** The settings a transcript was made with. The app, the browser bridge and the CLI make the same request. */
export interface TranscriptionRequest {
  /** The warm worker on the whole file, the warm worker on segments cut while the rep spoke, or whisper.cpp's `main`. */
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

export type AttemptStatus = 'in_progress' | 'complete' | 'incomplete';

/** Which attempts the history shows, in which order, one page at a time. */
export interface AttemptFilter {
  scenarioId?: string;
  status?: AttemptStatus;
  /** Started on or after this instant (ISO 8601). */
  from?: string;
  /** Started before this instant (ISO 8601). */
  to?: string;
  /** Certification attempts only; or only those that passed, or not (yet). */
  certification?: 'only' | 'passed' | 'not-passed';
  sort?: 'newest' | 'oldest' | 'best' | 'worst';
  limit: number;
  offset: number;
}

export interface AttemptSummary {
  id: number;
  scenarioId: string;
  scenarioTitle: string;
  status: AttemptStatus;
  startedAt: string;
  finishedAt: string | null;
  /** The role-play's overall score; null until it is complete (a partial attempt has none). */
  overallScore: number | null;
  /** Steps answered so far. */
  turnCount: number;
  /** Set when this attempt is a re-scoring of an earlier one (which is kept unchanged). */
  rescoredFrom: number | null;
  /** For a certification scenario: its pass mark, and whether this attempt passed (null until complete). */
  certification: { passMark: number; passed: boolean | null } | null;
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

export interface RoleplaySummary {
  overall: number;
  passMark: number;
  /** Rep speaking time as a share of rep + buyer time (buyer time estimated from the lines). */
  talkSharePercent: number | null;
  longestMonologueSeconds: number | null;
  wordsPerMinute: number | null;
  fillersPer100: number;
  /** The one thing to work on next time: the weakest criterion below the pass mark. */
  challenge: { id: string; title: string; tip: string; score: number } | null;
}

export interface AttemptDetail extends AttemptSummary {
  scenarioHash: string;
  /** The hash of the scenario's file as it is now, or null when the scenario is gone or invalid. */
  currentScenarioHash: string | null;
  /** Later attempts that re-scored this one. */
  rescoredBy: number[];
  turns: TurnRecord[];
  summary: RoleplaySummary | null;
}

export interface ModelStatus {
  ready: boolean;
  modelPath: string | null;
  binaryPath: string | null;
  /** What to run or click when not ready. */
  problem: string | null;
}

/** A speech model the app knows, as the settings page shows it. */
export interface ModelChoice {
  name: 'tiny.en' | 'base.en' | 'small.en';
  approxMb: number;
  note: string;
  /** Seconds from stop to feedback measured by `npm run bench` (10 s and 60 s answers), when measured. */
  measured: { answer10s: number; answer60s: number; machine: string } | null;
  downloaded: boolean;
  /** Bytes of an interrupted download that the next one resumes from. */
  partialBytes: number;
  active: boolean;
  downloading: boolean;
}

export interface ModelSettings {
  models: ModelChoice[];
  /** The model in use: one of the above, a custom file, or null. */
  activePath: string | null;
  /** Set when the model in use is a file the rep chose rather than a downloaded one. */
  customPath: string | null;
  /** Where SPARRING_MODEL pins the model (settings cannot change it then). */
  pinnedByEnvironment: boolean;
}

/** Everything core pushes to the UI. */
export type AppEvent =
  /** An answer on its way to a score (a recording just finished, or a stored answer transcribed again). */
  | { type: 'turn.stage'; attemptId: number; step: number; stage: 'saving' | 'transcribing' | 'scoring' | 'done' }
  /** A stored turn changed after the fact (model-graded checks answered): the turn as it is now. */
  | { type: 'turn.updated'; attemptId: number; step: number; turn: TurnRecord }
  | { type: 'model.download'; name: ModelChoice['name']; state: 'downloading' | 'done' | 'failed' | 'cancelled'; receivedBytes: number; totalBytes: number | null; message?: string };
