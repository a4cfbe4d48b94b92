import type { AttemptDetail, AttemptStatus, AttemptSummary, Profile, ProfileRole, Scenario, Transcript, TurnRecord, TurnScore } from '../domain';
import { summarizeRoleplay } from '../scoring/roleplay-summary';
import { overallOf } from '../scoring/score-answer';
import type { Db } from './database';

const now = () => new Date().toISOString();

interface AttemptRow {
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
}

interface TurnRow {
  id: number;
  turn_index: number;
  turn_id: string;
  buyer_line: string;
  audio_path: string | null;
  duration_seconds: number | null;
  transcript_json: string | null;
  score_json: string | null;
}

const toSummary = (r: AttemptRow): AttemptSummary => ({
  id: r.id,
  scenarioId: r.scenario_id,
  scenarioTitle: r.title,
  status: r.status,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  overallScore: r.overall_score,
  turnCount: r.turn_count,
  rescoredFrom: r.rescored_from,
  // A certification is passed or failed once the attempt is complete; overrides count.
  certification:
    r.certification_pass_mark === null
      ? null
      : { passMark: r.certification_pass_mark, passed: r.status === 'complete' && r.overall_score !== null ? r.overall_score >= r.certification_pass_mark : null },
});

const toTurn = (r: TurnRow): TurnRecord => ({
  id: r.id,
  index: r.turn_index,
  turnId: r.turn_id,
  buyerLine: r.buyer_line,
  audioPath: r.audio_path,
  durationSeconds: r.duration_seconds,
  transcript: r.transcript_json ? (JSON.parse(r.transcript_json) as Transcript) : null,
  score: r.score_json ? (JSON.parse(r.score_json) as TurnScore) : null,
});

const SUMMARY_SELECT = `
  SELECT a.id, a.scenario_id, a.scenario_hash, v.title, a.status, a.started_at, a.finished_at, a.overall_score, a.rescored_from, a.certification_pass_mark,
         (SELECT count(*) FROM turns t WHERE t.attempt_id = a.id) AS turn_count
  FROM attempts a JOIN scenario_versions v ON v.scenario_id = a.scenario_id AND v.content_hash = a.scenario_hash`;

/** All reads and writes of profiles, attempts and turns. SQL stays in this file. */
export class AttemptsRepository {
  constructor(private readonly db: Db) {}

  /** The local profile to record attempts under; created on first use. */
  ensureProfile(name = 'Me', role: ProfileRole = 'rep'): Profile {
    const row = this.db.prepare('SELECT id, name, role FROM profiles ORDER BY id LIMIT 1').get() as Profile | undefined;
    if (row) return row;
    const info = this.db.prepare('INSERT INTO profiles (name, role, created_at) VALUES (?, ?, ?)').run(name, role, now());
    return { id: Number(info.lastInsertRowid), name, role };
  }

  recordScenarioVersion(scenario: Scenario, content: string): void {
    this.db
      .prepare('INSERT OR IGNORE INTO scenario_versions (scenario_id, content_hash, title, content, first_seen_at) VALUES (?, ?, ?, ?, ?)')
      .run(scenario.id, scenario.contentHash, scenario.title, content, now());
  }

  createAttempt(profileId: number, scenario: Scenario, startedAt = now(), rescoredFrom: number | null = null): number {
    const info = this.db
      .prepare(
        "INSERT INTO attempts (profile_id, scenario_id, scenario_hash, status, started_at, rescored_from, certification_pass_mark) VALUES (?, ?, ?, 'in_progress', ?, ?, ?)",
      )
      .run(profileId, scenario.id, scenario.contentHash, startedAt, rescoredFrom, scenario.certification?.passMark ?? null);
    return Number(info.lastInsertRowid);
  }

  attemptScenario(attemptId: number): { scenarioId: string; scenarioHash: string; status: AttemptStatus } | undefined {
    const row = this.db.prepare('SELECT scenario_id, scenario_hash, status FROM attempts WHERE id = ?').get(attemptId) as
      | { scenario_id: string; scenario_hash: string; status: AttemptStatus }
      | undefined;
    return row && { scenarioId: row.scenario_id, scenarioHash: row.scenario_hash, status: row.status };
  }

  scenarioContent(scenarioId: string, hash: string): string | undefined {
    const row = this.db.prepare('SELECT content FROM scenario_versions WHERE scenario_id = ? AND content_hash = ?').get(scenarioId, hash) as
      | { content: string }
      | undefined;
    return row?.content;
  }

  /** Stores (or replaces) a turn; the audio reference is saved before transcription so it is never lost. */
  saveTurn(attemptId: number, turn: Omit<TurnRecord, 'id'>): TurnRecord {
    this.db
      .prepare(
        `INSERT INTO turns (attempt_id, turn_index, turn_id, buyer_line, audio_sha256, audio_path, duration_seconds, transcript_json, score_json, overall_score, created_at)
         VALUES (@attemptId, @index, @turnId, @buyerLine, @sha, @audioPath, @durationSeconds, @transcript, @score, @overall, @createdAt)
         ON CONFLICT (attempt_id, turn_index) DO UPDATE SET
           audio_sha256 = excluded.audio_sha256, audio_path = excluded.audio_path, duration_seconds = excluded.duration_seconds,
           transcript_json = excluded.transcript_json, score_json = excluded.score_json, overall_score = excluded.overall_score`,
      )
      .run({
        attemptId,
        index: turn.index,
        turnId: turn.turnId,
        buyerLine: turn.buyerLine,
        sha: turn.audioPath ? /([0-9a-f]{64})\.wav$/.exec(turn.audioPath)?.[1] ?? null : null,
        audioPath: turn.audioPath,
        durationSeconds: turn.durationSeconds,
        transcript: turn.transcript ? JSON.stringify(turn.transcript) : null,
        score: turn.score ? JSON.stringify(turn.score) : null,
        overall: turn.score?.overall ?? null,
        createdAt: now(),
      });
    const row = this.db.prepare('SELECT * FROM turns WHERE attempt_id = ? AND turn_index = ?').get(attemptId, turn.index) as TurnRow;
    return toTurn(row);
  }

  /** Closes an attempt; its overall score is the role-play's, overrides included (refreshAttemptScore). */
  finishAttempt(attemptId: number, status: AttemptStatus = 'complete'): void {
    this.db.prepare('UPDATE attempts SET status = ?, finished_at = ? WHERE id = ?').run(status, now(), attemptId);
    this.refreshAttemptScore(attemptId);
  }

  listAttempts(limit: number, offset: number): AttemptSummary[] {
    const rows = this.db.prepare(`${SUMMARY_SELECT} ORDER BY a.started_at DESC, a.id DESC LIMIT ? OFFSET ?`).all(limit, offset) as AttemptRow[];
    return rows.map(toSummary);
  }

  /** Attaches each stored override to its criterion and recomputes the turn's overall with it. */
  private applyOverrides(turns: TurnRecord[]): void {
    const ids = turns.map((t) => t.id);
    if (!ids.length) return;
    const rows = this.db
      .prepare(
        `SELECT o.turn_id, o.criterion_id, o.score, o.reason, o.created_at, p.name AS author
         FROM score_overrides o JOIN profiles p ON p.id = o.author_profile_id
         WHERE o.turn_id IN (${ids.map(() => '?').join(',')})`,
      )
      .all(...ids) as { turn_id: number; criterion_id: string; score: number; reason: string; created_at: string; author: string }[];
    for (const r of rows) {
      const turn = turns.find((t) => t.id === r.turn_id);
      const criterion = turn?.score?.criteria.find((c) => c.id === r.criterion_id);
      if (!turn?.score || !criterion) continue;
      criterion.override = { score: r.score, reason: r.reason, author: r.author, at: r.created_at };
    }
    for (const t of turns) {
      if (t.score?.criteria.some((c) => c.override)) {
        t.score.overall = overallOf(t.score.criteria);
        t.score.passed = t.score.overall >= t.score.passMark;
      }
    }
  }

  /** Records (or replaces) a human score for one criterion of a turn; the automatic score is untouched. */
  overrideScore(turnId: number, criterionId: string, score: number, reason: string, authorProfileId: number): void {
    this.db
      .prepare(
        `INSERT INTO score_overrides (turn_id, criterion_id, score, reason, author_profile_id, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (turn_id, criterion_id) DO UPDATE SET score = excluded.score, reason = excluded.reason,
           author_profile_id = excluded.author_profile_id, created_at = excluded.created_at`,
      )
      .run(turnId, criterionId, score, reason, authorProfileId, now());
  }

  removeOverride(turnId: number, criterionId: string): boolean {
    return this.db.prepare('DELETE FROM score_overrides WHERE turn_id = ? AND criterion_id = ?').run(turnId, criterionId).changes > 0;
  }

  turnById(turnId: number): { attemptId: number; turn: TurnRecord } | undefined {
    const row = this.db.prepare('SELECT * FROM turns WHERE id = ?').get(turnId) as (TurnRow & { attempt_id: number }) | undefined;
    return row && { attemptId: row.attempt_id, turn: toTurn(row) };
  }

  /** Keeps the text of the rubric that produced a score, once per version. */
  recordRubricVersion(version: string, content: string): void {
    this.db.prepare('INSERT OR IGNORE INTO rubric_versions (version, content, first_used_at) VALUES (?, ?, ?)').run(version, content, now());
  }

  rubricSnapshot(version: string): string | undefined {
    return (this.db.prepare('SELECT content FROM rubric_versions WHERE version = ?').get(version) as { content: string } | undefined)?.content;
  }

  /**
   * Stores a closed attempt's overall: the role-play summary's, so it is computed in one place and
   * follows the overrides. An attempt in progress has none yet.
   */
  refreshAttemptScore(attemptId: number): void {
    const detail = this.getAttempt(attemptId);
    if (!detail || detail.status === 'in_progress') return;
    this.db.prepare('UPDATE attempts SET overall_score = ? WHERE id = ?').run(detail.summary?.overall ?? null, attemptId);
  }

  // ---------- recordings being written (crash recovery) ----------

  addRecording(id: string, attemptId: number, turnIndex: number, path: string): void {
    this.db.prepare('INSERT INTO recordings_in_progress (id, attempt_id, turn_index, path, started_at) VALUES (?, ?, ?, ?, ?)').run(id, attemptId, turnIndex, path, now());
  }

  removeRecording(id: string): void {
    this.db.prepare('DELETE FROM recordings_in_progress WHERE id = ?').run(id);
  }

  recordingsInProgress(): { id: string; attemptId: number; turnIndex: number; path: string }[] {
    return this.db.prepare('SELECT id, attempt_id AS attemptId, turn_index AS turnIndex, path FROM recordings_in_progress ORDER BY started_at').all() as {
      id: string;
      attemptId: number;
      turnIndex: number;
      path: string;
    }[];
  }

  /** Attempts still "in progress" when the app starts were cut short (a crash, a closed window): incomplete. */
  closeInterruptedAttempts(): number {
    const ids = (this.db.prepare("SELECT id FROM attempts WHERE status = 'in_progress'").all() as { id: number }[]).map((r) => r.id);
    for (const id of ids) this.finishAttempt(id, 'incomplete');
    return ids.length;
  }

  countAttempts(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM attempts').get() as { n: number }).n;
  }

  /** An attempt with its turns; the scenario's current version is for core to add (it reads files). */
  getAttempt(id: number): Omit<AttemptDetail, 'currentScenarioHash'> | undefined {
    const row = this.db.prepare(`${SUMMARY_SELECT} WHERE a.id = ?`).get(id) as AttemptRow | undefined;
    if (!row) return undefined;
    const turns = (this.db.prepare('SELECT * FROM turns WHERE attempt_id = ? ORDER BY turn_index').all(id) as TurnRow[]).map(toTurn);
    this.applyOverrides(turns);
    const rescoredBy = (this.db.prepare('SELECT id FROM attempts WHERE rescored_from = ? ORDER BY id').all(id) as { id: number }[]).map((r) => r.id);
    return { ...toSummary(row), scenarioHash: row.scenario_hash, rescoredBy, turns, summary: summarizeRoleplay(turns) };
  }
}
