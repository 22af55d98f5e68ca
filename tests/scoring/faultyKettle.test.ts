import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { playPositions } from '../../src/engine/index.ts';
import { explainSteps, scoreAllModels, scoreRun } from '../../src/scoring/index.ts';
import { faultyKettle, projectCatalogue } from '../engine/build.ts';

interface Expected {
  model: string;
  choices: string;
  expected: unknown;
}

const examples = JSON.parse(
  readFileSync(new URL('../fixtures/examples/faulty-kettle.expected.json', import.meta.url), 'utf8'),
) as Expected[];

describe('scoring the faulty-kettle example (scoring v2)', () => {
  const scenario = faultyKettle();
  const catalogue = projectCatalogue();

  for (const example of examples) {
    it(`reproduces ${example.model} ${example.choices} field by field, in key order`, () => {
      const result = playPositions(scenario, example.choices.split(',').map(Number));
      if (!result.ok) throw new Error(result.error.message);
      const model = catalogue.models.get(example.model);
      if (model === undefined) throw new Error(`no model ${example.model}`);
      const score = scoreRun(scenario, result.run, model, catalogue);
      expect(score).toEqual(example.expected);
      expect(JSON.stringify(score)).toBe(JSON.stringify(example.expected));
    });
  }

  it('explains order, partial credit and missed steps in plain English', () => {
    const lass = catalogue.models.get('LASS');
    const heat = catalogue.models.get('HEAT');
    if (lass === undefined || heat === undefined) throw new Error('models missing');
    const poor = playPositions(scenario, [3, 1, 3, 2]);
    if (!poor.ok) throw new Error(poor.error.message);
    const lines = explainSteps(scoreRun(scenario, poor.run, lass, catalogue), lass);
    expect(lines).toContain('You only partly offered a solution.');
    expect(lines).toContain('You never thanked the customer.');
    const good = playPositions(scenario, [2, 1, 1, 1]);
    if (!good.ok) throw new Error(good.error.message);
    expect(explainSteps(scoreRun(scenario, good.run, heat, catalogue), heat)).toContain(
      'You apologised before you showed empathy.',
    );
  });

  it('scores a run that has not ended: no ending, no first-contact resolution', () => {
    const lass = catalogue.models.get('LASS');
    if (lass === undefined) throw new Error('no LASS');
    const opening = scenario.choices.get('opening.2');
    if (opening === undefined) throw new Error('no opening.2');
    const score = scoreRun(
      scenario,
      { choices: [opening], path: ['opening', 'details'], ending: null },
      lass,
      catalogue,
    );
    expect(score.ending).toBeNull();
    expect(score.kpis.fcr).toBe(false);
    expect(score.mood.end).toBe(40);
  });

  it('scores every model in the catalogue order', () => {
    const result = playPositions(scenario, [2, 1, 1, 1]);
    if (!result.ok) throw new Error(result.error.message);
    expect(scoreAllModels(scenario, result.run, catalogue).map((s) => s.model)).toEqual([
      ...catalogue.models.keys(),
    ]);
  });
});
