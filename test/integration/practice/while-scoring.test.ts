/**
 * What the rep can do while a spoken answer is transcribed: type it instead (the transcription
 * stops, the typed text is scored, the recording stays), or move on to the next line when the
 * answer cannot change where the role-play goes. Real SQLite, whisper.cpp worker and generated model.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCore, type Core } from '../../support/core';
import { pcmOf } from '../../support/answer-audio';
import { speechWav, tempDir } from '../../support/paths';

/** A long answer (six sentences with pauses), all appended at once: its segments queue on the worker. */
function speakLongAnswer(core: Core, attemptId: number, step: number): string {
  const { recordingId } = core.recording.start(attemptId, step);
  const sentence = pcmOf(speechWav('short-answer'));
  const pause = Buffer.alloc(0.8 * 16000 * 2);
  const pcm = Buffer.concat(Array.from({ length: 6 }, () => Buffer.concat([sentence, pause])));
  let seq = 0;
  for (let off = 0; off < pcm.length; off += 8000)
    core.recording.append(recordingId, seq++, pcm.subarray(off, off + 8000));
  return recordingId;
}

const TYPED = 'What would change for your team if onboarding took half the time?';

describe('while an answer is being scored', () => {
  it('"type instead" stops the transcription, scores the typed text and keeps the recording', async () => {
    const dataDir = tempDir();
    const core = makeCore(dataDir);
    const { attemptId } = core.practice.start('drill-open-questions');
    // The worker is loaded, as it is by the time a rep answers (the buyer's line plays meanwhile).
    const warm = core.transcriber.startLive()!.live;
    warm.append(pcmOf(speechWav('short-answer')));
    await warm.finish();
    const recordingId = speakLongAnswer(core, attemptId, 0);
    const spoken = core.recording.finish(recordingId);
    const served = core.transcriber.workerServed;

    const typed = core.practice.submitTyped(attemptId, 0, TYPED);
    expect(typed.turn.transcript!.text).toBe(TYPED);
    expect(typed.turn.score!.delivery.typed).toBe(true);
    expect(typed.turn.audioPath).not.toBeNull();
    expect(typed.turn.durationSeconds).toBeGreaterThan(20);
    await expect(spoken).rejects.toMatchObject({ code: 'typed_instead' });

    // The queued segments were dropped: at most the one already running was transcribed.
    expect(core.transcriber.workerServed - served).toBeLessThanOrEqual(1);
    const stored = core.history.get(attemptId).turns[0]!;
    expect(stored.transcript!.text).toBe(TYPED);
    expect(existsSync(join(dataDir, stored.audioPath!))).toBe(true);
    expect(typed.next).toMatchObject({ kind: 'turn', step: 1 });
    core.close();
  });

  it('moves on to the next line while the answer is scored, when the answer cannot change the way on', async () => {
    const core = makeCore(tempDir());
    const { attemptId } = core.practice.start('drill-open-questions');
    const spoken = core.recording.finish(speakLongAnswer(core, attemptId, 0));

    const next = core.practice.next(attemptId);
    expect(next).toMatchObject({ kind: 'turn', step: 1 });
    const { recordingId } = core.recording.start(attemptId, 1); // the next answer can start at once
    core.recording.cancel(recordingId);

    const scored = await spoken;
    expect(scored.turn.transcript!.words.length).toBeGreaterThan(0);
    expect(scored.next).toMatchObject({
      kind: 'turn',
      step: 1,
      turn: { id: next.kind === 'turn' ? next.turn.id : '' },
    });
    expect(core.history.get(attemptId).turns[0]!.score).not.toBeNull();
    core.close();
  });

  it('waits for the score where the answer picks the branch', async () => {
    const core = makeCore(tempDir());
    const { attemptId, scenario } = core.practice.start('price-objection');
    expect(scenario.answerDecides).toContain(scenario.turns[0]!.id);
    const spoken = core.recording.finish(speakLongAnswer(core, attemptId, 0));
    expect(() => core.practice.next(attemptId)).toThrow(/depends on your answer: wait for its score/);
    await spoken;
    expect(core.practice.next(attemptId)).toMatchObject({ kind: 'turn', step: 1 });
    core.close();
  });
});
