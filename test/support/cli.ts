import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, speechWav, TINY_MODEL } from './paths';

/** Runs `sparring ...` as a user runs it (a real process through bin/sparring.js), in the project folder. */
export function runSparring(args: string[], options: { env?: NodeJS.ProcessEnv; input?: string } = {}) {
  return spawnSync(process.execPath, [join(ROOT, 'bin/sparring.js'), ...args], {
    encoding: 'utf8',
    cwd: ROOT,
    env: options.env ?? process.env,
    input: options.input,
  });
}

/** `sparring score` on the price objection's opening turn, followed by the answer and options given. */
export const scorePricePushback = (...rest: string[]) => [
  'score',
  '--scenario',
  'price-objection',
  '--turn',
  'price-pushback',
  ...rest,
];

/** `score --audio` of the short spoken answer with the generated model, as JSON. */
export const SCORE_SPOKEN_ANSWER = scorePricePushback(
  '--audio',
  speechWav('short-answer'),
  '--model',
  TINY_MODEL,
  '--json',
);
