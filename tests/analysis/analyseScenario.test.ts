import { describe, expect, it } from 'vitest';
import { analyseScenario, canReachDistinction } from '../../src/analysis/index.ts';
import { buildScenario, faultyKettle, projectCatalogue } from '../engine/build.ts';
import { bigScenario } from '../engine/generate.ts';

const catalogue = projectCatalogue();

describe('analyseScenario', () => {
  it('finishes on a generated 10,000-node scenario within its bounds, and says the cap cut the search', () => {
    const scenario = bigScenario(10_000);
    expect(scenario.nodes.size).toBe(10_000);
    const analysis = analyseScenario(scenario, catalogue);
    expect(analysis.exhaustive).toBe(false);
    expect(analysis.truncated).toBe('max-runs');
    expect(analysis.explored.completeRuns).toBe(200_000);
    expect(analysis.note).toContain('at most 2 times per run');
    expect(analysis.note).toContain('Explored the first 200,000 complete runs; the scenario has more');
    for (const model of analysis.models) {
      expect(model.best).not.toBeNull();
      expect(model.endings.length).toBeGreaterThan(0);
    }
    // ~2 s of CPU here; the generous limit is for a machine busy with other test runs.
  }, 60_000);

  it('stops at the reply limit too, and says so', () => {
    const analysis = analyseScenario(bigScenario(2_000, 7), catalogue, { maxSteps: 5_000, models: ['LASS'] });
    expect(analysis.truncated).toBe('max-steps');
    expect(analysis.explored.steps).toBe(5_000);
    expect(analysis.note).toMatch(/Stopped after following 5,000 replies.*the scenario may have more/);
  });

  it('says the search was exhaustive when the run cap equals the number of runs exactly', () => {
    const kettle = faultyKettle();
    const all = analyseScenario(kettle, catalogue).explored.completeRuns;
    expect(analyseScenario(kettle, catalogue, { maxRuns: all }).exhaustive).toBe(true);
    const cut = analyseScenario(kettle, catalogue, { maxRuns: all - 1 });
    expect(cut.truncated).toBe('max-runs');
    expect(cut.explored.completeRuns).toBe(all - 1);
  });

  it('reports best and worst runs as --choices positions, outcomes and the range per ending', () => {
    const analysis = analyseScenario(faultyKettle(), catalogue, { models: ['HEAT'] });
    expect(analysis.exhaustive).toBe(true);
    const [heat] = analysis.models;
    expect(heat?.best).toMatchObject({
      percent: 87.5,
      band: 'Distinction',
      ending: { node: 'resolved-end' },
    });
    expect(heat?.worst?.band).toBe('Not yet achieved');
    expect(heat?.outcomes).toEqual(['resolved', 'escalated', 'unresolved']);
    expect(heat?.endings.map((e) => e.node)).toEqual(['resolved-end', 'escalated-end', 'repair-end']);
    expect(heat?.endings.reduce((sum, e) => sum + e.runs, 0)).toBe(analysis.explored.completeRuns);
    expect(heat?.distinctionReachable).toBe(true);
  });

  it('counts runs that reach a node offering no reply as stuck, not complete', () => {
    const scenario = buildScenario({
      start: 'a',
      nodes: {
        a: { choices: [{ to: 'b', mood: -30 }, { to: 'c' }] },
        b: { choices: [{ to: 'c', if: { moodAtLeast: 50 } }] },
        c: { end: 'resolved' },
      },
    });
    const analysis = analyseScenario(scenario, catalogue);
    expect(analysis.explored).toMatchObject({ completeRuns: 1, stuckRuns: 1 });
  });
});

describe('canReachDistinction', () => {
  it('is true when some run scores Distinction under the model', () => {
    const kettle = faultyKettle();
    for (const model of catalogue.models.values())
      expect(canReachDistinction(kettle, model, catalogue)).toBe(true);
  });

  it('is false when no run can perform every step in order without a fault', () => {
    const scenario = buildScenario({
      start: 'a',
      nodes: { a: { choices: [{ to: 'b', acts: ['thank', 'listen'] }] }, b: { end: 'resolved' } },
    });
    const lass = catalogue.models.get('LASS');
    if (lass === undefined) throw new Error('no LASS');
    expect(canReachDistinction(scenario, lass, catalogue)).toBe(false);
  });
});
