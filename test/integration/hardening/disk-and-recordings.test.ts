/**
 * Fault: a full disk mid-answer (a real 8 MB tmpfs, filled), and recordings a client never stops.
 * What was said before the disk filled is kept and filed once there is space; core caps the
 * answer's length and the recordings open at once; an abandoned recording is filed at the next start.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_ANSWER_SECONDS } from '../../../src-main/core/practice/recording-service';
import { makeCore } from '../../support/core';
import { tempDir } from '../../support/paths';

/** 250 ms of a 440 Hz tone, 16 kHz mono 16-bit, as the app sends a chunk. */
const chunk = Buffer.alloc(8000);
for (let i = 0; i < 4000; i++) chunk.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / 16000)), i * 2);

const mountPoint = tempDir('sparring-tmpfs-');
// Mounting needs root (CI and this machine run as root); elsewhere this test says it was skipped.
const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mountPoint]).status === 0;
afterAll(() => {
  if (mounted) spawnSync('umount', ['-l', mountPoint]);
});

describe('a full disk mid-answer', () => {
  it.skipIf(!mounted)(
    'keeps what was said, says so plainly, and files it once there is space',
    async () => {
      const dataDir = join(mountPoint, 'data');
      mkdirSync(dataDir);
      const core = makeCore(dataDir, { modelPath: null });
      core.people.setUpMe('Riley Rep', ['rep']);
      const { attemptId } = core.practice.start('discovery-vague-buyer');
      const { recordingId } = core.recording.start(attemptId, 0);
      // Fill the disk, leaving room for about three seconds of speech.
      const { bavail, bsize } = statfsSync(mountPoint);
      const filler = join(mountPoint, 'filler');
      writeFileSync(filler, Buffer.alloc(Number(bavail) * Number(bsize) - 100_000));

      let said = 0;
      let full: Error | null = null;
      for (let seq = 0; seq < 200 && !full; seq++) {
        try {
          core.recording.append(recordingId, seq, chunk);
          said += 0.25;
        } catch (error) {
          full = error as Error;
        }
      }
      expect(full?.message).toMatch(/^The disk is full\. What you said so far \(\d+\.\d s\) is kept; free some space/);
      expect(said).toBeGreaterThan(1);

      // Stopping may need the disk too (the database): then it says so and keeps the recording open.
      const stop = () =>
        core.recording.finish(recordingId).then(
          () => null,
          (e: Error) => e,
        );
      let stopped = await stop();
      if (stopped && /disk is full/.test(stopped.message)) {
        rmSync(filler);
        stopped = await stop();
      }
      rmSync(filler, { force: true });
      // No model here: transcription fails after the answer is filed, which is what this checks.
      if (stopped) expect(stopped.message).not.toMatch(/disk is full/);
      const turn = core.history.get(attemptId).turns[0]!;
      expect(turn.durationSeconds).toBeCloseTo(said, 1);
      const wav = readFileSync(join(dataDir, turn.audioPath!));
      expect(createHash('sha256').update(wav).digest('hex')).toBe(/([0-9a-f]{64})\.wav$/.exec(turn.audioPath!)![1]);
      core.close();
    },
    60_000,
  );
});

describe('recordings a client never stops', () => {
  it('caps an answer at three minutes, keeping all of it so far', () => {
    const core = makeCore(tempDir(), { modelPath: null });
    core.people.setUpMe('Riley Rep', ['rep']);
    const { attemptId } = core.practice.start('discovery-vague-buyer');
    const { recordingId } = core.recording.start(attemptId, 0);
    const chunks = (MAX_ANSWER_SECONDS / 0.25) | 0;
    for (let seq = 0; seq < chunks; seq++) core.recording.append(recordingId, seq, chunk);
    expect(() => core.recording.append(recordingId, chunks, chunk)).toThrow(/An answer is at most 3 minutes/);
    expect(core.recording.append(recordingId, chunks, Buffer.alloc(0)).seconds).toBe(MAX_ANSWER_SECONDS);
    core.close();
  });

  it('keeps an abandoned recording of the step beside the newer answer; caps recordings open at once', async () => {
    const dataDir = tempDir();
    let core = makeCore(dataDir, { modelPath: null });
    core.people.setUpMe('Riley Rep', ['rep']);
    const { attemptId } = core.practice.start('discovery-vague-buyer');
    const first = core.recording.start(attemptId, 0);
    for (let seq = 0; seq < 8; seq++) core.recording.append(first.recordingId, seq, chunk);
    // The page reloads and the step is answered again: the first recording is set aside, not lost.
    const second = core.recording.start(attemptId, 0);
    expect(() => core.recording.append(first.recordingId, 8, chunk)).toThrow(/is not active/);
    for (let seq = 0; seq < 4; seq++) core.recording.append(second.recordingId, seq, chunk);
    // No model here: the answer is filed, then transcription fails (what matters is the filing).
    await core.recording.finish(second.recordingId).catch(() => null);
    const others = ['discovery-vague-buyer', 'price-objection', 'discovery-vague-buyer', 'price-objection'].map((id) =>
      core.recording.start(core.practice.start(id).attemptId, 0),
    );
    expect(others).toHaveLength(4);
    expect(() => core.recording.start(core.practice.start('price-objection').attemptId, 0)).toThrow(
      /4 answers are being recorded already: stop one/,
    );
    core.close();
    core = makeCore(dataDir, { modelPath: null });
    const turn = core.history.get(attemptId).turns[0]!;
    // The newer answer counts; the abandoned one is kept beside it, audio and all.
    expect(turn.durationSeconds).toBeCloseTo(1, 1);
    expect(turn.tries?.map((t) => [t.durationSeconds, Boolean(t.audioPath)])).toEqual([[2, true]]);
    core.close();
  });
});
