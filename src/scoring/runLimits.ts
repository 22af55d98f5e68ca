import type { Catalogue, Outcome, Scenario } from '../scenario/index.ts';
import { belowBest } from './bestOutcome.ts';
import { hasCriticalFault } from './faultsFor.ts';
import { ANY_FAULT, CRITICAL_FAULT, MISSED_ESSENTIAL, OUTCOME_BELOW_BEST } from './limits.ts';
import type { FaultScore, MarkingResult } from './types.ts';

/**
 * The limits that hold for a run whatever the model, as a mask: a missed
 * essential marking point, an ending below the scenario's best outcome (only
 * once the run has ended), any fault, a critical fault. `missed-step` depends on
 * the model and is added by `totalScore`.
 */
export function runLimitsFor(
  scenario: Scenario,
  outcome: Outcome | null,
  faults: readonly FaultScore[],
  marking: readonly MarkingResult[],
  catalogue: Catalogue,
): number {
  let limits = 0;
  if (marking.some((point) => point.essential && !point.met)) limits |= MISSED_ESSENTIAL;
  if (outcome !== null && belowBest(scenario, outcome)) limits |= OUTCOME_BELOW_BEST;
  if (faults.length > 0) limits |= ANY_FAULT;
  if (hasCriticalFault(faults, catalogue)) limits |= CRITICAL_FAULT;
  return limits;
}
