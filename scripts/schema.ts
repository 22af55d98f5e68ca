/**
 * Writes schema/scenario.schema.json from the loader's own field tables and
 * the acts and models in models/. `npm run schema`; a test fails when the
 * committed file is out of date.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, readCatalogue } from '../src/cli/files.ts';
import { scenarioJsonSchema } from '../src/scenario/index.ts';

export const SCHEMA_FILE = path.join(PROJECT_ROOT, 'schema/scenario.schema.json');

export function schemaText(): string {
  const { catalogue } = readCatalogue(PROJECT_ROOT);
  return `${JSON.stringify(scenarioJsonSchema(catalogue), null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(SCHEMA_FILE, schemaText());
  console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
}
