/** Scenarios as files describe them, and what the designer sees of them. Types only (compiled for the renderer too). */

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
export type NextStep =
  | { kind: 'turn'; step: number; turnIndex: number; turn: ScenarioTurn }
  | { kind: 'end'; end: { id: string; title: string } };

export interface Scenario {
  id: string;
  title: string;
  description: string;
  kind: 'scenario' | 'drill';
  skills: string[];
  difficulty: 'beginner' | 'intermediate' | 'advanced';
  minutes: number;
  /** A certification; typed answers count towards it only when `allowTyped`. */
  certification?: { passMark: number; allowTyped: boolean; validDays?: number };
  persona: Persona;
  competitors: string[];
  turns: ScenarioTurn[];
  ends: { id: string; title: string }[];
  /** sha256 of the file bytes: attempts record which version they were practised on. */
  contentHash: string;
  /** Turns left to answer from each turn (itself included), shortest and longest way; set for practice. */
  turnsToEnd?: Record<string, { min: number; max: number }>;
  /**
   * Turns whose answer decides where the role-play goes (their branches have conditions); set for
   * practice. After any other turn the rep may move on while the answer is still being scored.
   */
  answerDecides?: string[];
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
