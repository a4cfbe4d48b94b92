/**
 * `npm run model:make-test -- [tiny.en|base.en] [out.bin]`: writes a generated whisper.cpp model
 * (random weights, real shapes) for trying the pipeline without downloading one. It "hears" the
 * same fixed sentence in any audio: good for speed and plumbing, useless for real transcription.
 */
import { resolve } from 'node:path';
import { type TestModelShape, writeWhisperTestModel } from './whisper-test-model';

const shape = (process.argv[2] ?? 'tiny.en') as TestModelShape;
if (shape !== 'tiny.en' && shape !== 'base.en') {
  console.error('usage: npm run model:make-test -- [tiny.en|base.en] [out.bin]');
  process.exit(2);
}
const out = resolve(process.argv[3] ?? `ggml-${shape}-test.bin`);
const { bytes } = writeWhisperTestModel(out, shape);
console.log(`wrote ${out} (${(bytes / 1e6).toFixed(1)} MB of tensors), a ${shape}-shaped model with random weights`);
