/** `npm run schema`: writes scenarios/schema/{scenario,rubric}.schema.json from the zod schemas. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src-main/core/app-roots';
import { scenarioJsonSchemas } from '../src-main/core/scenarios/json-schema';

const dir = join(projectRoot(), 'scenarios', 'schema');
mkdirSync(dir, { recursive: true });
const schemas = scenarioJsonSchemas();
for (const [name, schema] of Object.entries(schemas)) {
  writeFileSync(join(dir, `${name}.schema.json`), JSON.stringify(schema, null, 2) + '\n');
  console.log(`wrote scenarios/schema/${name}.schema.json`);
}
