import { z } from 'zod';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes, e.g. "price-objection"');

/** The first scenario format. The scenarios issue extends it (branches, examples, certification). */
export const scenarioFileSchema = z.strictObject({
  id,
  title: z.string().min(1),
  description: z.string().default(''),
  persona: z.strictObject({
    name: z.string().min(1),
    role: z.string().min(1),
    company: z.string().min(1),
  }),
  turns: z
    .array(
      z.strictObject({
        id,
        buyer: z.string().min(1, 'the buyer needs a line to say'),
        criteria: z.array(z.string()).min(1, 'list at least one criterion that scores the answer'),
      }),
    )
    .min(1, 'a scenario needs at least one turn'),
});

export type ScenarioFile = z.infer<typeof scenarioFileSchema>;
