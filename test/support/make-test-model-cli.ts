/**
 * `npm run model:make-test -- [tiny.en|base.en] [out.bin] [--words N]`: writes a generated whisper.cpp
 * model (random weights, real shapes) for trying the pipeline without downloading one. It "hears"
 * the same fixed sentence in any audio (its first N words, 80 by default): good for speed and
 * plumbing, useless for real transcription.
 */
import { resolve } from 'node:path';
import { TEST_MODEL_WORDS, type TestModelShape, writeWhisperTestModel } from './whisper-test-model';

const args = process.argv.slice(2);
const wordsAt = args.indexOf('--words');
const words = wordsAt >= 0 ? Number(args.splice(wordsAt, 2)[1]) : TEST_MODEL_WORDS.length;
const shape = (args[0] ?? 'tiny.en') as TestModelShape;
const usage = `usage: npm run model:make-test -- [tiny.en|base.en] [out.bin] [--words 1-${TEST_MODEL_WORDS.length}]`;
if ((shape !== 'tiny.en' && shape !== 'base.en') || !Number.isInteger(words) || words < 1 || words > 80) {
  console.error(usage);
  process.exit(2);
}
const out = resolve(args[1] ?? `ggml-${shape}-test.bin`);
const { bytes } = writeWhisperTestModel(out, shape, { words });
console.log(
  `wrote ${out} (${(bytes / 1e6).toFixed(1)} MB of tensors), a ${shape}-shaped model with random weights that ` +
    `writes ${words} words per window`,
);
