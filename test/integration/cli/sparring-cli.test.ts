/** The `sparring` command as a user runs it (npx sparring ...): a real process, real whisper.cpp. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, speechWav, TINY_MODEL, tempDir } from '../../support/paths';

const sparring = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'bin/sparring.js'), ...args], { encoding: 'utf8', env: { ...process.env, SPARRING_DATA_DIR: tempDir() } });

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

  it('prints help, and refuses unknown commands and models', () => {
    expect(sparring('--help').stdout).toMatch(/sparring transcribe <file.wav>/);
    expect(sparring('frobnicate')).toMatchObject({ status: 2, stderr: expect.stringMatching(/Unknown command "frobnicate"/) });
    const huge = sparring('model', 'download', 'huge');
    expect(huge.status).toBe(2);
    for (const name of ['tiny.en', 'base.en', 'small.en']) expect(huge.stderr).toContain(name);
  });
});
