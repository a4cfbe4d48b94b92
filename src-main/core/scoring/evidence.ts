import type { Evidence, TimedWord, Transcript } from '../domain';

type TextSpan = Omit<Evidence, 'audioStart' | 'audioEnd'>;

/** Character span of each timed word inside transcript.text (words appear in order). */
function wordSpans(transcript: Transcript): { start: number; end: number; word: TimedWord }[] {
  const spans: { start: number; end: number; word: TimedWord }[] = [];
  let from = 0;
  for (const word of transcript.words) {
    const at = transcript.text.indexOf(word.word, from);
    if (at < 0) continue;
    spans.push({ start: at, end: at + word.word.length, word });
    from = at + word.word.length;
  }
  return spans;
}

/**
 * Returns a function that adds the audio start/end of the words an evidence span covers, when
 * the transcript has timings. The word positions are worked out once per transcript.
 */
export function audioTimesFor(transcript: Transcript): (evidence: TextSpan) => Evidence {
  const spans = wordSpans(transcript);
  return (evidence) => {
    const covered = spans.filter((s) => s.end > evidence.start && s.start < evidence.end);
    if (covered.length === 0) return evidence;
    return { ...evidence, audioStart: covered[0]!.word.start, audioEnd: covered[covered.length - 1]!.word.end };
  };
}
