import { describe, expect, it } from 'vitest';
import { playPositions } from '../../src/engine/index.ts';
import { explainSteps, scoreRun } from '../../src/scoring/index.ts';
import { buildScenario, projectCatalogue } from '../engine/build.ts';

const catalogue = projectCatalogue();

describe('explainSteps: every line agrees with the others', () => {
  it('says a step came too late, never that a step said “at the right point” came too early', () => {
    // LASS: listen 1, solve 2, thank 3, apologise 4. The largest ordered set is listen, solve, thank,
    // so Apologise is the step out of order: it came too late, and Solve was at the right point.
    const scenario = buildScenario({
      start: 'a',
      nodes: {
        a: { choices: [{ to: 'b', acts: ['listen'] }] },
        b: { choices: [{ to: 'c', acts: ['solve'] }] },
        c: { choices: [{ to: 'd', acts: ['thank'] }] },
        d: { choices: [{ to: 'end', acts: ['apologise'] }] },
        end: { end: 'resolved' },
      },
    });
    const lass = catalogue.models.get('LASS');
    if (lass === undefined) throw new Error('LASS');
    const result = playPositions(scenario, [1, 1, 1, 1]);
    if (!result.ok) throw new Error(result.error.message);
    const score = scoreRun(scenario, result.run, lass, catalogue);
    expect(score.steps.map((step) => [step.id, step.inOrder])).toEqual([
      ['listen', true],
      ['apologise', false],
      ['solve', true],
      ['thank', true],
    ]);
    expect(explainSteps(score, lass)).toEqual([
      'You listened, at the right point.',
      'You apologised too late, after you offered a solution.',
      'You offered a solution, at the right point.',
      'You thanked the customer, at the right point.',
    ]);
  });
});
