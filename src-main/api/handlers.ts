import type { SparringCore } from '../core/sparring-core';
import type { AppInfo, MethodName, ParsedArgsOf, ResultOf } from './contract';

export type Handlers = { [M in MethodName]: (args: ParsedArgsOf<M>) => ResultOf<M> | Promise<ResultOf<M>> };

/** Maps every contract method onto core. TypeScript checks that each exists and returns its declared type. */
export function createHandlers(core: SparringCore, info: Omit<AppInfo, 'dataDir'>): Handlers {
  return {
    'app.info': () => ({ ...info, dataDir: core.dataDir }),
    'model.status': () => core.modelStatus(),
    'models.settings': () => core.models.settings(),
    'models.download': ({ name }) => core.models.download(name),
    'models.cancelDownload': ({ name }) => core.models.cancel(name),
    'models.use': (choice) => core.models.use(choice),
    'scenarios.list': () => core.listScenarios(),
    'attempts.start': ({ scenarioId }) => core.startAttempt(scenarioId),
    'attempts.finish': ({ attemptId }) => core.finishAttempt(attemptId),
    'attempts.next': ({ attemptId }) => core.nextStep(attemptId),
    'attempts.list': ({ limit, offset }) => core.listAttempts(limit, offset),
    'attempts.get': ({ id }) => core.getAttempt(id),
    'attempts.rescore': ({ attemptId }) => core.rescoreAttempt(attemptId),
    'recording.start': ({ attemptId, turnIndex }) => core.startRecording(attemptId, turnIndex),
    'recording.append': ({ recordingId, seq, pcm16 }) => core.appendAudio(recordingId, seq, Buffer.from(pcm16, 'base64')),
    'recording.cancel': ({ recordingId }) => {
      core.cancelRecording(recordingId);
      return { cancelled: true as const };
    },
    'recording.finish': ({ recordingId }) => core.finishRecording(recordingId),
    'turns.retry': ({ attemptId, turnIndex }) => core.retryTurn(attemptId, turnIndex),
    'turns.submitTyped': ({ attemptId, turnIndex, text }) => core.submitTypedAnswer(attemptId, turnIndex, text),
    'review.overrideScore': ({ turnId, criterionId, score, reason }) => core.overrideScore(turnId, criterionId, score, reason),
    'designer.list': () => ({ files: core.workspace.list(), userDir: core.workspace.userDir }),
    'designer.open': ({ source, file }) => core.workspace.open(source, file),
    'designer.check': ({ source, file, text }) => core.workspace.check(source, file, text),
    'designer.save': ({ file, text }) => core.workspace.save(file, text),
    'designer.remove': ({ file }) => core.workspace.remove(file),
    'designer.duplicate': ({ source, file }) => core.workspace.duplicate(source, file),
    'designer.runExamples': ({ source, file, text }) => core.workspace.runExamples(source, file, text),
    'designer.exportPack': ({ source, pack }) => {
      const { fileName, zip } = core.workspace.exportPack(source, pack);
      return { fileName, zipBase64: Buffer.from(zip).toString('base64') };
    },
    'designer.importPack': ({ fileName, zipBase64 }) => core.workspace.importPack(Buffer.from(zipBase64, 'base64'), fileName),
    'voice.buyerLine': ({ scenarioId, turnId }) => core.buyerLine(scenarioId, turnId),
    'review.removeOverride': ({ turnId, criterionId }) => core.removeOverride(turnId, criterionId),
  };
}
