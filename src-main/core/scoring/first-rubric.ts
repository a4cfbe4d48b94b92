import type { CriterionScore, Transcript, TurnScore } from '../domain';
import { span, withAudioTimes } from './evidence';

/**
 * The walking skeleton's rubric: two criteria, enough to prove the loop end to end. The
 * scoring issue replaces it with the rubric library (YAML) and the full detector set.
 */
export const FIRST_RUBRIC_VERSION = 'first-rubric@1';
export const PASS_MARK = 80;
/** Reference: fewer than 4 filler words per 100 is the target (PRODUCT.md). */
const FILLER_TARGET_PER_100 = 4;

/** Invitations that are open questions even without a question mark. */
const INVITATIONS = /^(tell me|walk me through|help me understand|talk to me about|describe|could you (?:tell|walk|help|describe)|can you (?:tell|walk|help|describe))\b/i;
/** Wh-openers count only as questions ("What changed was..." is a statement). */
const WH_QUESTION = /^(what|how|why)\b[^?]*\?$/i;
const FILLERS = /\b(um+|uh+|erm|er|ah|you know|i mean)\b/gi;

export const criterionIds = ['open-question', 'filler-words'] as const;
export type CriterionId = (typeof criterionIds)[number];

/** Sentence spans; a new sentence starts after . ? ! */
function sentences(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /[^.?!]+[.?!]*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const body = m[0].trim();
    if (body) out.push({ start: m.index + lead, end: m.index + lead + body.length });
  }
  return out;
}

function openQuestion(t: Transcript): CriterionScore {
  const evidence = sentences(t.text)
    .filter((s) => {
      const sentence = t.text.slice(s.start, s.end);
      return INVITATIONS.test(sentence) || WH_QUESTION.test(sentence);
    })
    .map((s) => withAudioTimes(span(t.text, s.start, s.end), t));
  const passed = evidence.length > 0;
  return {
    id: 'open-question',
    title: 'Asked an open question',
    score: passed ? 100 : 0,
    passed,
    explanation: passed
      ? `${evidence.length} open question${evidence.length > 1 ? 's' : ''} invited the buyer to explain.`
      : 'No question invited the buyer to explain in their own words.',
    tip: 'Start with "what", "how" or "help me understand" so the buyer talks about their situation.',
    evidence,
  };
}

function fillerWords(t: Transcript): CriterionScore {
  const words = t.text.split(/\s+/).filter(Boolean).length;
  const evidence = [...t.text.matchAll(FILLERS)].map((m) => withAudioTimes(span(t.text, m.index, m.index + m[0].length), t));
  const per100 = words ? (evidence.length / words) * 100 : 0;
  // Full marks at or under the target, then 10 points off for each filler per 100 words above it.
  const score = Math.max(0, Math.round(100 - Math.max(0, per100 - FILLER_TARGET_PER_100) * 10));
  return {
    id: 'filler-words',
    title: 'Few filler words',
    score,
    passed: score >= PASS_MARK,
    explanation: `${evidence.length} filler word${evidence.length === 1 ? '' : 's'} in ${words} words (${per100.toFixed(1)} per 100; target under ${FILLER_TARGET_PER_100}).`,
    tip: 'Pause silently instead of saying "um": a short pause sounds confident.',
    evidence,
  };
}

const criteria: Record<CriterionId, (t: Transcript) => CriterionScore> = {
  'open-question': openQuestion,
  'filler-words': fillerWords,
};

export function scoreTurn(transcript: Transcript, criterionList: readonly string[]): TurnScore {
  const scored = criterionList.map((id) => {
    const run = criteria[id as CriterionId];
    if (!run) throw new Error(`Unknown criterion "${id}".`);
    return run(transcript);
  });
  const overall = scored.length ? Math.round(scored.reduce((a, c) => a + c.score, 0) / scored.length) : 0;
  return { rubricVersion: FIRST_RUBRIC_VERSION, overall, passMark: PASS_MARK, criteria: scored };
}
