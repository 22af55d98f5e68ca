/**
 * Shared pieces of the fuzz tests: run counts and seeds (fixed in `npm test`,
 * overridable by `npm run fuzz`), the project's catalogue and scenarios, and
 * the loader invariants every input must satisfy.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readCatalogue } from '../../src/cli/files.ts';
import type { Catalogue, Diagnostic, LoadResult, Scenario } from '../../src/scenario/index.ts';
import { loadScenario } from '../../src/scenario/index.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * fast-check parameters for one property: a fixed seed and the given number of
 * runs, unless `npm run fuzz` set FUZZ_SEED / FUZZ_RUNS (a multiplier of the
 * default counts is FUZZ_SCALE).
 */
export function fuzzParams(defaultRuns: number): { seed: number; numRuns: number } {
  const seed = process.env.FUZZ_SEED === undefined ? 20261123 : Number(process.env.FUZZ_SEED);
  const runs = process.env.FUZZ_RUNS === undefined ? undefined : Number(process.env.FUZZ_RUNS);
  const scale = process.env.FUZZ_SCALE === undefined ? 1 : Number(process.env.FUZZ_SCALE);
  return { seed, numRuns: Math.max(1, Math.round(runs ?? defaultRuns * scale)) };
}

/** A test timeout that grows with the run counts, so `npm run fuzz` can go deeper than `npm test`. */
export function fuzzTimeout(ms: number): number {
  const runs = process.env.FUZZ_RUNS === undefined ? 1 : Number(process.env.FUZZ_RUNS) / 50;
  const scale = process.env.FUZZ_SCALE === undefined ? 1 : Number(process.env.FUZZ_SCALE);
  return Math.round(ms * Math.max(1, scale, runs));
}

/** One line per property, so the number of cases tried shows in the test output. */
export function report(name: string, counts: Record<string, number | string>): void {
  const { seed } = fuzzParams(1);
  const parts = Object.entries(counts).map(([k, v]) => `${k}=${v}`);
  console.log(`[fuzz] ${name}: ${parts.join(' ')} seed=${seed}`);
}

let cachedCatalogue: Catalogue | undefined;
/** The project's own acts and models. */
export function catalogue(): Catalogue {
  if (cachedCatalogue === undefined) {
    const { catalogue: loaded, diagnostics } = readCatalogue(ROOT);
    if (diagnostics.some((d) => d.severity === 'error'))
      throw new Error(`models/ has errors: ${JSON.stringify(diagnostics)}`);
    cachedCatalogue = loaded;
  }
  return cachedCatalogue;
}

/** Every scenario file in scenarios/ (discovered, so new ones are fuzzed too). */
export function scenarioFiles(): { file: string; text: string }[] {
  const dir = path.join(ROOT, 'scenarios');
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({ file: `scenarios/${name}`, text: readFileSync(path.join(dir, name), 'utf8') }));
}

/** The shipped scenarios that load cleanly (a file being written right now may not yet). */
export function shippedScenarios(): Scenario[] {
  const result: Scenario[] = [];
  for (const source of scenarioFiles()) {
    const { scenario } = loadScenario(source, catalogue());
    if (scenario !== null) result.push(scenario);
  }
  return result;
}

const PROTOTYPES: readonly [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
  ['Map.prototype', Map.prototype],
];

/** The own property names of the built-in prototypes, to compare after each case. */
export function prototypeSnapshot(): Map<string, string> {
  return new Map(
    PROTOTYPES.map(([name, proto]) => [name, Reflect.ownKeys(proto).map(String).sort().join(',')]),
  );
}

/** Problems with the built-in prototypes since the snapshot (empty when untouched). */
export function prototypeChanges(before: Map<string, string>): string[] {
  const problems: string[] = [];
  const after = prototypeSnapshot();
  for (const [name, keys] of before)
    if (after.get(name) !== keys) problems.push(`${name} changed its own properties`);
  const probe = {} as Record<string, unknown>;
  for (const key of ['polluted', 'isAdmin', 'customer', 'nodes', 'id', 'title', 'say', 'to', 'acts'])
    if (probe[key] !== undefined) problems.push(`({}).${key} is ${String(probe[key])}`);
  if (Object.getPrototypeOf(probe) !== Object.prototype) problems.push('{} has a new prototype');
  return problems;
}

/** Lines as YAML and editors count them: CRLF, LF or a lone CR ends a line. */
export function sourceLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

const BAD_WORDS = /undefined|\[object Object\]|NaN/;
const CODE = /^[a-z]+(?:-[a-z]+)*$/;

/** Why a diagnostic breaks the loader's contract, or undefined when it is fine. */
export function diagnosticProblem(d: Diagnostic, file: string, lines: readonly string[]): string | undefined {
  if (d.file !== file) return `file is '${d.file}', not '${file}'`;
  if (d.severity !== 'error' && d.severity !== 'warning') return `severity '${String(d.severity)}'`;
  if (typeof d.code !== 'string' || !CODE.test(d.code)) return `code '${String(d.code)}'`;
  if (!Number.isInteger(d.line) || d.line < 1 || d.line > lines.length + 1) {
    return `line ${d.line} outside 1..${lines.length + 1}`;
  }
  const lineLength = lines[d.line - 1]?.length ?? 0;
  if (!Number.isInteger(d.column) || d.column < 1 || d.column > lineLength + 1) {
    return `column ${d.column} outside 1..${lineLength + 1} on line ${d.line}`;
  }
  if (typeof d.message !== 'string' || d.message.trim() === '') return 'empty message';
  // Text the tutor wrote is echoed in quotes, and a tag is echoed as written: only our own words must be clean.
  const ours = d.message.replace(/'[^']*'/g, "''").replace(/(?:tag:|!)\S+/g, '');
  const bad = BAD_WORDS.exec(ours);
  if (bad !== null) return `message contains '${bad[0]}': ${d.message.slice(0, 200)}`;
  return undefined;
}

export interface CheckedLoad {
  readonly result: LoadResult;
  readonly ms: number;
}

/**
 * Loads one text and checks every loader invariant: no throw, scenario null
 * exactly when there is an error, each diagnostic well placed and worded, and
 * the built-in prototypes untouched. Throws an Error describing the first
 * broken invariant (fast-check then shrinks the input).
 */
export function loadAndCheck(text: string, file = 'fuzz.yaml'): CheckedLoad {
  const before = prototypeSnapshot();
  const start = performance.now();
  let result: LoadResult;
  try {
    result = loadScenario({ file, text }, catalogue());
  } catch (error) {
    const stack = error instanceof Error ? error.stack : String(error);
    throw new Error(`loadScenario threw: ${stack}`);
  }
  const ms = performance.now() - start;
  const lines = sourceLines(text);
  for (const d of result.diagnostics) {
    const problem = diagnosticProblem(d, file, lines);
    if (problem !== undefined) throw new Error(`bad diagnostic (${problem}): ${JSON.stringify(d)}`);
  }
  const hasError = result.diagnostics.some((d) => d.severity === 'error');
  if (hasError && result.scenario !== null) throw new Error('a file with errors returned a scenario');
  if (!hasError && result.scenario === null) throw new Error('a file without errors returned no scenario');
  const changes = prototypeChanges(before);
  if (changes.length > 0) throw new Error(`prototype pollution: ${changes.join('; ')}`);
  return { result, ms };
}
