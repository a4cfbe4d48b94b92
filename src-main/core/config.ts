/**
 * Everything core is configured with. Core never reads the environment itself: the edges
 * (electron/, web/, cli/) call `configFromEnvironment(process.env, ...)` once and pass the result in,
 * so tests and every front end configure the same core in the same way.
 */
import type { JudgeConfig } from './scoring/model-judge';
import { type TeamCredentials, memoryCredentials } from './team/team-sync';
import type { SpeechConfig } from './voice/buyer-speech';

/** How answers are transcribed: the same for the app, the browser bridge and the CLI. */
export interface TranscriptionSettings {
  /** whisper.cpp threads. */
  threads: number;
  /**
   * Beam size. 1 (greedy, with whisper's temperature fallback) is the default, as whisper.cpp's own
   * streaming example uses: feedback speed matters most here. 5 is whisper.cpp's CLI default.
   */
  beamSize: number;
  /** whisper's initial prompt; the default one contains fillers so whisper keeps writing them. null: none. */
  initialPrompt: string | null;
  /** Transcribe while the rep speaks (segments cut at pauses, on a warm worker); off: the whole file after the stop. */
  live: boolean;
}

/**
 * Whisper tends to drop "um" and "uh"; an initial prompt that contains them is the known remedy
 * (it conditions the decoder on a transcript style that keeps fillers).
 */
export const FILLER_PROMPT = 'Um, so, uh, I was, like, thinking that, you know, we could, uh, maybe start there.';

export const DEFAULT_TRANSCRIPTION: TranscriptionSettings = {
  threads: 2,
  beamSize: 1,
  initialPrompt: FILLER_PROMPT,
  live: true,
};

export interface CoreConfig {
  dataDir: string;
  /** Folders of built-in scenarios (read-only); the user's own live in <dataDir>/scenarios. */
  builtInScenarioDirs: string[];
  /** Roots to look for native/whisper/ under (the project in development, resources/ when packaged). */
  appRoots: string[];
  /** A model file that overrides Settings (SPARRING_MODEL, or a test's model); settings cannot change it then. */
  modelPath?: string | null;
  /** whisper.cpp's `main` to use instead of the built one (SPARRING_WHISPER_BIN). */
  whisperBinary?: string | null;
  /** Where model downloads come from (a mirror: SPARRING_MODEL_BASE_URL). */
  modelBaseUrl?: string | null;
  nativeSqliteBinding?: string;
  transcription?: Partial<TranscriptionSettings>;
  /** Model-graded checks: an OpenAI-compatible endpoint, or null/absent for off. */
  judge?: JudgeConfig | null;
  /** Buyer voices from an OpenAI-compatible text-to-speech endpoint, or null/absent for off. */
  speech?: SpeechConfig | null;
  /**
   * What time it is, for the daily plan and streaks (the system clock unless set). SPARRING_NOW
   * (an ISO date and time) pins it, so tests and demos can step through days.
   */
  now?: () => Date;
  /**
   * Where the team store's URL is kept (Electron: encrypted with safeStorage; the CLI and the
   * browser bridge: SPARRING_TEAM_DATABASE_URL, else memory). Absent: no URL, the app stays local.
   */
  teamCredentials?: TeamCredentials;
  /** How often the team sync runs while connected (ms; 30 s unless set). */
  teamSyncIntervalMs?: number;
}

type Env = Record<string, string | undefined>;

/** From SPARRING_JUDGE_BASE_URL / _MODEL / _API_KEY / _TIMEOUT_MS; null (off) unless both URL and model are set. */
export function judgeConfigFrom(env: Env): JudgeConfig | null {
  if (!env.SPARRING_JUDGE_BASE_URL || !env.SPARRING_JUDGE_MODEL) return null;
  return {
    baseUrl: env.SPARRING_JUDGE_BASE_URL,
    model: env.SPARRING_JUDGE_MODEL,
    apiKey: env.SPARRING_JUDGE_API_KEY,
    timeoutMs: env.SPARRING_JUDGE_TIMEOUT_MS ? Number(env.SPARRING_JUDGE_TIMEOUT_MS) : undefined,
  };
}

/** From SPARRING_TTS_BASE_URL / _MODEL / _VOICE / _API_KEY / _TIMEOUT_MS; null (off) unless a base URL is set. */
export function speechConfigFrom(env: Env): SpeechConfig | null {
  if (!env.SPARRING_TTS_BASE_URL) return null;
  return {
    baseUrl: env.SPARRING_TTS_BASE_URL,
    model: env.SPARRING_TTS_MODEL || 'tts-1',
    defaultVoice: env.SPARRING_TTS_VOICE || 'alloy',
    apiKey: env.SPARRING_TTS_API_KEY,
    timeoutMs: env.SPARRING_TTS_TIMEOUT_MS ? Number(env.SPARRING_TTS_TIMEOUT_MS) : undefined,
  };
}

/**
 * The transcription settings the environment asks for (SPARRING_BEAM_SIZE, SPARRING_FILLER_PROMPT=0,
 * SPARRING_LIVE_TRANSCRIPTION=0).
 */
export function transcriptionFrom(env: Env): Partial<TranscriptionSettings> {
  const settings: Partial<TranscriptionSettings> = {};
  const beam = Number(env.SPARRING_BEAM_SIZE);
  if (Number.isInteger(beam) && beam >= 1 && beam <= 16) settings.beamSize = beam;
  if (env.SPARRING_FILLER_PROMPT === '0') settings.initialPrompt = null;
  if (env.SPARRING_LIVE_TRANSCRIPTION === '0') settings.live = false;
  const threads = Number(env.SPARRING_WHISPER_THREADS);
  if (Number.isInteger(threads) && threads >= 1 && threads <= 64) settings.threads = threads;
  return settings;
}

/** The whole configuration from an environment, on top of what the front end knows (data folder, roots). */
export function configFromEnvironment(
  env: Env,
  base: Pick<CoreConfig, 'dataDir' | 'builtInScenarioDirs' | 'appRoots'> & Partial<CoreConfig>,
): CoreConfig {
  return {
    modelPath: env.SPARRING_MODEL || null,
    whisperBinary: env.SPARRING_WHISPER_BIN || null,
    modelBaseUrl: env.SPARRING_MODEL_BASE_URL || null,
    transcription: transcriptionFrom(env),
    judge: judgeConfigFrom(env),
    speech: speechConfigFrom(env),
    ...clockFrom(env),
    // The CLI and the browser bridge: the URL from the environment, else one typed into the page (memory only).
    teamCredentials: memoryCredentials(env.SPARRING_TEAM_DATABASE_URL || null),
    ...base,
  };
}

/** SPARRING_NOW: a fixed "now" (ISO 8601), for tests and demos of the daily plan; ignored if it does not parse. */
export function clockFrom(env: Env): Pick<CoreConfig, 'now'> {
  const fixed = env.SPARRING_NOW ? Date.parse(env.SPARRING_NOW) : NaN;
  return Number.isNaN(fixed) ? {} : { now: () => new Date(fixed) };
}
