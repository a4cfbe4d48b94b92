import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { TurnScore, Transcript } from '../domain';

/**
 * The manifest of an attempts bundle or a review file: everything but the audio, as JSON, read
 * as untrusted input (every field checked here before anything is written). People, attempts and
 * comments are named by the UUID made where they were created, so importing twice adds nothing.
 */
/** 2: answers may carry `tries` (retry this turn); a Sparring that knows only 1 says to update. */
export const BUNDLE_VERSION = 2;

/** Lower case only: UUIDs are compared as text, and Sparring writes them in lower case. */
const uuid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be a lower-case UUID');
/** A day of clock difference between computers is allowed; a later date would win every merge. */
const iso = z
  .string()
  .datetime({ offset: true })
  .refine((v) => Date.parse(v) <= Date.now() + 86_400_000, 'is a date in the future');
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex');
const name = z.string().trim().min(1).max(80);
const text = (max: number) => z.string().max(max);
const seconds = z.number().min(0).max(3600);
const score = z.number().min(0).max(100);

const person = z.strictObject({
  uuid,
  name,
  roles: z
    .array(z.enum(['rep', 'manager', 'designer']))
    .min(1)
    .max(3),
});

const evidence = z.object({
  text: text(20_000),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  audioStart: seconds.optional(),
  audioEnd: seconds.optional(),
});

/** The parts of a transcript and a score the app reads; other fields are kept as they came. */
const transcript = z
  .object({
    text: text(200_000),
    words: z.array(z.object({ word: text(200), start: seconds, end: seconds })).max(50_000),
  })
  .passthrough();
const criterion = z
  .object({
    id: text(100),
    title: text(200),
    score: score.nullable(),
    passed: z.boolean().nullable(),
    weight: z.number().min(0).max(1000),
    explanation: text(20_000),
    tip: text(20_000),
    help: text(20_000),
    evidence: z.array(evidence).max(1000),
    checks: z.array(
      z
        .object({
          id: text(200),
          weight: z.number().min(0).max(1000),
          passed: z.boolean().nullable(),
          evidence: z.array(evidence),
        })
        .passthrough(),
    ),
  })
  .passthrough();
const turnScore = z
  .object({
    rubricVersion: text(200),
    overall: score,
    passMark: score,
    passed: z.boolean(),
    criteria: z.array(criterion).max(100),
    delivery: z.object({ typed: z.boolean(), wordCount: z.number().min(0) }).passthrough(),
  })
  .passthrough();

export const AUDIO_FILE = /^audio\/([0-9a-f]{64})\.wav$/;

const turn = z.strictObject({
  index: z.number().int().min(0).max(99),
  turnId: text(200).min(1),
  buyerLine: text(10_000),
  audio: z.strictObject({ file: z.string().regex(AUDIO_FILE), durationSeconds: seconds }).nullable(),
  transcript: transcript.nullable(),
  score: turnScore.nullable(),
  nextTarget: text(200).nullable(),
  /** The rep's other answers to this step ("retry this turn"), which do not count: words and scores, not audio. */
  tries: z
    .array(z.strictObject({ transcript: transcript.nullable(), score: turnScore.nullable(), answeredAt: iso }))
    .max(20)
    .optional(),
});

const attempt = z.strictObject({
  uuid,
  repUuid: uuid,
  scenarioId: text(200).min(1),
  scenarioHash: sha256,
  status: z.enum(['complete', 'incomplete']),
  startedAt: iso,
  finishedAt: iso.nullable(),
  certification: z.strictObject({ passMark: score }).nullable(),
  turns: z.array(turn).max(100),
});

const review = z.strictObject({
  attemptUuid: uuid,
  /** The attempt's rep, so a review file can be checked against the attempt it lands on. */
  repUuid: uuid,
  review: z
    .strictObject({
      status: z.enum(['reviewed', 'needs-another']),
      note: text(4000).nullable(),
      reviewerUuid: uuid,
      at: iso,
    })
    .nullable(),
  overrides: z
    .array(
      z.strictObject({
        turnIndex: z.number().int().min(0).max(99),
        criterionId: text(100).min(1),
        score: z.number().int().min(0).max(100),
        reason: z.string().trim().min(1).max(4000),
        authorUuid: uuid,
        at: iso,
      }),
    )
    .max(1000),
  comments: z
    .array(
      z.strictObject({
        uuid,
        parentUuid: uuid.nullable(),
        turnIndex: z.number().int().min(0).max(99),
        atSeconds: seconds,
        endSeconds: seconds.nullable(),
        criterionId: text(100).nullable(),
        body: z.string().trim().min(1).max(4000),
        authorUuid: uuid,
        createdAt: iso,
        updatedAt: iso.nullable(),
        resolvedAt: iso.nullable(),
        resolvedByUuid: uuid.nullable(),
      }),
    )
    .max(5000),
  plan: z
    .strictObject({
      skills: z.array(z.string().trim().min(1).max(60)).min(1).max(3),
      note: text(2000).nullable(),
      suggestedScenarioId: text(200).nullable(),
      authorUuid: uuid,
      at: iso,
    })
    .nullable(),
});

export const manifestSchema = z.strictObject({
  format: z.enum(['sparring-attempts', 'sparring-review']),
  version: z.number().int().min(1),
  exportedAt: iso,
  exportedBy: uuid,
  people: z.array(person).max(1000),
  /** The exact scenario versions the attempts were taken on (their file text). */
  scenarios: z.array(z.strictObject({ id: text(200).min(1), hash: sha256, content: text(500_000) })).max(500),
  /** The rubric text each stored score was made with. */
  rubrics: z.array(z.strictObject({ version: text(200).min(1), content: text(2_000_000) })).max(100),
  attempts: z.array(attempt).max(500),
  reviews: z.array(review).max(500),
  /** Every other file in the zip, with its SHA-256. */
  files: z.record(z.string().regex(AUDIO_FILE), sha256),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type BundleAttempt = Manifest['attempts'][number];
export type BundleTurn = BundleAttempt['turns'][number];
export type BundleReview = Manifest['reviews'][number];
export type BundlePerson = Manifest['people'][number];

/** What a stored transcript and score are; the schema checked the fields the app reads. */
export const asTranscript = (t: BundleTurn['transcript']) => t as unknown as Transcript | null;
export const asScore = (s: BundleTurn['score']) => s as unknown as TurnScore | null;

export const sha256Hex = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

export const BUNDLE_EXTENSION = { 'sparring-attempts': '.sparring-attempts', 'sparring-review': '.sparring-review' };
