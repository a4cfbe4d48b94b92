import { join } from 'node:path';
import { AttemptRecords } from './attempts/attempt-records';
import { AudioStore } from './audio/audio-store';
import { EventBus } from './events';
import { ScenarioCatalog } from './scenarios/scenario-catalog';
import { AttemptsRepository } from './storage/attempts-repository';
import { LazyDb } from './storage/database';
import { CommentsRepository } from './storage/comments-repository';
import { PeopleRepository } from './storage/people-repository';
import { RecordingsRepository } from './storage/recordings-repository';
import { ReviewsRepository } from './storage/reviews-repository';
import { TurnTriesRepository } from './storage/turn-tries-repository';
import { TurnsRepository } from './storage/turns-repository';

/**
 * What every service shares: the data folder, the database and its repositories, the scenario catalog, the event bus.
 */
export interface CoreContext {
  readonly dataDir: string;
  /** Opened on first use (see LazyDb). */
  readonly db: LazyDb;
  readonly attempts: AttemptsRepository;
  readonly people: PeopleRepository;
  readonly reviews: ReviewsRepository;
  readonly comments: CommentsRepository;
  readonly turns: TurnsRepository;
  readonly recordings: RecordingsRepository;
  /** The answers of retried steps that do not count (practice/turn-tries.ts). */
  readonly tries: TurnTriesRepository;
  readonly records: AttemptRecords;
  readonly catalog: ScenarioCatalog;
  readonly audio: AudioStore;
  readonly events: EventBus;
}

export function createContext(options: {
  dataDir: string;
  builtInScenarioDirs: string[];
  nativeSqliteBinding?: string;
  /** Check the database's pages when it is opened (the app and the bridge). */
  checkDatabase?: boolean;
}): CoreContext {
  const db = new LazyDb(join(options.dataDir, 'sparring.db'), {
    nativeBinding: options.nativeSqliteBinding,
    check: options.checkDatabase ?? false,
  });
  const attempts = new AttemptsRepository(db);
  const turns = new TurnsRepository(db);
  const comments = new CommentsRepository(db);
  const reviews = new ReviewsRepository(db);
  const catalog = ScenarioCatalog.forDataDir(options.builtInScenarioDirs, options.dataDir);
  return {
    dataDir: options.dataDir,
    db,
    attempts,
    people: new PeopleRepository(db),
    reviews,
    comments,
    turns,
    recordings: new RecordingsRepository(db),
    tries: new TurnTriesRepository(db),
    records: new AttemptRecords(attempts, turns, comments, reviews, catalog),
    catalog,
    audio: new AudioStore(options.dataDir),
    events: new EventBus(),
  };
}
