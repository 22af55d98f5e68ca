import { type LoadResult, loadScenario } from './loadScenario.ts';
import type { SourceFile } from './sourceFile.ts';
import type { Catalogue, Diagnostic, Scenario } from './types.ts';

export interface LibraryResult {
  /** Scenarios that loaded cleanly and whose id is unique, in file order. */
  readonly scenarios: readonly Scenario[];
  /** Per file, what loading it said (plus duplicate-id errors across files). */
  readonly files: readonly { readonly file: string; readonly diagnostics: readonly Diagnostic[] }[];
}

/**
 * Loads many scenario files. A broken file never takes the others down;
 * a scenario id used by two files is an error on the later file.
 */
export function loadLibrary(sources: readonly SourceFile[], catalogue: Catalogue): LibraryResult {
  const scenarios: Scenario[] = [];
  const files: { file: string; diagnostics: Diagnostic[] }[] = [];
  const owner = new Map<string, string>();
  for (const source of sources) {
    const result: LoadResult = loadScenario(source, catalogue);
    const diagnostics = [...result.diagnostics];
    const { scenario } = result;
    if (scenario !== null) {
      const first = owner.get(scenario.id);
      if (first === undefined) {
        owner.set(scenario.id, source.file);
        scenarios.push(scenario);
      } else {
        diagnostics.unshift({
          file: source.file,
          ...idPosition(source.text),
          severity: 'error',
          code: 'duplicate-scenario-id',
          message: `the scenario id '${scenario.id}' is already used by ${first}: give this scenario its own id.`,
        });
      }
    }
    files.push({ file: source.file, diagnostics });
  }
  return { scenarios, files };
}

/** Where the value of the top-level `id:` is written (the file loaded, so it is there). */
function idPosition(text: string): { line: number; column: number } {
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    const match = /^id\s*:\s*/.exec(line);
    if (match !== null) return { line: index + 1, column: match[0].length + 1 };
  }
  return { line: 1, column: 1 };
}
