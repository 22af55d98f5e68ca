import { describe, expect, it } from 'vitest';
import { assertSameTraces, compileInk, playInk, playOurs } from '../../bench/engineVsInk.ts';
import { generateScenario, toInk, toYaml } from '../../bench/generate.ts';
import { projectCatalogue } from '../../bench/load.ts';
import { loadScenario } from '../../src/scenario/index.ts';

describe('the benchmark generator', () => {
  const catalogue = projectCatalogue();

  it('gives the same scenario for the same seed and another for another seed', () => {
    expect(toYaml(generateScenario(60, 7))).toBe(toYaml(generateScenario(60, 7)));
    expect(toYaml(generateScenario(60, 7))).not.toBe(toYaml(generateScenario(60, 8)));
  });

  it('writes YAML the loader takes without a single diagnostic', { timeout: 30_000 }, () => {
    for (const seed of [1, 2, 3]) {
      const { scenario, diagnostics } = loadScenario(
        { file: 'g.yaml', text: toYaml(generateScenario(100, seed)) },
        catalogue,
      );
      expect(diagnostics).toEqual([]);
      expect(scenario?.nodes.size).toBe(100);
    }
  });

  it('writes ink that compiles and plays the same paths to the same mood as our engine', () => {
    const generated = generateScenario(60, 11);
    const { scenario } = loadScenario({ file: 'g.yaml', text: toYaml(generated) }, catalogue);
    if (scenario === null) throw new Error('the generated scenario does not load');
    const story = compileInk(toInk(generated));
    const ours = playOurs(scenario, 25, 99);
    const ink = playInk(story, 25, 99);
    expect(ours.steps).toBeGreaterThan(25);
    expect(() => assertSameTraces('test', ours.traces, ink.traces)).not.toThrow();
  }, 30_000);

  it('notices when the engines part ways', () => {
    const a = { steps: 2, pathHash: 1, mood: 50, lastNode: 3 };
    expect(() => assertSameTraces('test', [a], [{ ...a, mood: 45 }])).toThrow(/differs/);
  });
});
