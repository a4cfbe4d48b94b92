import type { DeliveryMark, Transcript } from '../domain';
import { analyzeText } from './analyze';
import { LONG_PAUSE_SECONDS } from './delivery';
import { audioTimesFor } from './evidence';

const round = (x: number) => Number(x.toFixed(1));

/**
 * The moments of an answer worth hearing again for its delivery: each filler, each hedge, and each
 * pause of LONG_PAUSE_SECONDS or more between two words, in audio seconds, in time order. Found by
 * the same detectors and the same pause threshold as the delivery metrics, so the marks a reviewer
 * sees are the ones the numbers counted. A transcript without word timings (a typed answer) has none.
 */
export function deliveryMarks(transcript: Transcript): DeliveryMark[] {
  const words = transcript.words;
  if (!words.length) return [];
  const analysis = analyzeText(transcript.text);
  const timed = audioTimesFor(transcript);
  const marks: DeliveryMark[] = [];
  const spans = [
    ...analysis.fillers.items.map((s) => ({ kind: 'filler' as const, s })),
    ...analysis.techniques.hedging.evidence.map((s) => ({ kind: 'hedge' as const, s })),
  ];
  for (const { kind, s } of spans) {
    const e = timed(s);
    // A span whose words whisper did not time (or that no word covers) cannot be placed on the audio.
    if (e.audioStart === undefined || e.audioEnd === undefined) continue;
    marks.push({ kind, start: e.audioStart, end: e.audioEnd, text: s.text });
  }
  for (let i = 1; i < words.length; i++) {
    const gap = words[i]!.start - words[i - 1]!.end;
    if (gap >= LONG_PAUSE_SECONDS)
      marks.push({ kind: 'pause', start: words[i - 1]!.end, end: words[i]!.start, text: `${round(gap)} s pause` });
  }
  return marks.sort((a, b) => a.start - b.start || a.end - b.end);
}
