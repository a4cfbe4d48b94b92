/**
 * The one contract between the UI and core. Every method is declared here once: its name, the
 * zod schema its arguments must pass, and its result type. Electron IPC (preload), the browser
 * bridge (web/) and the renderer all derive from this object, so they cannot drift.
 * Compiled for the renderer too: imports here must be zod and types only.
 */
import { z } from 'zod';
import type { AppEvent, AttemptDetail, AttemptSummary, ExampleResult, ModelSettings, ModelStatus, NextStep, Scenario, ScenarioCheck, ScenarioFileEntry, ScenarioListing, ScenarioProblem, TurnRecord } from '../core/domain';

/** Declares a method: `method<Result>()(argsSchema)`. The result exists only as a type. */
const method =
  <Result>() =>
  <Args extends z.ZodType>(args: Args) => ({ args, result: null as unknown as Result });

const id = z.number().int().positive();
const turnIndex = z.number().int().min(0).max(99);
const recordingId = z.string().uuid();

const source = z.enum(['built-in', 'user']);
const modelName = z.enum(['tiny.en', 'base.en', 'small.en']);
const scenarioFile = z.string().min(1).max(500).regex(/\.ya?ml$/i, 'must be a .yaml scenario file');
const scenarioText = z.string().max(500_000, 'a scenario file may be at most 500 kB');
const packName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/, 'must be a pack folder name');

/** Largest pack zip accepted in one call (25 MB, base64-encoded); core checks the real limits. */
export const MAX_PACK_BASE64 = Math.ceil((25 * 1024 * 1024) / 3) * 4;

/** Largest audio chunk accepted in one call: 2 s of 16 kHz 16-bit mono, base64-encoded. */
export const MAX_CHUNK_BASE64 = Math.ceil((2 * 16000 * 2) / 3) * 4;

export interface AppInfo {
  version: string;
  dataDir: string;
  transport: 'electron' | 'web';
}

export const contract = {
  'app.info': method<AppInfo>()(z.strictObject({})),
  'model.status': method<ModelStatus>()(z.strictObject({})),
  'models.settings': method<ModelSettings>()(z.strictObject({})),
  'models.download': method<ModelSettings>()(z.strictObject({ name: modelName })),
  'models.cancelDownload': method<ModelSettings>()(z.strictObject({ name: modelName })),
  'models.use': method<ModelSettings>()(z.union([z.strictObject({ name: modelName }), z.strictObject({ path: z.string().trim().min(1, 'give the path of a model file').max(4096) })])),
  'scenarios.list': method<ScenarioListing>()(z.strictObject({})),
  'attempts.start': method<{ attemptId: number; scenario: Scenario }>()(z.strictObject({ scenarioId: z.string().min(1).max(200) })),
  'attempts.finish': method<AttemptSummary>()(z.strictObject({ attemptId: id })),
  'attempts.next': method<NextStep>()(z.strictObject({ attemptId: id })),
  'attempts.list': method<{ items: AttemptSummary[]; total: number }>()(
    z.strictObject({ limit: z.number().int().min(1).max(500).default(50), offset: z.number().int().min(0).default(0) }),
  ),
  'attempts.get': method<AttemptDetail>()(z.strictObject({ id })),
  'attempts.rescore': method<AttemptDetail>()(z.strictObject({ attemptId: id })),
  'recording.start': method<{ recordingId: string }>()(z.strictObject({ attemptId: id, turnIndex })),
  'recording.append': method<{ seconds: number }>()(
    z.strictObject({
      recordingId,
      seq: z.number().int().min(0),
      pcm16: z.string().max(MAX_CHUNK_BASE64).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64-encoded 16-bit PCM'),
    }),
  ),
  'recording.cancel': method<{ cancelled: true }>()(z.strictObject({ recordingId })),
  'recording.finish': method<TurnRecord>()(z.strictObject({ recordingId })),
  'turns.retry': method<TurnRecord>()(z.strictObject({ attemptId: id, turnIndex })),
  'turns.submitTyped': method<TurnRecord>()(z.strictObject({ attemptId: id, turnIndex, text: z.string().trim().min(1, 'type an answer first').max(5000) })),
  'review.overrideScore': method<AttemptDetail>()(
    z.strictObject({
      turnId: id,
      criterionId: z.string().min(1).max(100),
      score: z.number().int().min(0).max(100),
      reason: z.string().trim().min(1, 'say why you are changing the score').max(2000),
    }),
  ),
  'designer.list': method<{ files: ScenarioFileEntry[]; userDir: string }>()(z.strictObject({})),
  'designer.open': method<{ source: ScenarioFileEntry['source']; file: string; text: string; editable: boolean }>()(z.strictObject({ source, file: scenarioFile })),
  'designer.check': method<ScenarioCheck>()(z.strictObject({ source, file: scenarioFile, text: scenarioText })),
  'designer.save': method<ScenarioCheck>()(z.strictObject({ file: scenarioFile, text: scenarioText })),
  'designer.remove': method<{ file: string; text: string }>()(z.strictObject({ file: scenarioFile })),
  'designer.duplicate': method<{ source: 'user'; file: string }>()(z.strictObject({ source, file: scenarioFile })),
  'designer.runExamples': method<{ problems: ScenarioProblem[]; results: ExampleResult[] }>()(z.strictObject({ source, file: scenarioFile, text: scenarioText })),
  'designer.exportPack': method<{ fileName: string; zipBase64: string }>()(z.strictObject({ source, pack: packName })),
  'designer.importPack': method<{ pack: string; scenarioIds: string[] }>()(
    z.strictObject({
      fileName: z.string().min(1).max(255),
      zipBase64: z.string().max(MAX_PACK_BASE64, 'a pack zip may be at most 25 MB').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be a base64-encoded zip'),
    }),
  ),
  'voice.buyerLine': method<{ mediaPath: string | null; source: 'clip' | 'synthesized' | 'system' }>()(
    z.strictObject({ scenarioId: z.string().min(1).max(200), turnId: z.string().min(1).max(200) }),
  ),
  'review.removeOverride': method<AttemptDetail>()(z.strictObject({ turnId: id, criterionId: z.string().min(1).max(100) })),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type ArgsOf<M extends MethodName> = z.input<Contract[M]['args']>;
export type ParsedArgsOf<M extends MethodName> = z.output<Contract[M]['args']>;
export type ResultOf<M extends MethodName> = Contract[M]['result'];

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
