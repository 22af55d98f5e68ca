import { describe, expect, it } from 'vitest';
import { analyseScenario, compiledScenario, searchRuns, walkRuns } from '../../src/analysis/index.ts';
import { faultyKettle, projectCatalogue } from '../engine/build.ts';
import { bigScenario } from '../engine/generate.ts';
import { refAnalyseScenario } from './reference.ts';

const catalogue = projectCatalogue();
const models = [...catalogue.models.values()];

/**
 * The walk keeps its stacks, undo log and tally row per compiled scenario between walks.
 * A walk cut short (by a cap or by its visitor) leaves them mid-run: the next walk must
 * start from a clean state all the same.
 */
describe('walk scratch kept between walks', () => {
  it('gives the same analysis after walks stopped by the caps and by the visitor', () => {
    const scenario = bigScenario(300, 11);
    const expected = JSON.stringify(refAnalyseScenario(scenario, catalogue, { maxRuns: 5_000 }));
    expect(JSON.stringify(analyseScenario(scenario, catalogue, { maxRuns: 5_000 }))).toBe(expected);
    analyseScenario(scenario, catalogue, { maxRuns: 7 });
    expect(JSON.stringify(analyseScenario(scenario, catalogue, { maxRuns: 5_000 }))).toBe(expected);
    analyseScenario(scenario, catalogue, { maxSteps: 40 });
    expect(JSON.stringify(analyseScenario(scenario, catalogue, { maxRuns: 5_000 }))).toBe(expected);
    let seen = 0;
    searchRuns(scenario, models, catalogue, { visitsPerNode: 2, maxRuns: 5_000, maxSteps: 100_000 }, () => {
      seen++;
      return seen === 3;
    });
    expect(JSON.stringify(analyseScenario(scenario, catalogue, { maxRuns: 5_000 }))).toBe(expected);
  });

  it('gives a walk started inside another walk its own state', () => {
    const kettle = faultyKettle();
    const expected = JSON.stringify(analyseScenario(kettle, catalogue));
    const compiled = compiledScenario(kettle, models, catalogue);
    const limits = { visitsPerNode: 2, maxRuns: 1_000, maxSteps: 100_000 };
    const outer: string[] = [];
    const inner: string[] = [];
    const alone: string[] = [];
    walkRuns(compiled, limits, {
      run: (view, end, length) => void alone.push(`${end}:${length}:${view.performed.join()}`),
    });
    let nested = false;
    walkRuns(compiled, limits, {
      run: (view, end, length) => {
        outer.push(`${end}:${length}:${view.performed.join()}`);
        if (!nested) {
          nested = true;
          walkRuns(compiled, limits, {
            run: (v, e, l) => void inner.push(`${e}:${l}:${v.performed.join()}`),
          });
        }
        return undefined;
      },
    });
    expect(outer).toEqual(alone);
    expect(inner).toEqual(alone);
    expect(JSON.stringify(analyseScenario(kettle, catalogue))).toBe(expected);
  });
});
