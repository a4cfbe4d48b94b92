/**
 * Kill the bridge process with SIGKILL in the middle of an answer, start it again on the same
 * data directory: the audio is recovered up to the last chunk received, the attempt is listed as
 * incomplete, and the recovered answer can still be transcribed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWavInfo } from '../../../src-main/core/audio/wav';
import { bridgeClient, startBridgeProcess } from '../../support/bridge-process';
import { speechWav, TINY_MODEL, tempDir } from '../../support/paths';

describe('crash recovery', () => {
  it('recovers a recording cut short by SIGKILL and lists the attempt as incomplete', async () => {
    const dataDir = tempDir('sparring-crash-');
    const env = { SPARRING_DATA_DIR: dataDir, SPARRING_MODEL: TINY_MODEL };
    let bridge = await startBridgeProcess(env);
    let call = bridgeClient(bridge);
    const { attemptId } = await call<{ attemptId: number }>('attempts.start', { scenarioId: 'discovery-vague-buyer' });
    const { recordingId } = await call<{ recordingId: string }>('recording.start', { attemptId, step: 0 });

    // The spoken answer in 250 ms chunks, as the app sends them; then the process dies mid-answer.
    const wav = readFileSync(speechWav('open-question'));
    const info = readWavInfo(wav);
    const pcm = wav.subarray(info.dataOffset, info.dataOffset + info.dataBytes);
    const sent = info.dataBytes / 32000;
    let seconds = 0;
    for (let seq = 0; seq * 8000 < pcm.length; seq++) {
      ({ seconds } = await call<{ seconds: number }>('recording.append', {
        recordingId,
        seq,
        pcm16: pcm.subarray(seq * 8000, (seq + 1) * 8000).toString('base64'),
      }));
    }
    expect(seconds).toBeCloseTo(sent, 3);
    await bridge.stop('SIGKILL');
    expect(bridge.child.signalCode).toBe('SIGKILL');

    bridge = await startBridgeProcess(env);
    call = bridgeClient(bridge);
    try {
      const list = await call<{ items: { id: number; status: string }[] }>('attempts.list', {});
      expect(list.items).toEqual([expect.objectContaining({ id: attemptId, status: 'incomplete' })]);
      const attempt = await call<{
        turns: { index: number; audioPath: string; durationSeconds: number; transcript: unknown }[];
      }>('attempts.get', { id: attemptId });
      expect(attempt.turns).toHaveLength(1);
      const turn = attempt.turns[0]!;
      expect(turn.transcript).toBeNull();
      // Every byte that reached the process is back, in a playable WAV.
      expect(turn.durationSeconds).toBeCloseTo(sent, 3);
      expect(readWavInfo(readFileSync(join(dataDir, turn.audioPath))).durationSeconds).toBeCloseTo(sent, 3);
      // And it can still be transcribed and scored.
      const { turn: retried, next } = await call<{
        turn: { transcript: { words: unknown[] }; score: { overall: number } };
        next: { kind: string };
      }>('turns.retry', { attemptId, step: 0 });
      expect(retried.transcript.words.length).toBeGreaterThan(0);
      expect(retried.score.overall).toEqual(expect.any(Number));
      expect(next.kind).toBe('turn');
    } finally {
      await bridge.stop();
    }
  });
});
