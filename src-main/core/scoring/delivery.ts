import type { DeliveryMetrics, Transcript } from '../domain';

/** A silence this long or longer is a pause: not counted as speaking time for the pace. */
export const LONG_PAUSE_SECONDS = 1;
/** A silence this long ends a monologue. */
const MONOLOGUE_BREAK_SECONDS = 2;

const round = (x: number, d = 2) => Number(x.toFixed(d));

/**
 * Delivery, computed from word timestamps in code (never guessed by a model): pace with long
 * pauses excluded, fillers and hedges per 100 words, pauses, latency before the first word.
 * Typed answers have no timings: their timing metrics are null ("not available").
 */
export function deliveryMetrics(
  transcript: Transcript,
  fillers: number,
  hedges: number,
  typed: boolean,
): DeliveryMetrics {
  const words = transcript.words;
  const wordCount = words.length || transcript.text.split(/\s+/).filter(Boolean).length;
  const per100 = (n: number) => (wordCount ? round((n / wordCount) * 100) : 0);
  const base = { wordCount, fillersPer100: per100(fillers), hedgesPer100: per100(hedges), typed };
  if (typed || words.length === 0) {
    return {
      ...base,
      speakingSeconds: null,
      wordsPerMinute: null,
      pauseCount: null,
      longestPauseSeconds: null,
      responseLatencySeconds: null,
      longestMonologueSeconds: null,
    };
  }
  let speaking = 0;
  let pauses = 0;
  let longestPause = 0;
  let monologueStart = words[0]!.start;
  let longestMonologue = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    speaking += Math.max(0, w.end - w.start);
    if (i === 0) continue;
    const gap = Math.max(0, w.start - words[i - 1]!.end);
    if (gap >= LONG_PAUSE_SECONDS) {
      pauses++;
    } else {
      speaking += gap;
    }
    longestPause = Math.max(longestPause, gap);
    if (gap >= MONOLOGUE_BREAK_SECONDS) {
      longestMonologue = Math.max(longestMonologue, words[i - 1]!.end - monologueStart);
      monologueStart = w.start;
    }
  }
  longestMonologue = Math.max(longestMonologue, words[words.length - 1]!.end - monologueStart);
  return {
    ...base,
    speakingSeconds: round(speaking),
    wordsPerMinute: speaking >= 1 ? Math.round((words.length / speaking) * 60) : null,
    pauseCount: pauses,
    longestPauseSeconds: round(longestPause),
    responseLatencySeconds: round(words[0]!.start),
    longestMonologueSeconds: round(longestMonologue),
  };
}
