import type { TimedWord, Transcript } from '../domain';

interface WhisperJson {
  transcription?: { offsets?: { from?: number; to?: number }; text?: string }[];
}

/** Markers whisper prints instead of words, e.g. [BLANK_AUDIO] or (music). */
const NON_SPEECH = /^(\[[^\]]*\]|\([^)]*\))$/;

/**
 * Turns whisper.cpp's `-oj -ml 1 -sow` output (one segment per word, times in ms) into words
 * in seconds. A segment that does not start with a space continues the previous word.
 * Times are clamped to the audio length: whisper pads to 30 s windows.
 */
export function parseWhisperJson(raw: string, durationSeconds: number): Transcript {
  const json = JSON.parse(raw) as WhisperJson;
  const words: TimedWord[] = [];
  const clamp = (ms: number) => Math.min(Math.max(ms / 1000, 0), durationSeconds);
  for (const seg of json.transcription ?? []) {
    const text = seg.text ?? '';
    const word = text.trim();
    if (!word || NON_SPEECH.test(word)) continue;
    const start = clamp(seg.offsets?.from ?? 0);
    const end = Math.max(start, clamp(seg.offsets?.to ?? 0));
    const last = words[words.length - 1];
    if (last && !/^\s/.test(text)) {
      last.word += word;
      last.end = end;
    } else {
      words.push({ word, start, end });
    }
  }
  return { text: words.map((w) => w.word).join(' '), words };
}
