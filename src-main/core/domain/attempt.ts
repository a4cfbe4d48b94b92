/** Attempts as stored and listed. Types only (compiled for the renderer too). */
import type { DeliveryMark, Transcript, TurnScore } from './scoring';

/** What a person does in Sparring; one person may have several roles. */
export type ProfileRole = 'rep' | 'manager' | 'designer';

/** A person: who practised an attempt, who reviewed it. */
export interface Profile {
  id: number;
  name: string;
  roles: ProfileRole[];
  /** The person using this copy of Sparring now. */
  isSelf: boolean;
  /** They said who they are (the first run asks); false for the automatic profile of older versions. */
  confirmed: boolean;
}

/** A certification attempt's outcome, as decided when it was made (and never recomputed). */
export interface CertificationOutcome {
  passMark: number;
  /** null until the attempt is complete. */
  passed: boolean | null;
  /** What earned it: the automatic score of a spoken attempt, or a reviewer's override. */
  by: 'automatic' | 'review' | null;
  /** For a certification by review: who, and why. */
  reviewer: string | null;
  reason: string | null;
  /** Until when a certification that expires stays current (ISO date and time); null: for good, or not certified. */
  validUntil: string | null;
  /** The outcome in words, the same on every screen and export: "Certified by review: Sam, “...” (pass mark 80)". */
  label: string;
}

export type AttemptStatus = 'in_progress' | 'complete' | 'incomplete';

/** Which attempts the history shows, in which order, one page at a time. */
export interface AttemptFilter {
  scenarioId?: string;
  /** Only attempts of scenarios that practise this skill (their `skills`). */
  skill?: string;
  /** The scenarios a skill filter stands for (set by HistoryService from the library; not an API argument). */
  scenarioIds?: string[];
  status?: AttemptStatus;
  /** Started on or after this instant (ISO 8601). */
  from?: string;
  /** Started before this instant (ISO 8601). */
  to?: string;
  /** Certification attempts only; or only those that passed, or not (yet). */
  certification?: 'only' | 'passed' | 'not-passed';
  /** One person's attempts, or everyone's but one person's (a manager's queue leaves out their own). */
  repId?: number;
  notRepId?: number;
  /** Review status: not reviewed yet, reviewed, or the rep should try again. */
  review?: 'to-review' | 'reviewed' | 'needs-another';
  /** Overall score band. */
  band?: 'below-60' | '60-79' | '80-plus';
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
  /** For a certification scenario: its pass mark, whether this attempt earned it, and what earned it. */
  certification: CertificationOutcome | null;
  /** The person who practised it. */
  rep: string;
  repId: number;
  /** The manager's review, once there is one. */
  review: { status: 'reviewed' | 'needs-another'; reviewer: string; note: string | null; at: string } | null;
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
  /** Fillers, hedges and long pauses on the answer's audio (an attempt page's waveform marks them). */
  marks?: DeliveryMark[];
  /** Other answers the rep gave to this step ("retry this turn"), oldest first; this one is the best and counts. */
  tries?: TurnTry[];
}

/** An answer to a step that does not count: the rep answered the same buyer line again and did better. */
export interface TurnTry {
  id: number;
  audioPath: string | null;
  durationSeconds: number | null;
  transcript: Transcript | null;
  score: TurnScore | null;
  answeredAt: string;
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

/** A comment pinned to a moment (or a range) of one answer, signed by its author; a reply answers another. */
export interface ReviewComment {
  id: number;
  attemptId: number;
  /** The answered turn (TurnRecord.id) it is about. */
  turnId: number;
  atSeconds: number;
  endSeconds: number | null;
  criterionId: string | null;
  parentId: number | null;
  body: string;
  author: string;
  authorId: number;
  createdAt: string;
  updatedAt: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

/** What a manager asks the rep to work on after reviewing an attempt. */
export interface CoachingPlan {
  /** One to three focus skills. */
  skills: string[];
  note: string | null;
  /** A scenario or drill to practise next, and its title (null when it is no longer in the library). */
  suggestedScenarioId: string | null;
  suggestedScenarioTitle: string | null;
  author: string;
  authorId: number;
  updatedAt: string;
}

export interface AttemptDetail extends AttemptSummary {
  /** Comments pinned to moments of its answers, with their replies, in time order. */
  comments: ReviewComment[];
  /** The reviewer's coaching plan, once there is one. */
  plan: CoachingPlan | null;
  scenarioHash: string;
  /** The hash of the scenario's file as it is now, or null when the scenario is gone or invalid. */
  currentScenarioHash: string | null;
  /** Later attempts that re-scored this one. */
  rescoredBy: number[];
  turns: TurnRecord[];
  summary: RoleplaySummary | null;
}
