/**
 * A finished spoken role-play to review, seeded through core without transcribing: each answer's
 * audio is made with sox (noise shaped like syllables, silent between words and in the pauses),
 * filed in the data folder's audio store (which writes its waveform peaks, as for a real answer),
 * and stored with a timed transcript and its scores. The transcript and the audio agree on every
 * word's time, so what the page marks (fillers, hedges, pauses) is where the audio is silent or not.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AudioStore } from '../../src-main/core/audio/audio-store';
import { readWavInfo } from '../../src-main/core/audio/wav';
import type { TimedWord } from '../../src-main/core/domain';
import { scoreAnswer } from '../../src-main/core/scoring/score-answer';
import type { Core } from './core';
import { tempDir } from './paths';

/** Words of the answers, with fillers ("Um", "like") and hedges ("maybe", "I guess") among them. */
const SENTENCES = [
  'Um, I hear you on the price.',
  'Can you help me understand what you are comparing it with?',
  'Maybe we could look at the first quarter together.',
  'Most teams like yours cut onboarding time by a third, which, like, paid for the licence twice over.',
  'What would it mean for your drivers if the first week took two days instead of five?',
  'I guess the real question is what a slow start costs you.',
];
const WORD_SECONDS = 0.32;
const WORD_GAP = 0.08;
const SENTENCE_GAP = 0.45;
/** The first sentence, and every third after it, is followed by a pause the page marks (over 1 s). */
const LONG_PAUSE = 1.6;
const LEAD_IN = 0.6;

/** A timed transcript of up to `seconds`: the sentences in turn, words at a steady pace, a long pause every third. */
export function timedAnswer(seconds: number, sentences = SENTENCES): { text: string; words: TimedWord[] } {
  const words: TimedWord[] = [];
  const texts: string[] = [];
  let t = LEAD_IN;
  for (let i = 0; ; i++) {
    const sentence = sentences[i % sentences.length]!;
    const parts = sentence.split(' ');
    if (t + parts.length * (WORD_SECONDS + WORD_GAP) > seconds - 0.3) break;
    for (const word of parts) {
      words.push({ word, start: Number(t.toFixed(2)), end: Number((t + WORD_SECONDS).toFixed(2)) });
      t += WORD_SECONDS + WORD_GAP;
    }
    texts.push(sentence);
    t += i % 3 === 0 ? LONG_PAUSE : SENTENCE_GAP;
  }
  return { text: texts.join(' '), words };
}

/** A 16 kHz mono WAV of `seconds`: sox's pink noise at syllable rate where a word is said, silence elsewhere. */
export function answerAudio(seconds: number, words: TimedWord[], out: string): string {
  execFileSync('sox', [
    '-n',
    '-r',
    '16000',
    '-c',
    '1',
    '-b',
    '16',
    '-e',
    'signed-integer',
    out,
    'synth',
    String(seconds),
    'pinknoise',
    'tremolo',
    '4',
    '80',
    'vol',
    '0.6',
  ]);
  const wav = readFileSync(out);
  const info = readWavInfo(wav);
  const samples = info.dataBytes / 2;
  const spoken = new Uint8Array(samples);
  for (const w of words) spoken.fill(1, Math.floor(w.start * 16000), Math.min(samples, Math.ceil(w.end * 16000)));
  for (let i = 0; i < samples; i++) if (!spoken[i]) wav.writeInt16LE(0, info.dataOffset + i * 2);
  writeFileSync(out, wav);
  return out;
}

/**
 * Stores a finished attempt of `answers` spoken answers of `seconds` each, by the person using the
 * core now, on a built-in scenario (its turns repeated when it has fewer). Returns the attempt's id.
 */
export function seedSpokenAttempt(
  core: Core,
  options: { answers: number; seconds: number; scenarioId?: string; sentences?: string[] },
): number {
  const { attemptId, scenario } = core.practice.start(options.scenarioId ?? 'price-objection');
  const store = new AudioStore(core.dataDir);
  const scratch = tempDir('sparring-review-audio-');
  const transcript = timedAnswer(options.seconds, options.sentences);
  for (let index = 0; index < options.answers; index++) {
    const turn = scenario.turns[index % scenario.turns.length]!;
    // The same words each time; a different file (and peaks) per answer, as a real role-play has.
    const audioPath = store.commitFile(
      answerAudio(options.seconds + index * 0.01, transcript.words, join(scratch, `${index}.wav`)),
    );
    // Scored as the app scores a spoken answer (competitors included), so an exported copy re-scores the same.
    const score = scoreAnswer({
      transcript,
      criteria: turn.criteria,
      library: core.catalog.library(),
      competitors: scenario.competitors,
    });
    core.storage.turns.recordRubricVersion(core.catalog.library().version, core.catalog.library().snapshot);
    core.storage.turns.save(attemptId, {
      index,
      turnId: turn.id,
      buyerLine: turn.buyer,
      audioPath,
      durationSeconds: options.seconds + index * 0.01,
      transcript,
      score,
    });
  }
  rmSync(scratch, { recursive: true, force: true });
  core.practice.finish(attemptId);
  return attemptId;
}
