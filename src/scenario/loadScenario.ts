import { AstReader } from './astReader.ts';
import { sortDiagnostics } from './diagnostics.ts';
import { readScenario } from './readScenario.ts';
import type { SourceFile } from './sourceFile.ts';
import type { Catalogue, Diagnostic, Scenario } from './types.ts';
import { parseYaml } from './yamlDocument.ts';

export interface LoadResult {
  /** The checked scenario, or null when the file has any error. */
  readonly scenario: Scenario | null;
  /** Every problem in the file at once, in reading order. */
  readonly diagnostics: readonly Diagnostic[];
}

export interface LoadOptions {
  /**
   * Largest file accepted, in UTF-8 bytes; default 1 MB. Only tools raise it
   * (benchmarks, analysing a generated graph); the app never does.
   */
  readonly maxBytes?: number;
}

/** YAML text → a checked `Scenario`, or every diagnostic at once. Never throws for bad input. */
export function loadScenario(
  source: SourceFile,
  catalogue: Catalogue,
  options: LoadOptions = {},
): LoadResult {
  const { doc, root, sink } = parseYaml(source, options.maxBytes);
  if (doc === null || sink.hasErrors)
    return { scenario: null, diagnostics: sortDiagnostics(sink.diagnostics) };
  const scenario = readScenario(root, new AstReader(doc, sink), catalogue, source.file) ?? null;
  return { scenario: sink.hasErrors ? null : scenario, diagnostics: sortDiagnostics(sink.diagnostics) };
}
