import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadCatalogue, loadLibrary, loadScenario } from '../../src/scenario/index.ts';
import {
  MAX_GENERATED_CHARS,
  type Mutation,
  mutate,
  mutationArb,
  OPERATIONS,
  renderTree,
  treeArb,
  yamlishText,
} from './arbitraries.ts';
import {
  catalogue,
  diagnosticProblem,
  fuzzParams,
  fuzzTimeout,
  loadAndCheck,
  prototypeChanges,
  prototypeSnapshot,
  ROOT,
  report,
  scenarioFiles,
  sourceLines,
} from './support.ts';

/** Slowest single load allowed (generous: the machine may be busy); a hang is caught by the test timeout. */
const SLOW_MS = 10_000;

interface Tally {
  cases: number;
  loaded: number;
  rejected: number;
  diagnostics: number;
  slowestMs: number;
}

function tally(): Tally {
  return { cases: 0, loaded: 0, rejected: 0, diagnostics: 0, slowestMs: 0 };
}

function check(t: Tally, text: string): void {
  const { result, ms } = loadAndCheck(text);
  t.cases++;
  t.diagnostics += result.diagnostics.length;
  if (result.scenario === null) t.rejected++;
  else t.loaded++;
  t.slowestMs = Math.max(t.slowestMs, ms);
  if (ms > SLOW_MS) throw new Error(`loading took ${ms.toFixed(0)} ms (limit ${SLOW_MS} ms)`);
}

function summary(t: Tally): Record<string, number | string> {
  return { ...t, slowestMs: t.slowestMs.toFixed(1) };
}

describe('loader fuzz: loadScenario never throws and reports well-placed diagnostics', () => {
  it(
    'survives arbitrary YAML-ish text',
    () => {
      const t = tally();
      fc.assert(
        fc.property(yamlishText, (text) => check(t, text)),
        fuzzParams(400),
      );
      report('arbitrary text', summary(t));
      expect(t.cases).toBeGreaterThan(0);
    },
    fuzzTimeout(60_000),
  );

  it(
    'survives arbitrary unicode strings, including lone surrogates and controls',
    () => {
      const t = tally();
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => check(t, text)),
        fuzzParams(200),
      );
      report('unicode text', summary(t));
    },
    fuzzTimeout(60_000),
  );

  it(
    'survives generated YAML trees with random keys, nesting, anchors, aliases and tags',
    () => {
      const t = tally();
      fc.assert(
        fc.property(treeArb, (tree) => {
          const text = renderTree(tree);
          fc.pre(text.length <= MAX_GENERATED_CHARS);
          check(t, text);
        }),
        fuzzParams(400),
      );
      report('generated trees', summary(t));
    },
    fuzzTimeout(60_000),
  );

  it(
    'survives generated JSON-like values printed by the yaml package (shared objects become aliases)',
    () => {
      const t = tally();
      const value = fc.letrec<{ v: unknown }>((tie) => ({
        v: fc.oneof(
          { depthSize: 'small' },
          fc.jsonValue({ maxDepth: 1 }),
          fc.dictionary(
            fc.constantFrom('id', 'nodes', 'to', 'say', '__proto__', 'constructor', 'x'),
            tie('v'),
            {
              maxKeys: 5,
            },
          ),
          fc.array(tie('v'), { maxLength: 4 }),
        ),
      })).v;
      fc.assert(
        fc.property(value, fc.boolean(), (v, share) => {
          // The same object twice is printed as an anchor and an alias.
          const text = stringify(share ? { id: v, title: v, nodes: { a: v, b: v } } : v, {
            aliasDuplicateObjects: true,
          });
          fc.pre(text.length <= MAX_GENERATED_CHARS);
          check(t, text);
        }),
        fuzzParams(100),
      );
      report('yaml.stringify values', summary(t));
    },
    fuzzTimeout(60_000),
  );
});

describe('loader fuzz: mutations of every scenario in scenarios/', () => {
  const files = scenarioFiles();

  it('finds the scenarios to mutate', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  // About 120 mutated files in all, however many scenarios there are.
  const perFile = Math.max(5, Math.ceil(120 / Math.max(1, files.length)));

  for (const { file, text } of files) {
    it(
      `survives random mutations of ${file}`,
      () => {
        const t = tally();
        const used = new Map<string, number>();
        fc.assert(
          fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (mutations: Mutation[]) => {
            const mutated = mutate(text, mutations);
            for (const name of mutated.applied) used.set(name, (used.get(name) ?? 0) + 1);
            check(t, mutated.text);
          }),
          fuzzParams(perFile),
        );
        report(`mutations of ${file}`, { ...summary(t), operations: used.size });
      },
      fuzzTimeout(120_000),
    );
  }

  it('applies every kind of mutation at least once across the scenarios', () => {
    const seen = new Set<string>();
    const [first] = files;
    if (first === undefined) return;
    for (let op = 0; op < OPERATIONS.length; op++) {
      for (let a = 0; a < 5 && !seen.has(OPERATIONS[op] ?? ''); a++) {
        const mutated = mutate(first.text, [{ op, a: a * 7919, b: a * 104729, size: a * 31 }]);
        for (const name of mutated.applied) seen.add(name);
        loadAndCheck(mutated.text);
      }
    }
    expect([...OPERATIONS].filter((name) => !seen.has(name))).toEqual([]);
  });
});

describe('loader fuzz: the catalogue (models/) and the library', () => {
  const modelFiles = readdirSync(path.join(ROOT, 'models'))
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ file: `models/${name}`, text: readFileSync(path.join(ROOT, 'models', name), 'utf8') }));

  it(
    'loadCatalogue never throws and places every diagnostic, whatever one model file holds',
    () => {
      let cases = 0;
      let diagnostics = 0;
      fc.assert(
        fc.property(
          fc.nat({ max: modelFiles.length - 1 }),
          fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
          (which, mutations) => {
            const before = prototypeSnapshot();
            const files = modelFiles.map((f, i) =>
              i === which ? { ...f, text: mutate(f.text, mutations).text } : f,
            );
            const result = loadCatalogue(files);
            for (const d of result.diagnostics) {
              const text = files.find((f) => f.file === d.file)?.text;
              if (text === undefined) throw new Error(`diagnostic for an unknown file: ${JSON.stringify(d)}`);
              const problem = diagnosticProblem(d, d.file, sourceLines(text));
              if (problem !== undefined) throw new Error(`bad diagnostic (${problem}): ${JSON.stringify(d)}`);
            }
            expect(prototypeChanges(before)).toEqual([]);
            cases++;
            diagnostics += result.diagnostics.length;
          },
        ),
        fuzzParams(60),
      );
      report('catalogue mutations', { cases, diagnostics });
    },
    fuzzTimeout(60_000),
  );

  it(
    'loadLibrary keeps every file apart: one result per file, unique ids, broken files never take others down',
    () => {
      const sources = scenarioFiles();
      let cases = 0;
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.nat({ max: sources.length - 1 }), fc.array(mutationArb, { maxLength: 2 })), {
            minLength: 1,
            maxLength: 5,
          }),
          (picks) => {
            const batch = picks.map(([i, mutations], n) => {
              const source = sources[i] ?? { file: 'none', text: '' };
              return { file: `${n}-${source.file}`, text: mutate(source.text, mutations).text };
            });
            const library = loadLibrary(batch, catalogue());
            expect(library.files.map((f) => f.file)).toEqual(batch.map((f) => f.file));
            const ids = library.scenarios.map((s) => s.id);
            expect(new Set(ids).size).toBe(ids.length);
            for (const [n, source] of batch.entries()) {
              // Each file on its own gives the same scenario, unless an earlier file took its id.
              const alone = loadScenario(source, catalogue());
              const kept = library.scenarios.find((s) => s.file === source.file);
              if (alone.scenario === null) expect(kept).toBeUndefined();
              else if (kept === undefined)
                expect(library.files[n]?.diagnostics[0]?.code).toBe('duplicate-scenario-id');
              for (const d of library.files[n]?.diagnostics ?? []) {
                const problem = diagnosticProblem(d, source.file, sourceLines(source.text));
                if (problem !== undefined)
                  throw new Error(`bad diagnostic (${problem}): ${JSON.stringify(d)}`);
              }
            }
            cases++;
          },
        ),
        fuzzParams(15),
      );
      report('library batches', { cases });
    },
    fuzzTimeout(120_000),
  );
});
