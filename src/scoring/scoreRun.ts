import { nextMood, type Run } from '../engine/index.ts';
import type { Catalogue, Model, Scenario } from '../scenario/index.ts';
import { bestOutcome } from './bestOutcome.ts';
import { faultsFor } from './faultsFor.ts';
import { kpisFor } from './kpisFor.ts';
import { markingFor } from './markingFor.ts';
import { runLimitsFor } from './runLimits.ts';
import { scoreSteps } from './scoreSteps.ts';
import { tallySteps } from './stepTally.ts';
import { totalScore } from './totalScore.ts';
import type { RunScore } from './types.ts';

/** Scores a run (finished or not) against one model: exactly the contract's `sim play --json` object. */
export function scoreRun(scenario: Scenario, run: Run, model: Model, catalogue: Catalogue): RunScore {
  const steps = scoreSteps(model, tallySteps(model, run.choices));
  const faults = faultsFor(run.choices, catalogue);
  const penalties = faults.reduce((sum, fault) => sum + fault.penalty, 0);
  const start = scenario.customer.mood;
  const end = run.choices.reduce((mood, choice) => nextMood(mood, choice.mood), start);
  const marking = markingFor(scenario.marking, run.choices);
  const outcome = run.ending?.outcome ?? null;
  const limits = runLimitsFor(scenario, outcome, faults, marking, catalogue);
  // Key order is the contract's: JSON.stringify of this object must match the example byte for byte in shape.
  return {
    scenario: scenario.id,
    model: model.id,
    path: [...run.path],
    choices: run.choices.map((choice) => choice.id),
    ending:
      run.ending === null
        ? null
        : {
            node: run.ending.node,
            outcome: run.ending.outcome,
            best: bestOutcome(scenario) ?? run.ending.outcome,
          },
    steps,
    faults,
    score: totalScore(steps, penalties, limits),
    mood: { start, end },
    kpis: kpisFor(end, outcome),
    marking,
  };
}
