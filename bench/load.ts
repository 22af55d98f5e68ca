/**
 * Loading helpers for the benches: the project's catalogue from models/, and a
 * loader for files over the 1 MiB limit. `loadScenario` refuses those (by
 * design: real scenarios are 10–50 KB), so for the 10,000-node graph the bench
 * runs the same stages `loadScenario` runs (parse, read, graph checks) minus
 * the size check, from the scenario folder's internals.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { AstReader } from '../src/scenario/astReader.ts';
import { DiagnosticSink } from '../src/scenario/diagnostics.ts';
import {
  type Catalogue,
  type Diagnostic,
  loadCatalogue,
  loadScenario,
  MAX_FILE_BYTES,
  type Scenario,
} from '../src/scenario/index.ts';
import { readScenario } from '../src/scenario/readScenario.ts';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The shipped acts and models. */
export function projectCatalogue(): Catalogue {
  const dir = path.join(PROJECT_ROOT, 'models');
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ file: `models/${name}`, text: readFileSync(path.join(dir, name), 'utf8') }));
  const { catalogue, diagnostics } = loadCatalogue(files);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`models/ has errors: ${JSON.stringify(errors)}`);
  return catalogue;
}

/** UTF-8 size in bytes. */
export function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** True when `loadScenario` itself takes this text (it refuses files over 1 MiB). */
export function withinFileLimit(text: string): boolean {
  return bytes(text) <= MAX_FILE_BYTES;
}

/** `loadScenario`'s stages without its size check: parse with a LineCounter, read the tree, check the graph. */
export function loadUnbounded(file: string, text: string, catalogue: Catalogue): Scenario | null {
  const lines = new LineCounter();
  const sink = new DiagnosticSink(file, lines);
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0) throw new Error(`${file}: YAML errors: ${doc.errors[0]?.message}`);
  const root = (doc.contents as YamlNode | null) ?? null;
  const scenario = readScenario(root, new AstReader(doc, sink), catalogue, file);
  return sink.hasErrors ? null : (scenario ?? null);
}

/** Loads through `loadScenario` when the file is within its limit, else through `loadUnbounded`; throws on any diagnostic. */
export function loadChecked(file: string, text: string, catalogue: Catalogue): Scenario {
  if (withinFileLimit(text)) {
    const { scenario, diagnostics } = loadScenario({ file, text }, catalogue);
    if (scenario === null || diagnostics.length > 0) throw new Error(describe(file, diagnostics));
    return scenario;
  }
  const scenario = loadUnbounded(file, text, catalogue);
  if (scenario === null) throw new Error(`${file}: the generated scenario does not load`);
  return scenario;
}

function describe(file: string, diagnostics: readonly Diagnostic[]): string {
  const first = diagnostics.slice(0, 5).map((d) => `${d.line}:${d.column} ${d.severity} ${d.message}`);
  return `${file}: the generated scenario has ${diagnostics.length} diagnostics: ${first.join(' | ')}`;
}
