import { z } from 'zod';
import { TECHNIQUE_IDS } from '../scoring/detectors/techniques';
import { talkingPointSchema } from '../scoring/rubric-schema';

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes, e.g. ' + '"price-objection"');

/** A criterion from the rubric library: its id, or an object with a weight and per-turn parameters. */
const criterionRef = z.union([
  id.transform((value) => ({ id: value, weight: 1 })),
  z.strictObject({
    id,
    weight: z.number().positive().default(1),
    talkingPoints: z.array(talkingPointSchema).min(1).optional(),
  }),
]);

/**
 * An example answer for a turn and what it must score: `pass` / `fail` against the pass mark, or
 * the criteria that must pass (true) or fail (false). `sparring test-scenarios` runs them.
 */
const exampleSchema = z.strictObject({
  answer: z.string().min(1),
  expect: z.union([z.enum(['pass', 'fail']), z.record(z.string(), z.boolean())]),
  note: z.string().optional(),
});

/**
 * Where the role-play goes after a turn, chosen by what the answer did: a technique detected in
 * it, or a criterion passed (or failed). The first rule that matches wins; a rule without `when`
 * always matches. `goto` names a turn, or `end` / `end:<id>` for one of the scenario's ends.
 */
const branchSchema = z.strictObject({
  when: z
    .union([
      z.strictObject({ technique: z.enum(TECHNIQUE_IDS) }),
      z.strictObject({ criterion: z.string().min(1), passed: z.boolean().default(true) }),
    ])
    .optional(),
  goto: z.string().regex(/^(?:end(?::[a-z0-9][a-z0-9-]*)?|[a-z0-9][a-z0-9-]*)$/, 'a turn id, "end", or "end:<id>"'),
});

/** The scenario format. */
export const scenarioFileSchema = z.strictObject({
  id,
  title: z.string().min(1),
  description: z.string().default(''),
  /** A full role-play, or a short one-skill daily drill (3-7 minutes). */
  kind: z.enum(['scenario', 'drill']).default('scenario'),
  /** Skills it practises, for the library's filters (e.g. discovery, objection-handling). */
  skills: z.array(id).default([]),
  difficulty: z.enum(['beginner', 'intermediate', 'advanced']).default('intermediate'),
  minutes: z.number().positive().max(60).default(5),
  /**
   * A certification: earned by a spoken attempt whose automatic score meets the pass mark, or by a
   * reviewer's override. Typed answers count only where the designer allows them (`allowTyped`).
   */
  certification: z
    .strictObject({
      passMark: z.number().min(0, 'a pass mark is between 0 and 100').max(100, 'a pass mark is between 0 and 100'),
      allowTyped: z.boolean().default(false),
      /** How long a certification stays current, in days; it comes back into the plan before it expires. */
      validDays: z.number().int().min(1, 'a certification is valid for at least a day').max(3650).optional(),
    })
    .optional(),
  persona: z.strictObject({
    name: z.string().min(1),
    role: z.string().min(1),
    company: z.string().min(1),
    personality: z.string().optional(),
    /** What the buyer really cares about: for the designer's preview and the rep's briefing. */
    caresAbout: z.string().optional(),
    /** A system voice to prefer, by name fragment (e.g. "Samantha", "en-GB"). */
    voice: z.string().optional(),
  }),
  /** Competitors the buyer may mention: naming them with a derogatory word counts as disparagement. */
  competitors: z.array(z.string().min(1)).default([]),
  turns: z
    .array(
      z.strictObject({
        id,
        buyer: z.string().min(1, 'the buyer needs a line to say'),
        /** A recording of the line, a file beside the scenario (played instead of a synthesised voice). */
        audio: z
          .string()
          .regex(
            /^[^/\\][^:]*\.(?:wav|mp3|ogg|m4a)$/i,
            'a relative path to a .wav, .mp3, .ogg or .m4a file beside ' + 'the scenario',
          )
          .refine(
            (p) => !p.split(/[/\\]/).includes('..'),
            'the clip must be inside the scenario folder: remove the ' + '".." from its path',
          )
          .optional(),
        /**
         * A voice for this line only, overriding the persona's (a system voice name fragment, or a speech endpoint
         * voice).
         */
        voice: z.string().optional(),
        criteria: z.array(criterionRef).min(1, 'list at least one criterion that scores the answer'),
        examples: z.array(exampleSchema).default([]),
        /** Default: the next turn in the file, or the end after the last one. */
        next: z.array(branchSchema).optional(),
      }),
    )
    .min(1, 'a scenario needs at least one turn'),
  /** Named end states a branch can lead to ("won", "stalled"); "end" alone is always available. */
  ends: z.array(z.strictObject({ id, title: z.string().min(1) })).default([]),
});

export type ScenarioFile = z.infer<typeof scenarioFileSchema>;
