import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseScenario, canReachDistinction, searchRuns } from '../../src/analysis/index.ts';
import type { Scenario } from '../../src/scenario/index.ts';
import { projectCatalogue } from '../engine/build.ts';
import { bigScenario, scenarioArb } from '../engine/generate.ts';
import { refAnalyseScenario, refSearchRuns } from './reference.ts';

const catalogue = projectCatalogue();
const models = [...catalogue.models.values()];
const settings = { seed: 20261123, numRuns: 300 };

const limitsArb = fc.record({
  visitsPerNode: fc.integer({ min: 0, max: 3 }),
  maxRuns: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constant(200_000)),
  maxSteps: fc.oneof(fc.integer({ min: 0, max: 200 }), fc.constant(5_000_000)),
});

/** Scenarios with `if` conditions of every kind, loops, faults, and (without the unconditional first reply) stuck nodes. */
const anyScenarioArb = fc
  .boolean()
  .chain((alwaysOneUnconditional) => scenarioArb({ alwaysOneUnconditional }));

/** Every callback of a search, in order, as plain data. */
function record(
  search: typeof searchRuns,
  scenario: Scenario,
  limits: typeof limitsArb extends fc.Arbitrary<infer L> ? L : never,
  stopAfter: number | null,
) {
  const events: unknown[] = [];
  let runs = 0;
  const totals = search(
    scenario,
    models,
    catalogue,
    limits,
    (run) => {
      events.push({
        positions: [...run.positions],
        choices: run.choices.map((choice) => choice.id),
        path: [...run.path],
        ending: run.ending,
        scores: run.scores.map((score) => ({ ...score })),
      });
      runs++;
      return stopAfter !== null && runs >= stopAfter ? true : undefined;
    },
    (node, positions) => {
      events.push({ stuck: node, positions: [...positions] });
    },
  );
  return { totals, events };
}

describe('the compiled search gives exactly what the plain search gave', { timeout: 120_000 }, () => {
  it('analyseScenario: counts, bounds reached, best and worst runs and scores, ranges per ending', () => {
    fc.assert(
      fc.property(anyScenarioArb, limitsArb, (scenario, limits) => {
        const fast = analyseScenario(scenario, catalogue, limits);
        const reference = refAnalyseScenario(scenario, catalogue, limits);
        expect(fast).toEqual(reference);
        // Same keys in the same order too: `sim analyse --json` prints this object.
        expect(JSON.stringify(fast)).toBe(JSON.stringify(reference));
      }),
      settings,
    );
  });

  it('searchRuns: every run (positions, replies, path, ending, scores per model) and every stuck node, in order', () => {
    fc.assert(
      fc.property(
        anyScenarioArb,
        limitsArb,
        fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }),
        (scenario, limits, stopAfter) => {
          const fast = record(searchRuns, scenario, limits, stopAfter);
          const reference = record(refSearchRuns, scenario, limits, stopAfter);
          expect(fast.totals).toEqual(reference.totals);
          expect(fast.events).toEqual(reference.events);
        },
      ),
      settings,
    );
  });

  it('agrees on generated big scenarios with loops and mood conditions', () => {
    for (const [size, seed] of [
      [300, 1],
      [1_000, 7],
    ] as const) {
      const scenario = bigScenario(size, seed);
      const limits = { maxRuns: 5_000, maxSteps: 100_000 };
      expect(analyseScenario(scenario, catalogue, limits)).toEqual(
        refAnalyseScenario(scenario, catalogue, limits),
      );
    }
  });

  it('canReachDistinction stops at the same first Distinction', () => {
    fc.assert(
      fc.property(anyScenarioArb, (scenario) => {
        for (const model of models) {
          let expected = false;
          refSearchRuns(
            scenario,
            [model],
            catalogue,
            { visitsPerNode: 2, maxRuns: 200_000, maxSteps: 5_000_000 },
            (run) => {
              expected = run.scores[0]?.band === 'Distinction';
              return expected;
            },
          );
          expect(canReachDistinction(scenario, model, catalogue)).toBe(expected);
        }
      }),
      { ...settings, numRuns: 100 },
    );
  });
});
