import { existsSync } from 'node:fs';
import { makeSpeechWav } from './speech';
import { micWav, SPEECH, speechWav, TINY_MODEL, WHISPER_MAIN } from './paths';
import { writeWhisperTestModel } from './whisper-test-model';

/** Runs once before the tests: the generated whisper model and the espeak-ng answers. */
export default function setup() {
  if (!existsSync(WHISPER_MAIN))
    throw new Error(
      `whisper.cpp is not built (${WHISPER_MAIN}). Run "npm install" or "node scripts/build-whisper.mjs".`,
    );
  if (!existsSync(TINY_MODEL)) writeWhisperTestModel(TINY_MODEL, 'tiny.en');
  for (const name of Object.keys(SPEECH) as (keyof typeof SPEECH)[]) {
    makeSpeechWav(SPEECH[name], speechWav(name));
    makeSpeechWav(SPEECH[name], micWav(name), { trailingSilence: 3 });
  }
}
