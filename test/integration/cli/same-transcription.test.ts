/**
 * `sparring score --audio` goes through the app's own API dispatch (an in-process transport), so
 * it transcribes exactly as the app does: the same engine, beam, prompt, threads and model. Each
 * transcript records the request that made it; the CLI's and the app's are compared here.
 */
import { describe, expect, it } from 'vitest';
import { FILLER_PROMPT } from '../../../src-main/core';
import { feedAnswer } from '../../support/answer-audio';
import { runSparring, SCORE_SPOKEN_ANSWER } from '../../support/cli';
import { makeCore } from '../../support/core';
import { speechWav, TINY_MODEL, tempDir } from '../../support/paths';

async function appTranscript(live: boolean) {
  const core = makeCore(tempDir(), { transcription: { live } });
  const { attemptId } = core.practice.start('price-objection');
  const { recordingId } = core.recording.start(attemptId, 0);
  feedAnswer(core, recordingId, speechWav('short-answer'));
  const { turn } = await core.recording.finish(recordingId);
  core.close();
  return turn.transcript!;
}

describe('the CLI and the app transcribe alike', () => {
  it('score --audio makes the same transcription request as a spoken answer in the app', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, SPARRING_DATA_DIR: tempDir() };
    for (const key of ['SPARRING_BEAM_SIZE', 'SPARRING_FILLER_PROMPT', 'SPARRING_LIVE_TRANSCRIPTION', 'SPARRING_MODEL'])
      delete env[key];
    const cli = runSparring(SCORE_SPOKEN_ANSWER, { env });
    expect(cli.stderr).toBe('');
    const fromCli = JSON.parse(cli.stdout).transcript;

    const whole = await appTranscript(false);
    expect(fromCli.request).toEqual(whole.request);
    expect(fromCli.request).toEqual({
      engine: 'worker',
      model: 'ggml-tiny.en-test.bin',
      beamSize: 1,
      initialPrompt: FILLER_PROMPT,
      threads: 2,
    });
    expect(fromCli.text).toBe(whole.text);

    // While the rep speaks, segments go to the same worker with the same settings.
    const live = await appTranscript(true);
    expect(live.request).toEqual({ ...whole.request, engine: 'worker-live' });
  });

  it('the environment changes the request for the CLI as for the app (read once, at the edge)', () => {
    const env = { ...process.env, SPARRING_DATA_DIR: tempDir(), SPARRING_BEAM_SIZE: '5', SPARRING_FILLER_PROMPT: '0' };
    const cli = runSparring(['transcribe', speechWav('short-answer'), '--model', TINY_MODEL, '--json'], { env });
    expect(cli.status).toBe(0);
    expect(JSON.parse(cli.stdout).request).toMatchObject({ beamSize: 5, initialPrompt: null });
  });
});
