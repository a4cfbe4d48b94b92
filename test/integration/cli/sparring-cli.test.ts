/** The `sparring` command as a user runs it (npx sparring ...): a real process, real whisper.cpp. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSparring, SCORE_SPOKEN_ANSWER, scorePricePushback } from '../../support/cli';
import { ROOT, speechWav, TINY_MODEL, tempDir } from '../../support/paths';

const sparring = (...args: string[]) => runSparring(args, { env: { ...process.env, SPARRING_DATA_DIR: tempDir() } });

describe('sparring CLI', () => {
  it('transcribe --json prints text and words with start and end seconds', () => {
    const r = sparring('transcribe', speechWav('short-answer'), '--model', TINY_MODEL, '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { text: string; words: { word: string; start: number; end: number }[] };
    expect(out.words.length).toBeGreaterThan(0);
    expect(out.text).toBe(out.words.map((w) => w.word).join(' '));
    for (const w of out.words) expect(Object.keys(w)).toEqual(['word', 'start', 'end']);
    expect(out.words[1]!.start).toBeGreaterThan(0);
  });

  it('explains a missing model and a file that is not audio, with a non-zero exit', () => {
    const noModel = sparring('transcribe', speechWav('short-answer'));
    expect(noModel.status).toBe(2);
    expect(noModel.stderr).toMatch(/No model: pass --model/);
    const notAudio = sparring('transcribe', join(ROOT, 'package.json'), '--model', TINY_MODEL);
    expect(notAudio.status).toBe(1);
    expect(notAudio.stderr).toMatch(/package\.json is not a WAV file/);
  });

  it('analyze reads utterances from stdin and prints one JSON object per line, in order', () => {
    const r = runSparring(['analyze', '--json'], {
      input: 'Help me understand what is not working today\nso your main concern is price, right?\n',
    });
    expect(r.status).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0].sentences).toEqual([
      expect.objectContaining({ text: 'Help me understand what is not working today', question: 'open' }),
    ]);
    expect(lines[0].techniques.probing).toEqual({
      detected: true,
      evidence: [{ text: 'Help me understand', start: 0, end: 18 }],
    });
    expect(lines[1].sentences[0].question).toBe('closed');
    for (const id of [
      'open-question',
      'probing',
      'acknowledge-objection',
      'feel-felt-found',
      'quantified-value',
      'next-step',
      'competitor-disparagement',
      'hedging',
    ]) {
      expect(lines[1].techniques[id]).toEqual({ detected: expect.any(Boolean), evidence: expect.any(Array) });
    }
    expect(lines[1].fillers).toEqual({ count: 0, items: [] });
  });

  it('analyze --text prints a single object', () => {
    const out = JSON.parse(sparring('analyze', '--text', 'Um, it was, like, slow.', '--json').stdout);
    expect(out.fillers).toEqual({
      count: 2,
      items: [
        { text: 'Um', start: 0, end: 2 },
        { text: 'like', start: 12, end: 16 },
      ],
    });
  });

  it('score --text scores a typed answer against a scenario turn', () => {
    const r = sparring(
      ...scorePricePushback('--text', 'I hear you. Teams your size cut onboarding time by 40%.', '--json'),
    );
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.criteria.find((c: { id: string }) => c.id === 'acknowledge-objection')).toMatchObject({
      score: 100,
      evidence: [{ text: 'I hear you', start: 0, end: 10 }],
    });
    expect(out.delivery.typed).toBe(true);
    expect(out.overall).toEqual(expect.any(Number));
    expect(sparring('score', '--scenario', 'price-objection', '--turn', 'nope', '--text', 'x')).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/has no turn "nope"/),
    });
  });

  it('score --audio transcribes with whisper.cpp first, with audio times on the evidence', () => {
    const r = sparring(...SCORE_SPOKEN_ANSWER);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.transcript.words.length).toBeGreaterThan(0);
    expect(out.delivery.typed).toBe(false);
    const evidence = out.criteria.flatMap((c: { evidence: { audioStart?: number }[] }) => c.evidence);
    expect(evidence.some((e: { audioStart?: number }) => typeof e.audioStart === 'number')).toBe(true);
  });

  it('prints help, and refuses unknown commands and models', () => {
    expect(sparring('--help').stdout).toMatch(/sparring transcribe <file.wav>/);
    expect(sparring('frobnicate')).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/Unknown command "frobnicate"/),
    });
    const huge = sparring('model', 'download', 'huge');
    expect(huge.status).toBe(2);
    for (const name of ['tiny.en', 'base.en', 'small.en']) expect(huge.stderr).toContain(name);
  });
});
