import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Speaks `text` with espeak-ng into a 16 kHz mono 16-bit WAV (sox converts), optionally
 * followed by silence and/or repeated to reach a length in seconds. Test audio is made here,
 * never committed.
 */
export function makeSpeechWav(
  text: string,
  out: string,
  options: { trailingSilence?: number; minSeconds?: number; rate?: number } = {},
): string {
  if (existsSync(out)) return out;
  mkdirSync(dirname(out), { recursive: true });
  const raw = `${out}.espeak.wav`;
  execFileSync('espeak-ng', ['-s', String(options.rate ?? 160), '-w', raw, text]);
  const tmp = `${out}.tmp.wav`;
  const effects: string[] = [];
  if (options.minSeconds) {
    const once = Number(execFileSync('soxi', ['-D', raw]).toString().trim());
    const repeats = Math.max(0, Math.ceil(options.minSeconds / (once + 0.4)) - 1);
    effects.push('pad', '0', '0.4', 'repeat', String(repeats), 'trim', '0', String(options.minSeconds));
  }
  if (options.trailingSilence) effects.push('pad', '0', String(options.trailingSilence));
  execFileSync('sox', [raw, '-r', '16000', '-c', '1', '-b', '16', '-e', 'signed-integer', tmp, ...effects]);
  renameSync(tmp, out);
  execFileSync('rm', ['-f', raw]);
  return out;
}
