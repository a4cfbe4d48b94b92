import { z } from 'zod';
import { TECHNIQUE_IDS } from './detectors/techniques';

export const METRIC_IDS = [
  'fillers-per-100',
  'hedges-per-100',
  'words-per-minute',
  'response-latency',
  'longest-pause',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes');
const base = { id, label: z.string().min(1), weight: z.number().positive().default(1) };

const techniqueCheck = z.strictObject({
  ...base,
  technique: z.enum(TECHNIQUE_IDS),
  expect: z.enum(['present', 'absent']).default('present'),
  /** With expect: present, how many detections are needed (default 1); `max` caps them instead. */
  min: z.number().int().min(1).optional(),
  max: z.number().int().min(0).optional(),
});

const metricCheck = z.strictObject({
  ...base,
  metric: z.enum(METRIC_IDS),
  min: z.number().optional(),
  max: z.number().optional(),
});

const talkingPointsCheck = z.strictObject({ ...base, talkingPoints: z.literal(true) });

/** A yes/no question for a language model (optional; off unless an endpoint is configured). */
const judgeCheck = z.strictObject({ ...base, judge: z.string().min(10, 'ask the model a full yes/no question') });

export const checkSchema = z.union([techniqueCheck, metricCheck, talkingPointsCheck, judgeCheck]);
export type RubricCheck = z.infer<typeof checkSchema>;

export const criterionSchema = z.strictObject({
  id,
  title: z.string().min(1),
  /** The skill a criterion trains (questioning, objection-handling, ...): mastery and the daily plan are per skill. */
  skill: id.default('general'),
  help: z.string().default(''),
  tip: z.string().min(1),
  checks: z.array(checkSchema).min(1),
});
export type RubricCriterion = z.infer<typeof criterionSchema>;

export const rubricSchema = z.strictObject({
  id,
  version: z.number().int().positive(),
  title: z.string().min(1),
  passMark: z.number().min(0).max(100).default(80),
  criteria: z.array(criterionSchema).min(1),
});
export type RubricFile = z.infer<typeof rubricSchema>;

/** Per-turn parameters a scenario gives a criterion (e.g. the talking points it requires). */
export const talkingPointSchema = z.strictObject({
  id,
  label: z.string().min(1),
  phrases: z.array(z.string().min(1)).min(1),
});
export type TalkingPoint = z.infer<typeof talkingPointSchema>;
