/**
 * Fault: two instances on one data folder. A second bridge refuses to start with one clear
 * sentence, the CLI refuses the folder too, and the first bridge's answer in progress is untouched
 * (before the lock, the second start "recovered" it: moved the live WAV, marked the attempt left).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWavInfo } from '../../../src-main/core/audio/wav';
import { bridgeClient, startBridgeProcess } from '../../support/bridge-process';
import { runSparring } from '../../support/cli';
import { ROOT, speechWav, TINY_MODEL, tempDir } from '../../support/paths';

const startSecond = (env: Record<string, string>) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src-main/web/start.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });

describe('two instances on one data folder', () => {
  it('the second refuses to start and the first one keeps its answer in progress', async () => {
    const dataDir = tempDir('sparring-two-');
    const env = { SPARRING_DATA_DIR: dataDir, SPARRING_MODEL: TINY_MODEL };
    const first = await startBridgeProcess(env);
    try {
      const call = bridgeClient(first);
      const { attemptId } = await call<{ attemptId: number }>('attempts.start', {
        scenarioId: 'discovery-vague-buyer',
      });
      const { recordingId } = await call<{ recordingId: string }>('recording.start', { attemptId, step: 0 });
      const wav = readFileSync(speechWav('open-question'));
      const info = readWavInfo(wav);
      const pcm = wav.subarray(info.dataOffset, info.dataOffset + info.dataBytes);
      // In 250 ms chunks, as the app sends them: the first half now, the rest after the second start.
      const chunks: Buffer[] = [];
      for (let at = 0; at < pcm.length; at += 8000) chunks.push(pcm.subarray(at, at + 8000));
      const half = Math.floor(chunks.length / 2);
      for (let seq = 0; seq < half; seq++)
        await call('recording.append', { recordingId, seq, pcm16: chunks[seq]!.toString('base64') });

      const second = startSecond(env);
      expect(second.status).toBe(1);
      expect(second.stderr).toMatch(/^Sparring cannot start: Sparring is already using /m);
      expect(second.stderr).toMatch(/\(the browser bridge, process \d+, since .*\)\. Close it first/);
      expect(second.stderr).not.toMatch(/\n\s+at /);
      const cli = runSparring(['attempts', 'list'], { env: { ...process.env, SPARRING_DATA_DIR: dataDir } });
      expect(cli.status).not.toBe(0);
      expect(cli.stderr).toMatch(/Sparring is already using/);

      // The first bridge finishes its answer as if nothing had happened.
      for (let seq = half; seq < chunks.length; seq++)
        await call('recording.append', { recordingId, seq, pcm16: chunks[seq]!.toString('base64') });
      const { turn } = await call<{ turn: { audioPath: string; transcript: unknown } }>('recording.finish', {
        recordingId,
      });
      expect(turn.transcript).toBeTruthy();
      const stored = readFileSync(join(dataDir, turn.audioPath));
      expect(createHash('sha256').update(stored).digest('hex')).toBe(/([0-9a-f]{64})\.wav$/.exec(turn.audioPath)![1]);
    } finally {
      await first.stop();
    }
    // Once it has stopped, the folder is free again.
    const again = await startBridgeProcess(env);
    await again.stop();
  }, 90_000);

  it('a lock left by a process that died is taken over', async () => {
    const dataDir = tempDir('sparring-two-');
    const env = { SPARRING_DATA_DIR: dataDir, SPARRING_MODEL: TINY_MODEL };
    const first = await startBridgeProcess(env);
    await first.stop('SIGKILL');
    expect(readFileSync(join(dataDir, 'sparring.lock'), 'utf8')).toMatch(/"pid":/);
    const second = await startBridgeProcess(env);
    await second.stop();
  }, 60_000);
});
