import { describe, expect, it } from 'vitest';
import { analyseScenario } from '../../src/analysis/index.ts';
import { readCatalogue, readScenarioFile } from '../../src/cli/files.ts';
import { createSession, playPositions } from '../../src/engine/index.ts';
import type { Scenario } from '../../src/scenario/index.ts';
import { explainSteps, scoreRun } from '../../src/scoring/index.ts';
import { REPO } from './runSim.ts';

const { catalogue } = readCatalogue(REPO);
const lass = catalogue.models.get('LASS');
if (lass === undefined) throw new Error('LASS model missing');

function fixture(name: string): Scenario {
  const { scenario, diagnostics } = readScenarioFile(`tests/fixtures/engine/${name}.yaml`, catalogue, REPO);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  if (scenario === null) throw new Error(`fixture ${name} did not load`);
  return scenario;
}

interface Playthrough {
  fixture: string;
  what: string;
  choices: number[];
  path: string[];
  ending: { node: string; outcome: string };
  marks: number;
  percent: number;
  band: string;
  /** Scoring v2's limits that hold, in the contract's order. */
  limits: string[];
  mood: number;
}

const playthroughs: Playthrough[] = [
  {
    fixture: 'if-conditions',
    what: 'a reply offered only after an act, another only while mood is low',
    choices: [1, 1, 1],
    path: ['ask', 'ask', 'close', 'happy-end'],
    ending: { node: 'happy-end', outcome: 'resolved' },
    marks: 8,
    percent: 100,
    band: 'Distinction',
    limits: [],
    mood: 70,
  },
  {
    fixture: 'if-conditions',
    what: 'a low mood hides the reply that needs moodAtLeast (and every limit but the critical one holds)',
    choices: [2, 1],
    path: ['ask', 'close', 'sad-end'],
    ending: { node: 'sad-end', outcome: 'unresolved' },
    marks: 0,
    percent: 0,
    band: 'Not yet achieved',
    limits: ['missed-step', 'outcome', 'fault'],
    mood: 30,
  },
  {
    fixture: 'loop',
    what: 'going round a loop twice lists the node three times and costs each fault (Merit at most: a fault)',
    choices: [1, 1, 1, 1, 2, 1],
    path: ['hello', 'repeat', 'hello', 'repeat', 'hello', 'sorry', 'done'],
    ending: { node: 'done', outcome: 'resolved' },
    marks: 6,
    percent: 75,
    band: 'Merit',
    limits: ['fault'],
    mood: 55,
  },
  {
    fixture: 'partial-credit',
    what: 'partial credits, replaced by a later full credit',
    choices: [1, 1, 1, 1],
    path: ['one', 'two', 'three', 'four', 'end'],
    ending: { node: 'end', outcome: 'unresolved' },
    marks: 6.25,
    percent: 78.1,
    band: 'Merit',
    limits: [],
    mood: 50,
  },
  {
    fixture: 'critical-fault',
    what: 'a critical fault makes a 75% run Not yet achieved',
    choices: [1, 1],
    path: ['call', 'ask', 'done'],
    ending: { node: 'done', outcome: 'resolved' },
    marks: 6,
    percent: 75,
    band: 'Not yet achieved',
    limits: ['fault', 'critical-fault'],
    mood: 70,
  },
  {
    fixture: 'critical-fault',
    what: 'the same run without the fault is a Distinction',
    choices: [1, 2],
    path: ['call', 'ask', 'done'],
    ending: { node: 'done', outcome: 'resolved' },
    marks: 8,
    percent: 100,
    band: 'Distinction',
    limits: [],
    mood: 70,
  },
  {
    fixture: 'mood-clamp',
    what: 'mood clamped at 100 and at 0 before the next reply',
    choices: [1, 1, 1],
    path: ['first', 'second', 'third', 'last'],
    ending: { node: 'last', outcome: 'resolved' },
    marks: 3,
    percent: 37.5,
    band: 'Not yet achieved',
    limits: ['missed-step', 'fault'],
    mood: 30,
  },
];

describe('playthrough fixtures', () => {
  for (const p of playthroughs) {
    it(`${p.fixture}: ${p.what}`, () => {
      const scenario = fixture(p.fixture);
      const result = playPositions(scenario, p.choices);
      if (!result.ok) throw new Error(result.error.message);
      expect(result.run.path).toEqual(p.path);
      expect(result.run.ending).toEqual(p.ending);
      const score = scoreRun(scenario, result.run, lass, catalogue);
      expect(score.score).toEqual({
        marks: p.marks,
        max: 8,
        percent: p.percent,
        band: p.band,
        limits: p.limits,
      });
      expect(score.mood.end).toBe(p.mood);
    });
  }

  it('if-conditions: a reply hidden by its condition cannot be chosen by position or by id', () => {
    const scenario = fixture('if-conditions');
    const result = playPositions(scenario, [2, 2]);
    expect(!result.ok && result.error.message).toMatch(/node 'close'.*one reply: 1 = close\.2/);
    const session = createSession(scenario);
    expect(() => session.choose('ask.2')).toThrow(/not offered at node 'ask'/);
  });

  it('mood-clamp: records the clamped mood either side of each reply', () => {
    const result = playPositions(fixture('mood-clamp'), [1, 1, 1]);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.view.transcript.map((t) => [t.moodBefore, t.moodAfter])).toEqual([
      [90, 100],
      [100, 0],
      [0, 30],
    ]);
  });

  it('partial-credit: says which steps were only partly done', () => {
    const scenario = fixture('partial-credit');
    const result = playPositions(scenario, [1, 1, 1, 1]);
    if (!result.ok) throw new Error(result.error.message);
    const lines = explainSteps(scoreRun(scenario, result.run, lass, catalogue), lass);
    expect(lines).toEqual([
      'You listened, at the right point.',
      'You only partly apologised.',
      'You only partly offered a solution.',
      'You only partly thanked the customer.',
    ]);
  });

  it('loop: analysis bounds visits per node and says so', () => {
    const scenario = fixture('loop');
    const twice = analyseScenario(scenario, catalogue, { models: ['LASS'] });
    expect(twice.explored.completeRuns).toBe(2);
    expect(twice.explored.loopCutRuns).toBe(1);
    expect(twice.note).toContain('at most 2 times per run');
    const thrice = analyseScenario(scenario, catalogue, { models: ['LASS'], visitsPerNode: 3 });
    expect(thrice.explored.completeRuns).toBe(3);
    expect(thrice.models[0]?.worst?.positions).toEqual([1, 1, 1, 1, 2, 1]);
  });
});
