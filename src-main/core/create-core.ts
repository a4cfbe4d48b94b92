import type { CoreConfig } from './config';
import { BundleService } from './bundles/bundle-service';
import { createContext } from './context';
import { HistoryService } from './history/history-service';
import { ModelManager } from './models/model-manager';
import { AnswerScorer } from './practice/answer-scorer';
import { PracticePath } from './practice/practice-path';
import { PracticeService } from './practice/practice-service';
import { RecordingService } from './practice/recording-service';
import { AnswersInFlight } from './practice/answers-in-flight';
import { TurnTries } from './practice/turn-tries';
import { recoverInterrupted } from './practice/recovery';
import { PeopleService } from './people/people-service';
import { PracticePlanService } from './practice-plan/practice-plan-service';
import { CoachingPlanService } from './review/coaching-plan-service';
import { CommentsService } from './review/comments-service';
import { ReviewService } from './review/review-service';
import { ScenarioWorkspace } from './scenarios/scenario-workspace';
import { TeamSyncService, memoryCredentials, teamPacksDir } from './team/team-sync';
import { AlertsService } from './analytics/alerts-service';
import { AssignmentsService } from './analytics/assignments-service';
import { DashboardService } from './analytics/dashboard-service';
import { warmUpFigures } from './analytics/figures-warm-up';
import { assertDataFolderFree, lockDataFolder } from './data-folder-lock';
import type { Db } from './storage/database';
import { Transcriber } from './transcription/transcriber';
import { VoiceService } from './voice/voice-service';

/**
 * The composition root: builds the shared context and one service per use case, and wires them.
 * Every front end (Electron, the browser bridge, the CLI, tests) drives the same services through
 * api/; nothing here knows of Electron or HTTP, and nothing here reads the environment.
 */
export function createCore(
  config: CoreConfig,
  options: { recover?: boolean; lockAs?: string; refuseIfHeld?: boolean } = {},
) {
  // A front end that owns the folder (the app, the bridge) holds it for its lifetime; the CLI only
  // refuses a folder one of them holds.
  if (options.refuseIfHeld) assertDataFolderFree(config.dataDir, config.nativeSqliteBinding);
  const lock =
    options.recover || options.lockAs
      ? lockDataFolder(config.dataDir, options.lockAs ?? 'the app', config.nativeSqliteBinding)
      : null;
  let ctx: ReturnType<typeof createContext>;
  try {
    ctx = createContext({ ...config, checkDatabase: options.recover ?? false });
    // The app and the bridge open (and check) the database at their start: a file that cannot be
    // used stops them there with one sentence, not on every call afterwards.
    if (options.recover) ctx.db.get();
  } catch (error) {
    lock?.release();
    throw error;
  }
  const transcriber = new Transcriber({ ...config, settings: config.transcription });
  const path = new PracticePath(ctx);
  const scorer = new AnswerScorer(ctx, config.judge ?? null);
  const history = new HistoryService(ctx, scorer);
  const models = new ModelManager(
    config.dataDir,
    config.modelPath,
    (e) => ctx.events.emit(e),
    config.modelBaseUrl ?? null,
  );
  const tries = new TurnTries(ctx, path);
  // Answers stopped but still being transcribed: typing one instead cancels it.
  const inFlight = new AnswersInFlight();
  const recording = new RecordingService(ctx, transcriber, scorer, path, tries, inFlight);
  const people = new PeopleService(ctx);
  const assignments = new AssignmentsService(ctx, people, config.now ?? (() => new Date()));
  const team = new TeamSyncService(
    ctx,
    people,
    config.teamCredentials ?? memoryCredentials(),
    teamPacksDir(config.dataDir),
    {
      intervalMs: config.teamSyncIntervalMs,
      now: config.now,
    },
  );
  // Only a front end that owns the data folder recovers it (the app, the bridge); the CLI never does.
  const recovery = options.recover ? recoverInterrupted(ctx, path) : { recordings: 0, attempts: 0, purged: 0 };

  let warmUp: { stop(): void } | null = null;
  return {
    dataDir: config.dataDir,
    /** What the start found and repaired after a crash. */
    recovery,
    events: ctx.events,
    catalog: ctx.catalog,
    transcriber,
    models,
    practice: new PracticeService(ctx, transcriber, scorer, path, tries, inFlight),
    recording,
    history,
    people,
    review: new ReviewService(ctx, people, history),
    comments: new CommentsService(ctx, people),
    coaching: new CoachingPlanService(ctx, people, history),
    /** Today's plan, skills, streak (the rep coming back tomorrow). */
    plan: new PracticePlanService(ctx, people, config.now ?? (() => new Date())),
    /** Attempts and reviews as files: `.sparring-attempts` and `.sparring-review`. */
    bundles: new BundleService(ctx, people, (id) => history.get(id)),
    voice: new VoiceService(ctx, config.speech ?? null),
    /** The designer's view of the scenario folders (edit, check, packs). */
    designer: new ScenarioWorkspace(
      ctx.catalog,
      [...config.builtInScenarioDirs, teamPacksDir(config.dataDir)],
      ctx.catalog.userDir,
    ),
    /** The manager's coaching alerts inbox (rules in analytics/alert-rules.ts, thresholds in a file). */
    alerts: new AlertsService(ctx, people, config.now ?? (() => new Date())),
    /** Assignments: a manager asks reps to practise a scenario by a date; reps see them on Today. */
    assignments,
    /** The manager's team dashboard: mastery heatmap, trends, engagement, certifications, exports. */
    dashboard: new DashboardService(ctx, people, assignments, config.now ?? (() => new Date())),
    /** The team store: connect, background sync, audio on demand, publishing packs (TEAM.md). */
    team,
    /** Starts computing the team figures in the background (the app and the bridge, at start). */
    warmUpFigures(): void {
      warmUp ??= warmUpFigures(ctx.db);
    },
    /** Resolves when every background model grading has finished (tests, and before closing). */
    settled: () => scorer.settled(),
    /** The repositories, for tests and the bench that seed data directly. */
    storage: {
      get db(): Db {
        return ctx.db.get();
      },
      attempts: ctx.attempts,
      people: ctx.people,
      reviews: ctx.reviews,
      turns: ctx.turns,
    },
    close(): void {
      warmUp?.stop();
      team.stop();
      transcriber.close();
      models.close();
      recording.close();
      ctx.db.close();
      lock?.release();
    },
  };
}

export type Core = ReturnType<typeof createCore>;
