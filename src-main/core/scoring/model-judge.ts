/**
 * Optional model-graded checks through any OpenAI-compatible endpoint (a local llama.cpp or
 * Ollama server, or a hosted one). Nothing is sent unless an endpoint is configured. Each check
 * is a small yes/no question; a "yes" must quote the rep's words verbatim, or the check is marked
 * "needs review" instead of scored. Temperature 0, JSON output, a timeout and retries.
 */
import OpenAI from 'openai';
import type { CheckResult, Evidence, Transcript, TurnScore } from '../domain';
import { audioTimesFor } from './evidence';
import { overallOf, withChecks } from './score-answer';

export interface JudgeConfig {
  baseUrl: string;
  model: string;
  apiKey?: string;
  timeoutMs?: number;
  maxRetries?: number;
}

export interface JudgeAnswer {
  id: string;
  answer: 'yes' | 'no';
  quote: string | null;
}

const SYSTEM = [
  "You grade one answer a sales rep gave in a practice role-play. For each check, answer yes or no about the rep's " +
    'answer only.',
  'For a "yes", quote the exact words from the rep\'s answer that show it, copied character for character. For a ' +
    '"no", the quote is null.',
  'Reply with JSON only: {"checks": [{"id": "<check id>", "answer": "yes" | "no", "quote": "<exact words>" | null}]}',
].join('\n');

/** Asks the model every pending check of a turn in one request. Throws when the endpoint fails or times out. */
export async function askJudge(
  config: JudgeConfig,
  buyerLine: string,
  answer: string,
  checks: { id: string; question: string }[],
  signal?: AbortSignal,
): Promise<JudgeAnswer[]> {
  const client = new OpenAI({
    baseURL: config.baseUrl,
    apiKey: config.apiKey || 'not-needed',
    timeout: config.timeoutMs ?? 20_000,
    maxRetries: config.maxRetries ?? 2,
  });
  const completion = await client.chat.completions.create(
    {
      model: config.model,
      temperature: 0,
      response_format: { type: 'json_object' },
      messages: [
        { role: 'system', content: SYSTEM },
        {
          role: 'user',
          content: JSON.stringify({
            buyer_said: buyerLine,
            rep_answered: answer,
            checks: checks.map((c) => ({ id: c.id, question: c.question })),
          }),
        },
      ],
    },
    { signal },
  );
  const content = completion.choices[0]?.message?.content ?? '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    throw new Error(`the model did not reply with JSON (${content.slice(0, 80)})`);
  }
  const list = (parsed as { checks?: unknown }).checks;
  if (!Array.isArray(list)) throw new Error('the model replied without a "checks" list');
  return list
    .filter(
      (c): c is { id: string; answer: string; quote?: unknown } =>
        typeof c?.id === 'string' && typeof c?.answer === 'string',
    )
    .map((c) => ({
      id: c.id,
      answer: c.answer.toLowerCase().startsWith('y') ? 'yes' : 'no',
      quote: typeof c.quote === 'string' && c.quote.trim() ? c.quote : null,
    }));
}

/**
 * Where a quote stands in the transcript, if it is there verbatim (case and spacing aside; no
 * word may differ). Surrounding quotation marks and end punctuation are ignored.
 */
export function locateQuote(text: string, quote: string): { start: number; end: number } | null {
  const words = quote
    .trim()
    .replace(/^["'“”‘’]+|["'“”‘’.,!?;:]+$/g, '')
    .split(/\s+/)
    .filter(Boolean);
  if (!words.length) return null;
  const re = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'i');
  const m = re.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

/** Applies the model's answers (or its failure) to the pending checks, and rescores. Pure. */
export function applyJudgement(
  score: TurnScore,
  transcript: Transcript,
  outcome: { answers: JudgeAnswer[] } | { error: string },
): TurnScore {
  const criteria = score.criteria.map((c) => {
    if (!c.checks.some((k) => k.judge?.status === 'pending')) return c;
    const checks: CheckResult[] = c.checks.map((k) => {
      if (k.judge?.status !== 'pending') return k;
      if ('error' in outcome)
        return { ...k, passed: null, detail: `not scored: ${outcome.error}`, judge: { ...k.judge, status: 'failed' } };
      const a = outcome.answers.find((x) => x.id === `${c.id}/${k.id}`);
      if (!a)
        return {
          ...k,
          passed: null,
          detail: 'needs review: the model did not answer this check',
          judge: { ...k.judge, status: 'needs-review' },
        };
      if (a.answer === 'no')
        return { ...k, passed: false, detail: 'the model answered no', judge: { ...k.judge, status: 'answered' } };
      const at = a.quote ? locateQuote(transcript.text, a.quote) : null;
      if (!at) {
        return {
          ...k,
          passed: null,
          detail: `needs review: the model's quote is not in the transcript (${a.quote ? `"${a.quote}"` : 'no quote'})`,
          judge: { ...k.judge, status: 'needs-review' },
        };
      }
      const evidence: Evidence = audioTimesFor(transcript)({ text: transcript.text.slice(at.start, at.end), ...at });
      return {
        ...k,
        passed: true,
        detail: 'the model answered yes, quoting the transcript',
        evidence: [evidence],
        judge: { ...k.judge, status: 'answered' },
      };
    });
    return withChecks(c, checks, score.passMark);
  });
  const overall = overallOf(criteria);
  return { ...score, criteria, overall, passed: overall >= score.passMark };
}

export const pendingJudgeChecks = (score: TurnScore) =>
  score.criteria.flatMap((c) =>
    c.checks
      .filter((k) => k.judge?.status === 'pending')
      .map((k) => ({ id: `${c.id}/${k.id}`, question: k.judge!.question })),
  );
