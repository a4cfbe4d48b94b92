/** Attempts as stored and listed. Types only (compiled for the renderer too). */
import type { Transcript, TurnScore } from './scoring';

/** Who practises, reviews or designs (one local profile for now). */
export type ProfileRole = 'rep' | 'manager' | 'designer';

export interface Profile {
  id: number;
  name: string;
  role: ProfileRole;
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
