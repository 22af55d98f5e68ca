import { describe, expect, it } from 'vitest';
import { readScenarioFile } from '../../src/cli/files.ts';
import { playPositions } from '../../src/engine/index.ts';
import type { Scenario } from '../../src/scenario/index.ts';
import {
  bandHeadline,
  limitReasons,
  limitSentences,
  type RunScore,
  scoreRun,
} from '../../src/scoring/index.ts';
import { faultyKettle, projectCatalogue } from '../engine/build.ts';
import { REPO } from '../engine/runSim.ts';

const catalogue = projectCatalogue();
const kettle = faultyKettle();

function play(scenario: Scenario, modelId: string, positions: readonly number[]): RunScore {
  const model = catalogue.models.get(modelId);
  if (model === undefined) throw new Error(modelId);
  const result = playPositions(scenario, positions);
  if (!result.ok) throw new Error(result.error.message);
  return scoreRun(scenario, result.run, model, catalogue);
}

const words = (scenario: Scenario, score: RunScore) => {
  const model = catalogue.models.get(score.model);
  if (model === undefined) throw new Error(score.model);
  return {
    headline: bandHeadline(score, scenario, model, catalogue),
    ...limitSentences(score, scenario, model, catalogue),
  };
};

describe('why the band is what it is, in plain words', () => {
  it('names the receipt question that held the kettle’s 87.5% to Merit (LASS 1,1,1,1,1)', () => {
    const said = words(kettle, play(kettle, 'LASS', [1, 1, 1, 1, 1]));
    expect(said.headline).toBe(
      '87.5%, but Merit: ‘Have you got the receipt?’ put procedure before the customer.',
    );
    expect(said.held).toEqual([]);
  });

  it('says the essential point was not met when the quick refund skips statutory rights (LASS 2,2,1)', () => {
    const said = words(kettle, play(kettle, 'LASS', [2, 2, 1]));
    expect(said.headline).toBe(
      "100%, but Pass: an essential point was not met: ‘Gave accurate information about the customer's statutory rights’.",
    );
  });

  it('keeps a limit that holds without lowering the band apart (HEAT 3,2: blamed, then the manager)', () => {
    const score = play(kettle, 'HEAT', [3, 2]);
    expect(score.score.band).toBe('Not yet achieved');
    const said = words(kettle, score);
    expect(said.lowered).toEqual([]);
    expect(said.headline).toBe(`${score.score.percent}%: Not yet achieved.`);
    expect(said.held.join(' ')).toContain(
      "‘They're usually fine. You must have done something to it.’ blamed",
    );
    expect(said.held.join(' ')).toContain(
      'The complaint was passed to someone else, but you could have resolved it.',
    );
  });

  it('names a reply with a critical fault once, not again as an ordinary fault', () => {
    const { scenario } = readScenarioFile('tests/fixtures/engine/critical-fault.yaml', catalogue, REPO);
    if (scenario === null) throw new Error('fixture did not load');
    const score = play(scenario, 'LASS', [1, 1]);
    expect(limitReasons(score, catalogue).map((r) => [r.limit, r.lowered])).toEqual([
      ['fault', false],
      ['critical-fault', true],
    ]);
    const said = words(scenario, score);
    // The fault limit holds too, but its only reply is the critical one: not said again "more quietly".
    expect(said.held).toEqual([]);
    expect(said.lowered).toEqual([
      "‘It's 12 High Street. I'll fix the rest for you now, thank you for calling.’ gave out personal data without checking identity or consent. A critical fault means Not yet achieved.",
    ]);
  });
});
