import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readCatalogue } from '../../src/cli/files.ts';
import { type Catalogue, type LoadResult, loadScenario } from '../../src/scenario/index.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const FIXTURES = path.join(ROOT, 'tests/fixtures/validation');

let cached: Catalogue | undefined;
/** The project's own acts and models, loaded once. */
export function catalogue(): Catalogue {
  if (cached === undefined) {
    const { catalogue: loaded, diagnostics } = readCatalogue(ROOT);
    if (diagnostics.length > 0) throw new Error(`models/ has problems: ${JSON.stringify(diagnostics)}`);
    cached = loaded;
  }
  return cached;
}

/** Loads a fixture from tests/fixtures/validation by name, as the CLI would show it. */
export function loadFixture(name: string): LoadResult {
  const file = `${name}.yaml`;
  return loadScenario({ file, text: readFileSync(path.join(FIXTURES, file), 'utf8') }, catalogue());
}

export function loadText(text: string, file = 'inline.yaml'): LoadResult {
  return loadScenario({ file, text }, catalogue());
}
