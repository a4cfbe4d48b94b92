import type { CheckResult, CriterionRef, CriterionScore, Evidence, Transcript, TurnScore } from '../domain';
import { type TextAnalysis, analyzeText } from './analyze';
import { deliveryMetrics } from './delivery';
import type { Span } from './detectors/match';
import { audioTimesFor } from './evidence';
import type { RubricLibrary } from './rubric-library';
import type { MetricId, RubricCheck, RubricCriterion, TalkingPoint } from './rubric-schema';

export interface ScoreInput {
  transcript: Transcript;
  criteria: CriterionRef[];
  library: RubricLibrary;
  /** A typed answer: no audio, so timing metrics are not available and their checks do not apply. */
  typed?: boolean;
  competitors?: string[];
  /** Whether a model endpoint is configured: model-graded checks then wait for it instead of being off. */
  judgeEnabled?: boolean;
}

/** "Acknowledged the concern (found 1)" → "acknowledged the concern (found 1)", for one-line explanations. */
const describe = (c: CheckResult) => `${c.label.charAt(0).toLowerCase()}${c.label.slice(1)} (${c.detail})`;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function metricValue(metric: MetricId, delivery: TurnScore['delivery']): number | null {
  switch (metric) {
    case 'fillers-per-100':
      return delivery.fillersPer100;
    case 'hedges-per-100':
      return delivery.hedgesPer100;
    case 'words-per-minute':
      return delivery.wordsPerMinute;
    case 'response-latency':
      return delivery.responseLatencySeconds;
    case 'longest-pause':
      return delivery.longestPauseSeconds;
  }
}

const METRIC_UNIT: Record<MetricId, string> = {
  'fillers-per-100': 'fillers per 100 words',
  'hedges-per-100': 'hedges per 100 words',
  'words-per-minute': 'words per minute',
  'response-latency': 's before the first word',
  'longest-pause': 's longest pause',
};

function runCheck(
  check: RubricCheck,
  analysis: TextAnalysis,
  delivery: TurnScore['delivery'],
  ref: CriterionRef,
  evidenceOf: (spans: Span[]) => Evidence[],
  judgeEnabled: boolean,
): CheckResult[] {
  const base = { id: check.id, label: check.label, weight: check.weight };
  if ('judge' in check) {
    // Never scored here: deterministic scores do not wait. The model's answer is applied later.
    return [
      judgeEnabled
        ? {
            ...base,
            passed: null,
            detail: 'waiting for the model',
            evidence: [],
            judge: { question: check.judge, status: 'pending' },
          }
        : {
            ...base,
            passed: null,
            detail: 'model grading is off (no endpoint configured)',
            evidence: [],
            judge: { question: check.judge, status: 'off' },
          },
    ];
  }
  if ('technique' in check) {
    const found = analysis.techniques[check.technique].evidence;
    const n = found.length;
    let passed: boolean;
    if (check.expect === 'absent') passed = n === 0;
    else if (check.max !== undefined) passed = n <= check.max;
    else passed = n >= (check.min ?? 1);
    return [{ ...base, passed, detail: n ? `found ${n}` : 'none found', evidence: evidenceOf(found) }];
  }
  if ('metric' in check) {
    const value = metricValue(check.metric, delivery);
    if (value === null)
      return [
        {
          ...base,
          passed: null,
          detail: delivery.typed ? 'not available for a typed answer' : 'not available',
          evidence: [],
        },
      ];
    const passed = (check.min === undefined || value >= check.min) && (check.max === undefined || value <= check.max);
    const evidence =
      check.metric === 'fillers-per-100'
        ? evidenceOf(analysis.fillers.items)
        : check.metric === 'hedges-per-100'
          ? evidenceOf(analysis.techniques.hedging.evidence)
          : [];
    return [{ ...base, passed, detail: `${value} ${METRIC_UNIT[check.metric]}`, evidence }];
  }
  // Talking points: one check per point the turn requires; any of its phrasings counts.
  const points: TalkingPoint[] = ref.talkingPoints ?? [];
  return points.map((point) => {
    const re = new RegExp(`\\b(?:${point.phrases.map(escapeRe).join('|')})\\b`, 'i');
    const m = re.exec(analysis.text);
    const found = m ? [{ text: m[0], start: m.index, end: m.index + m[0].length }] : [];
    return {
      id: `${check.id}:${point.id}`,
      label: `Mentioned ${point.label}`,
      weight: check.weight,
      passed: !!m,
      detail: m ? `said "${m[0]}"` : 'not mentioned',
      evidence: evidenceOf(found),
    };
  });
}

function scoreCriterion(
  criterion: RubricCriterion,
  ref: CriterionRef,
  analysis: TextAnalysis,
  delivery: TurnScore['delivery'],
  evidenceOf: (s: Span[]) => Evidence[],
  passMark: number,
  judgeEnabled: boolean,
): CriterionScore {
  const checks = criterion.checks.flatMap((c) => runCheck(c, analysis, delivery, ref, evidenceOf, judgeEnabled));
  return withChecks(
    { id: criterion.id, title: criterion.title, weight: ref.weight, tip: criterion.tip, help: criterion.help },
    checks,
    passMark,
  );
}

/** A criterion's score, verdict, explanation and evidence, from its checks (weighted share that passed). */
export function withChecks(
  meta: Pick<CriterionScore, 'id' | 'title' | 'weight' | 'tip' | 'help' | 'override'>,
  checks: CheckResult[],
  passMark: number,
): CriterionScore {
  const applicable = checks.filter((c) => c.passed !== null);
  const total = applicable.reduce((a, c) => a + c.weight, 0);
  const earned = applicable.filter((c) => c.passed).reduce((a, c) => a + c.weight, 0);
  const score = total ? Math.round((100 * earned) / total) : null;
  const failed = applicable.filter((c) => !c.passed);
  const unscoredBecause = checks.some((c) => c.judge?.status === 'pending')
    ? 'waiting for the model'
    : checks.some((c) => c.judge)
      ? checks.map((c) => c.detail).join('; ')
      : 'none of its checks applies to this answer';
  const explanation =
    score === null
      ? `Not scored: ${unscoredBecause}.`
      : failed.length === 0
        ? `Passed: ${applicable.map(describe).join('; ')}.`
        : `Missed: ${failed.map(describe).join('; ')}.`;
  const seen = new Set<string>();
  const evidence = checks
    .flatMap((c) => c.evidence)
    .filter((e) => !seen.has(`${e.start}:${e.end}`) && !!seen.add(`${e.start}:${e.end}`));
  return { ...meta, score, passed: score === null ? null : score >= passMark, explanation, evidence, checks };
}

/** The overall score: the weighted mean of the scored criteria, each taken as overridden when a human did. */
export function overallOf(criteria: CriterionScore[]): number {
  const scored = criteria
    .map((c) => ({ w: c.weight, s: c.override?.score ?? c.score }))
    .filter((c): c is { w: number; s: number } => c.s !== null);
  const total = scored.reduce((a, c) => a + c.w, 0);
  return total ? Math.round(scored.reduce((a, c) => a + c.w * c.s, 0) / total) : 0;
}

/**
 * Scores one answer against the turn's criteria. Deterministic: the same transcript, criteria
 * and rubric always give the same score, and every point carries the words that earned it.
 */
export function scoreAnswer(input: ScoreInput): TurnScore {
  const { transcript, library } = input;
  const analysis = analyzeText(transcript.text, { competitors: input.competitors });
  const delivery = deliveryMetrics(
    transcript,
    analysis.fillers.count,
    analysis.techniques.hedging.evidence.length,
    input.typed ?? false,
  );
  const timed = audioTimesFor(transcript);
  const evidenceOf = (spans: Span[]) => spans.map(timed);
  const criteria = input.criteria.map((ref) => {
    const criterion = library.criteria.get(ref.id);
    if (!criterion)
      throw new Error(`Unknown criterion "${ref.id}": it is not in the rubric library (${library.version}).`);
    return scoreCriterion(
      criterion,
      ref,
      analysis,
      delivery,
      evidenceOf,
      library.passMark,
      input.judgeEnabled ?? false,
    );
  });
  const overall = overallOf(criteria);
  return {
    rubricVersion: library.version,
    overall,
    passMark: library.passMark,
    passed: overall >= library.passMark,
    criteria,
    delivery,
  };
}
