/** Speech models, and what core pushes to the UI. Types only (compiled for the renderer too). */
import type { TurnRecord } from './attempt';

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

/** Where this copy stands with its team store, as Settings → Team and the header show it. */
export interface TeamSyncStatus {
  /** A team store URL is kept (false: the app is local and private, nothing is sent anywhere). */
  configured: boolean;
  /** The URL with its password hidden. */
  url: string | null;
  /** Where the URL is kept: encrypted by the system (the app), an environment variable, or memory only (the bridge). */
  kept: 'safe-storage' | 'environment' | 'memory';
  state: 'off' | 'syncing' | 'synced' | 'offline' | 'error';
  /** Who this copy is signed in as, by the team store. */
  person: { name: string; role: 'rep' | 'manager' | 'designer' | 'admin' } | null;
  lastSyncedAt: string | null;
  /** Attempts and reviews made here that have not reached the store yet. */
  waiting: number;
  /** Rows from the store this computer refused (they failed the same checks as an imported file). */
  refused: number;
  /** What went wrong last, in words (offline, a wrong password ...). */
  message: string | null;
}

/** Everything core pushes to the UI. */
export type AppEvent =
  /** The team sync started, moved on or stopped: where it stands now. */
  | { type: 'team.sync'; status: TeamSyncStatus }
  /** An answer on its way to a score (a recording just finished, or a stored answer transcribed again). */
  | { type: 'turn.stage'; attemptId: number; step: number; stage: 'saving' | 'transcribing' | 'scoring' | 'done' }
  /** A stopped answer's live segments: how many are transcribed, of how many (the last one included). */
  | { type: 'turn.progress'; attemptId: number; step: number; done: number; total: number }
  /** A stored turn changed after the fact (model-graded checks answered): the turn as it is now. */
  | { type: 'turn.updated'; attemptId: number; step: number; turn: TurnRecord }
  | {
      type: 'model.download';
      name: ModelChoice['name'];
      state: 'downloading' | 'done' | 'failed' | 'cancelled';
      receivedBytes: number;
      totalBytes: number | null;
      message?: string;
    };
