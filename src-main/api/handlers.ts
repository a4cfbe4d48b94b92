import { type Core, SparringError } from '../core';
import type { MethodName, ParsedArgsOf } from './contract';

export interface AppInfo {
  version: string;
  dataDir: string;
  transport: 'electron' | 'web' | 'cli';
}

/** Bytes from either transport: base64 text (JSON) or raw bytes (IPC, in-process). */
const toBytes = (b: string | Uint8Array): Uint8Array => (typeof b === 'string' ? Buffer.from(b, 'base64') : b);

/** What every handler must accept: its method's parsed arguments. What it returns is the method's result type. */
type HandlerShape = { [M in MethodName]: (args: ParsedArgsOf<M>) => unknown };

/**
 * Maps every contract method onto one core service call. The contract's result types are read
 * from here (ResultOf), so each is written once: by the service that returns it.
 */
export function createHandlers(
  core: Core,
  info: Omit<AppInfo, 'dataDir'>,
  /** What only the Electron shell can do. */
  extras: { savePdf?: (fileName: string) => Promise<{ saved: string | null }> } = {},
) {
  return {
    'app.info': (): AppInfo => ({ ...info, dataDir: core.dataDir }),
    'model.status': () => core.transcriber.modelStatus(),
    'models.settings': () => core.models.settings(),
    'models.download': ({ name }) => core.models.download(name),
    'models.cancelDownload': ({ name }) => core.models.cancel(name),
    'models.use': (choice) => core.models.use(choice),
    'people.me': () => core.people.me(),
    'people.list': () => core.people.list(),
    'people.setUpMe': ({ name, roles }) => core.people.setUpMe(name, roles),
    'people.add': ({ name, roles }) => core.people.add(name, roles),
    'people.use': ({ id }) => core.people.use(id),
    'scenarios.list': () => core.catalog.list(),
    'attempts.start': ({ scenarioId }) => core.practice.start(scenarioId),
    'attempts.finish': ({ attemptId }) => core.practice.finish(attemptId),
    'attempts.next': ({ attemptId }) => core.practice.next(attemptId),
    'attempts.resume': ({ attemptId }) => core.practice.resume(attemptId),
    'attempts.leave': ({ attemptId }) => core.practice.leave(attemptId),
    'attempts.discard': ({ attemptId }) => core.practice.discard(attemptId),
    'attempts.restore': ({ attemptId }) => core.practice.restore(attemptId),
    'attempts.list': (filter) => core.history.list(filter),
    'attempts.scenarios': () => core.history.scenarios(),
    'attempts.get': ({ id }) => core.history.get(id),
    'turns.peaks': ({ turnId }) => core.history.peaks(turnId),
    'attempts.peaks': async ({ attemptId }) => {
      // An attempt pulled from the team store brings its audio when someone first listens.
      await core.team.ensureAudio(attemptId);
      return core.history.attemptPeaks(attemptId);
    },
    'attempts.rescore': ({ attemptId }) => core.history.rescore(attemptId),
    'recording.start': ({ attemptId, step }) => core.recording.start(attemptId, step),
    'recording.append': ({ recordingId, seq, pcm16 }) => core.recording.append(recordingId, seq, toBytes(pcm16)),
    'recording.cancel': ({ recordingId }) => core.recording.cancel(recordingId),
    'recording.finish': ({ recordingId }) => core.recording.finish(recordingId),
    'turns.retry': ({ attemptId, step }) => core.practice.retry(attemptId, step),
    'turns.submitTyped': ({ attemptId, step, text }) => core.practice.submitTyped(attemptId, step, text),
    'turns.retryTurn': ({ attemptId, step }) => core.practice.retryTurn(attemptId, step),
    'turns.cancelTranscription': ({ attemptId, step }) => core.practice.cancelTranscription(attemptId, step),
    'answers.try': (a) =>
      core.practice.tryAnswer(
        a.scenarioId,
        a.turnId,
        'text' in a ? { text: a.text } : { wav: toBytes(a.wav), name: a.name },
      ),
    'transcription.transcribe': ({ wav, name }) => core.transcriber.transcribeBytes(toBytes(wav), name),
    'review.overrideScore': ({ turnId, criterionId, score, reason }) =>
      core.review.overrideScore(turnId, criterionId, score, reason),
    'review.setStatus': ({ attemptId, status, note }) => core.review.setStatus(attemptId, status, note),
    'review.queue': (filter) => core.review.queue(filter),
    'comments.add': (c) => core.comments.add(c),
    'comments.reply': ({ parentId, body }) => core.comments.reply(parentId, body),
    'comments.edit': ({ id, body }) => core.comments.edit(id, body),
    'comments.remove': ({ id }) => core.comments.remove(id),
    'comments.resolve': ({ id, resolved }) => core.comments.resolve(id, resolved),
    'bundles.exportAttempts': ({ attemptIds }) => asBase64(core.bundles.exportAttempts(attemptIds)),
    'bundles.exportReview': ({ attemptIds }) => asBase64(core.bundles.exportReview(attemptIds)),
    'bundles.import': ({ fileName, zip }) => core.bundles.import(toBytes(zip), fileName),
    'bundles.exportHtml': ({ attemptId }) => core.bundles.exportHtml(attemptId),
    'turns.examples': ({ attemptId, step }) => core.practice.exampleAnswers(attemptId, step),
    'plan.today': (options) => core.plan.today(options),
    'plan.progress': () => core.plan.progress(),
    'plan.setWeekGoal': ({ minutes }) => core.plan.setWeekGoal(minutes),
    'plan.reminderSettings': () => core.plan.reminderSettings(),
    'plan.setReminder': ({ time }) => core.plan.setReminder(time),
    'plan.reminderDue': () => core.plan.reminderDue(),
    'assignments.create': (input) => core.assignments.assign(input),
    'assignments.cancel': ({ id }) => core.assignments.cancel(id),
    'assignments.mine': () => core.assignments.mine(),
    'alerts.inbox': (options) => core.alerts.inbox(options),
    'alerts.mark': ({ id, state, days }) => core.alerts.mark(id, state, days),
    'assignments.given': () => core.assignments.given(),
    'dashboard.team': (query) => core.dashboard.team(query),
    'dashboard.csv': (query) => core.dashboard.csv(query),
    'dashboard.cell': (input) => core.dashboard.cell(input),
    'dashboard.scorecard': (input) => core.dashboard.scorecard(input),
    'dashboard.setLeaderboard': ({ enabled }) => core.dashboard.setLeaderboard(enabled),
    'report.savePdf': ({ fileName }): Promise<{ saved: string | null }> => {
      if (!extras.savePdf)
        throw new SparringError('print_in_browser', 'Saving a PDF is done by the browser here: use its Print dialog.');
      return extras.savePdf(fileName);
    },
    'team.status': () => core.team.status(),
    'team.connect': ({ url }) => core.team.connect(url),
    'team.disconnect': () => core.team.disconnect(),
    'team.syncNow': async () => {
      const report = await core.team.syncNow();
      return { report, status: core.team.status() };
    },
    'team.publishPack': ({ pack }) => core.team.publishPack(pack),
    'review.planChoices': () => core.coaching.choices(),
    'review.setPlan': ({ attemptId, ...plan }) => core.coaching.set(attemptId, plan),
    'review.clearPlan': ({ attemptId }) => core.coaching.clear(attemptId),
    'review.removeOverride': ({ turnId, criterionId }) => core.review.removeOverride(turnId, criterionId),
    'designer.list': () => ({ files: core.designer.list(), userDir: core.designer.userDir }),
    'designer.open': ({ source, file }) => core.designer.open(source, file),
    'designer.check': ({ source, file, text }) => core.designer.check(source, file, text),
    'designer.save': ({ file, text }) => core.designer.save(file, text),
    'designer.remove': ({ file }) => core.designer.remove(file),
    'designer.duplicate': ({ source, file }) => core.designer.duplicate(source, file),
    'designer.runExamples': ({ source, file, text }) => core.designer.runExamples(source, file, text),
    'designer.exportPack': async ({ source, pack }) => asBase64(await core.designer.exportPack(source, pack)),
    'designer.importPack': ({ fileName, zip }) => core.designer.importPack(toBytes(zip), fileName),
    'voice.buyerLine': ({ scenarioId, turnId }) => core.voice.buyerLine(scenarioId, turnId),
  } satisfies HandlerShape;
}

export type Handlers = ReturnType<typeof createHandlers>;

/** A zip handed to the UI: base64, which every transport carries as it is. */
const asBase64 = ({ fileName, zip }: { fileName: string; zip: Uint8Array }) => ({
  fileName,
  zipBase64: Buffer.from(zip).toString('base64'),
});
