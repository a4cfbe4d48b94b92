import type { SparringCore } from '../core/sparring-core';
import type { AppInfo, MethodName, ParsedArgsOf, ResultOf } from './contract';

export type Handlers = { [M in MethodName]: (args: ParsedArgsOf<M>) => ResultOf<M> | Promise<ResultOf<M>> };

/** Maps every contract method onto core. TypeScript checks that each exists and returns its declared type. */
export function createHandlers(core: SparringCore, info: Omit<AppInfo, 'dataDir'>): Handlers {
  return {
    'app.info': () => ({ ...info, dataDir: core.dataDir }),
    'model.status': () => core.modelStatus(),
    'scenarios.list': () => core.listScenarios(),
    'attempts.start': ({ scenarioId }) => core.startAttempt(scenarioId),
    'attempts.finish': ({ attemptId }) => core.finishAttempt(attemptId),
    'attempts.next': ({ attemptId }) => core.nextStep(attemptId),
    'attempts.list': ({ limit, offset }) => core.listAttempts(limit, offset),
    'attempts.get': ({ id }) => core.getAttempt(id),
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
    'review.removeOverride': ({ turnId, criterionId }) => core.removeOverride(turnId, criterionId),
  };
}
