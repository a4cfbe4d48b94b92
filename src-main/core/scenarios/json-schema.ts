import { z } from 'zod';
import { rubricSchema } from '../scoring/rubric-schema';
import { scenarioFileSchema } from './scenario-schema';

/**
 * JSON Schemas generated from the zod schemas the app validates with, so an editor (VS Code's
 * YAML extension, for instance) autocompletes and checks scenario and rubric files as you type.
 */
export function scenarioJsonSchemas(): { scenario: unknown; rubric: unknown } {
  return {
    scenario: { title: 'Sparring scenario', ...z.toJSONSchema(scenarioFileSchema, { io: 'input' }) },
    rubric: { title: 'Sparring rubric', ...z.toJSONSchema(rubricSchema, { io: 'input' }) },
  };
}
