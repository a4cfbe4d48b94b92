/**
 * The one contract between the UI and core. Every method is declared here once: its name and the
 * zod schema its arguments must pass. Its result type is not written here: it is what the handler
 * (api/handlers.ts) returns, which is what the core service returns, so it cannot drift. Electron
 * IPC (preload), the browser bridge (web/), the CLI's in-process transport and the renderer all
 * derive from this object. Compiled for the renderer too: imports here must be zod and types only.
 */
import { z } from 'zod';
import type { AppEvent } from '../core';
import type { Handlers } from './handlers';

const id = z.number().int().positive();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-12-01');
const dashboardQuery = z.strictObject({
  from: day.optional(),
  to: day.optional(),
  repIds: z.array(id).max(500).optional(),
});
const step = z.number().int().min(0).max(99);
const recordingId = z.string().uuid();

const source = z.enum(['built-in', 'user']);
const modelName = z.enum(['tiny.en', 'base.en', 'small.en']);
const scenarioId = z.string().min(1).max(200);
const scenarioFile = z
  .string()
  .min(1)
  .max(500)
  .regex(/\.ya?ml$/i, 'must be a .yaml scenario file');
const scenarioText = z.string().max(500_000, 'a scenario file may be at most 500 kB');
const packName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/, 'must be a pack folder name');
/** What to call a file handed over as bytes, in messages about it (never opened). */
const fileLabel = z.string().min(1).max(4096).default('the audio file');
const personName = z.string().trim().min(1, 'give a name').max(80, 'a name may be at most 80 characters');
const roles = z
  .array(z.enum(['rep', 'manager', 'designer']))
  .min(1, 'choose at least one role')
  .max(3);
const seconds = z.number().min(0).max(3600);
const commentBody = z.string().trim().min(1, 'write the comment first').max(4000);
const isoDate = z.string().datetime({ offset: true, message: 'must be an ISO 8601 date and time' });

const base64 = (maxBytes: number, what: string) =>
  z
    .string()
    .max(Math.ceil(maxBytes / 3) * 4, `${what} may be at most ${Math.round(maxBytes / 1024)} kB`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, `must be base64-encoded ${what}`);

/**
 * Bytes: base64 text (JSON transports) or raw bytes (Electron IPC and the in-process transport carry them as they are).
 */
const bytes = (maxBytes: number, what: string) =>
  z.union([
    base64(maxBytes, what),
    z
      .custom<Uint8Array>((b) => b instanceof Uint8Array, `must be ${what}`)
      .refine((b) => b.byteLength <= maxBytes, `${what} may be at most ${Math.round(maxBytes / 1024)} kB`),
  ]);

/** Largest pack zip accepted in one call; core checks the real limits. */
export const MAX_PACK_BYTES = 25 * 1024 * 1024;
/** Largest attempts bundle or review file accepted in one call; core checks the real limits (bundle-check.ts). */
export const MAX_BUNDLE_BYTES = 100 * 1024 * 1024;
/** Largest audio chunk accepted in one call: 2 s of 16 kHz 16-bit mono. */
export const MAX_CHUNK_BYTES = 2 * 16000 * 2;
/**
 * Largest WAV file transcribed in one call (the CLI's transcribe and score): about 50 minutes of
 * 16 kHz mono, or 8 minutes of 48 kHz stereo.
 */
export const MAX_WAV_BYTES = 100 * 1024 * 1024;

/** A page of attempts: which ones, in which order (the history, and the review queue). */
const listFilter = {
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).default(0),
  scenarioId: scenarioId.optional(),
  skill: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a skill id such as objection-handling')
    .max(60)
    .optional(),
  status: z.enum(['in_progress', 'complete', 'incomplete']).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  certification: z.enum(['only', 'passed', 'not-passed']).optional(),
  repId: id.optional(),
  review: z.enum(['to-review', 'reviewed', 'needs-another']).optional(),
  band: z.enum(['below-60', '60-79', '80-plus']).optional(),
  sort: z.enum(['newest', 'oldest', 'best', 'worst']).default('newest'),
};
const { status: _status, ...queueFilter } = listFilter;

export const contract = {
  'app.info': z.strictObject({}),
  'model.status': z.strictObject({}),
  'models.settings': z.strictObject({}),
  'models.download': z.strictObject({ name: modelName }),
  'models.cancelDownload': z.strictObject({ name: modelName }),
  'models.use': z.union([
    z.strictObject({ name: modelName }),
    z.strictObject({ path: z.string().trim().min(1, 'give the path of a model file').max(4096) }),
  ]),
  'people.me': z.strictObject({}),
  'people.list': z.strictObject({}),
  'people.setUpMe': z.strictObject({ name: personName, roles }),
  'people.add': z.strictObject({ name: personName, roles }),
  'people.use': z.strictObject({ id }),
  'scenarios.list': z.strictObject({}),
  'attempts.start': z.strictObject({ scenarioId }),
  'attempts.finish': z.strictObject({ attemptId: id }),
  'attempts.next': z.strictObject({ attemptId: id }),
  'attempts.resume': z.strictObject({ attemptId: id }),
  'attempts.leave': z.strictObject({ attemptId: id }),
  'attempts.discard': z.strictObject({ attemptId: id }),
  'attempts.restore': z.strictObject({ attemptId: id }),
  'attempts.list': z.strictObject(listFilter),
  'attempts.scenarios': z.strictObject({}),
  'attempts.get': z.strictObject({ id }),
  'turns.peaks': z.strictObject({ turnId: id }),
  'attempts.peaks': z.strictObject({ attemptId: id }),
  'attempts.rescore': z.strictObject({ attemptId: id }),
  'recording.start': z.strictObject({ attemptId: id, step }),
  'recording.append': z.strictObject({
    recordingId,
    seq: z.number().int().min(0),
    pcm16: bytes(MAX_CHUNK_BYTES, '16-bit PCM'),
  }),
  'recording.cancel': z.strictObject({ recordingId }),
  'recording.finish': z.strictObject({ recordingId }),
  'turns.retry': z.strictObject({ attemptId: id, step }),
  'turns.retryTurn': z.strictObject({ attemptId: id, step }),
  'turns.cancelTranscription': z.strictObject({ attemptId: id, step }),
  'turns.submitTyped': z.strictObject({
    attemptId: id,
    step,
    text: z.string().trim().min(1, 'type an answer first').max(5000),
  }),
  'answers.try': z.union([
    z.strictObject({ scenarioId, turnId: scenarioId, text: z.string().trim().min(1, 'give an answer').max(5000) }),
    z.strictObject({ scenarioId, turnId: scenarioId, wav: bytes(MAX_WAV_BYTES, 'a WAV file'), name: fileLabel }),
  ]),
  'transcription.transcribe': z.strictObject({ wav: bytes(MAX_WAV_BYTES, 'a WAV file'), name: fileLabel }),
  'review.overrideScore': z.strictObject({
    turnId: id,
    criterionId: z.string().min(1).max(100),
    score: z.number().int().min(0).max(100),
    reason: z.string().trim().min(1, 'say why you are changing the score').max(2000),
  }),
  'review.setStatus': z.strictObject({
    attemptId: id,
    status: z.enum(['to-review', 'reviewed', 'needs-another']),
    note: z.string().trim().max(2000).optional(),
  }),
  // The queue's own defaults (not reviewed yet, oldest first) are ReviewService.queue's.
  'review.queue': z.strictObject({ ...queueFilter, sort: queueFilter.sort.unwrap().optional() }),
  'comments.add': z.strictObject({
    attemptId: id,
    turnId: id,
    atSeconds: seconds,
    endSeconds: seconds.optional(),
    criterionId: z.string().min(1).max(100).optional(),
    body: commentBody,
  }),
  'comments.reply': z.strictObject({ parentId: id, body: commentBody }),
  'comments.edit': z.strictObject({ id, body: commentBody }),
  'comments.remove': z.strictObject({ id }),
  'comments.resolve': z.strictObject({ id, resolved: z.boolean() }),
  'bundles.exportAttempts': z.strictObject({ attemptIds: z.array(id).min(1, 'choose at least one attempt').max(500) }),
  'bundles.exportReview': z.strictObject({ attemptIds: z.array(id).min(1, 'choose at least one attempt').max(500) }),
  'bundles.import': z.strictObject({
    fileName: z.string().min(1).max(255),
    zip: bytes(MAX_BUNDLE_BYTES, 'an attempts bundle or review file'),
  }),
  'bundles.exportHtml': z.strictObject({ attemptId: id }),
  'turns.examples': z.strictObject({ attemptId: id, step }),
  'plan.today': z.strictObject({ minutes: z.number().int().min(3).max(30).optional() }),
  'plan.progress': z.strictObject({}),
  'plan.setWeekGoal': z.strictObject({
    minutes: z
      .number()
      .int()
      .min(10, 'a goal is at least 10 minutes')
      .max(1200, 'a goal is at most 1200 minutes')
      .nullable(),
  }),
  'plan.reminderSettings': z.strictObject({}),
  'plan.setReminder': z.strictObject({
    time: z
      .string()
      .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'a time like 08:30')
      .nullable(),
  }),
  'plan.reminderDue': z.strictObject({}),
  'review.planChoices': z.strictObject({}),
  'review.setPlan': z.strictObject({
    attemptId: id,
    skills: z.array(z.string().trim().min(1).max(60, 'a skill may be at most 60 characters')).min(1).max(3),
    note: z.string().max(2000, 'the note may be at most 2000 characters').optional(),
    suggestedScenarioId: scenarioId.optional(),
  }),
  'review.clearPlan': z.strictObject({ attemptId: id }),
  'review.removeOverride': z.strictObject({ turnId: id, criterionId: z.string().min(1).max(100) }),
  'designer.list': z.strictObject({}),
  'designer.open': z.strictObject({ source, file: scenarioFile }),
  'designer.check': z.strictObject({ source, file: scenarioFile, text: scenarioText }),
  'designer.save': z.strictObject({ file: scenarioFile, text: scenarioText }),
  'designer.remove': z.strictObject({ file: scenarioFile }),
  'designer.duplicate': z.strictObject({ source, file: scenarioFile }),
  'designer.runExamples': z.strictObject({ source, file: scenarioFile, text: scenarioText }),
  'designer.exportPack': z.strictObject({ source, pack: packName }),
  'designer.importPack': z.strictObject({
    fileName: z.string().min(1).max(255),
    zip: bytes(MAX_PACK_BYTES, 'a pack zip'),
  }),
  'voice.buyerLine': z.strictObject({ scenarioId, turnId: scenarioId }),
  'assignments.create': z.strictObject({
    scenarioId,
    repIds: z.array(id).min(1, 'choose at least one rep').max(200),
    dueOn: day,
    note: z.string().max(2000, 'the note may be at most 2000 characters').optional(),
    kind: z.enum(['practice', 'certification']).optional(),
  }),
  'assignments.cancel': z.strictObject({ id }),
  'assignments.mine': z.strictObject({}),
  'alerts.inbox': z.strictObject({ includeDone: z.boolean().optional() }),
  'alerts.mark': z.strictObject({
    id: z.string().min(1).max(400),
    state: z.enum(['done', 'snoozed', 'new']),
    days: z.number().int().min(1).max(90).optional(),
  }),
  'assignments.given': z.strictObject({}),
  'team.status': z.strictObject({}),
  'team.connect': z.strictObject({ url: z.string().trim().min(1, 'paste the URL your admin gave you').max(2000) }),
  'team.disconnect': z.strictObject({}),
  'team.syncNow': z.strictObject({}),
  'team.publishPack': z.strictObject({ pack: packName }),
  'dashboard.team': dashboardQuery,
  'dashboard.csv': dashboardQuery,
  'dashboard.cell': z.strictObject({ repId: id, skill: z.string().min(1).max(100), to: day.optional() }),
  'dashboard.scorecard': z.strictObject({ repId: id, from: day.optional(), to: day.optional() }),
  'dashboard.setLeaderboard': z.strictObject({ enabled: z.boolean() }),
  /** Electron only: the page as a PDF, saved where the person chooses (the browser prints instead). */
  'report.savePdf': z.strictObject({ fileName: z.string().min(1).max(200) }),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type ArgsOf<M extends MethodName> = z.input<Contract[M]>;
export type ParsedArgsOf<M extends MethodName> = z.output<Contract[M]>;
/** What a method returns: the handler's (and so the service's) return type, never written twice. */
export type ResultOf<M extends MethodName> = Awaited<ReturnType<Handlers[M]>>;

export const methodNames = Object.keys(contract) as MethodName[];

export interface ApiErrorBody {
  code: string;
  message: string;
  /** For validation errors: which argument, and why. */
  issues?: { path: string; message: string }[];
}

export type Envelope<T> = { ok: true; result: T } | { ok: false; error: ApiErrorBody };

/** Pushed from core to the UI (transcription stages, model downloads and the like). */
export type ApiEvent = AppEvent;

type Domain<K> = K extends `${infer D}.${string}` ? D : never;

/** What window.api looks like: `api.attempts.list({...})`, plus media URLs and events. */
export type SparringApi = {
  [D in Domain<MethodName>]: {
    [K in MethodName as K extends `${D}.${infer M}` ? M : never]: (args?: ArgsOf<K>) => Promise<ResultOf<K>>;
  };
} & {
  media: { url(relativePath: string): string };
  events: { subscribe(listener: (event: ApiEvent) => void): () => void };
};
