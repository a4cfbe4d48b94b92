import { certificationLabel } from '../attempts/certification';
import type { AttemptStatus, AttemptSummary, CertificationOutcome, Transcript, TurnRecord, TurnScore } from '../domain';

/** How a row of `attempts` (joined with its scenario version) is read. */
export interface AttemptRow {
  id: number;
  scenario_id: string;
  scenario_hash: string;
  title: string;
  status: AttemptStatus;
  started_at: string;
  finished_at: string | null;
  overall_score: number | null;
  turn_count: number;
  rescored_from: number | null;
  certification_pass_mark: number | null;
  certification_outcome: 'certified' | 'not-yet' | null;
  certified_by: 'automatic' | 'review' | null;
  certified_by_name: string | null;
  certified_reason: string | null;
  certified_until: string | null;
  rep: string;
  rep_id: number;
  review_status: 'reviewed' | 'needs-another' | null;
  reviewer: string | null;
  review_note: string | null;
  reviewed_at: string | null;
}

export interface TurnRow {
  id: number;
  attempt_id: number;
  turn_index: number;
  turn_id: string;
  buyer_line: string;
  audio_path: string | null;
  duration_seconds: number | null;
  transcript_json: string | null;
  score_json: string | null;
  next_target: string | null;
}

export const toSummary = (r: AttemptRow): AttemptSummary => {
  const complete = r.status === 'complete';
  const overall = complete ? r.overall_score : null;
  return {
    id: r.id,
    scenarioId: r.scenario_id,
    scenarioTitle: r.title,
    status: r.status,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    overallScore: overall,
    turnCount: r.turn_count,
    rescoredFrom: r.rescored_from,
    // A certification is decided when the attempt is finished (or by a review) and stored: never recomputed.
    certification: r.certification_pass_mark === null ? null : certificationOf(r, r.certification_pass_mark, complete),
    rep: r.rep,
    repId: r.rep_id,
    review: r.review_status
      ? { status: r.review_status, reviewer: r.reviewer!, note: r.review_note, at: r.reviewed_at! }
      : null,
  };
};

function certificationOf(r: AttemptRow, passMark: number, complete: boolean): CertificationOutcome {
  const outcome = {
    passMark,
    passed: complete && r.certification_outcome ? r.certification_outcome === 'certified' : null,
    by: r.certification_outcome === 'certified' ? r.certified_by : null,
    reviewer: r.certified_by === 'review' ? r.certified_by_name : null,
    reason: r.certified_by === 'review' ? r.certified_reason : null,
    validUntil: r.certification_outcome === 'certified' ? r.certified_until : null,
  };
  return { ...outcome, label: certificationLabel(outcome) };
}

export const toTurn = (r: TurnRow): TurnRecord => ({
  id: r.id,
  index: r.turn_index,
  turnId: r.turn_id,
  buyerLine: r.buyer_line,
  audioPath: r.audio_path,
  durationSeconds: r.duration_seconds,
  transcript: r.transcript_json ? (JSON.parse(r.transcript_json) as Transcript) : null,
  score: r.score_json ? (JSON.parse(r.score_json) as TurnScore) : null,
});

export const now = () => new Date().toISOString();
