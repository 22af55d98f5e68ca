import type { Catalogue, Choice } from '../scenario/index.ts';
import type { FaultScore } from './types.ts';

/** Every fault act of every chosen reply, in run order, with its catalogue penalty. */
export function faultsFor(choices: readonly Choice[], catalogue: Catalogue): FaultScore[] {
  const faults: FaultScore[] = [];
  for (const choice of choices) {
    for (const { act } of choice.acts) {
      const entry = catalogue.acts.get(act);
      if (entry?.fault === true) faults.push({ act, choice: choice.id, penalty: entry.penalty });
    }
  }
  return faults;
}

/** True when any of the faults is critical in the catalogue. */
export function hasCriticalFault(faults: readonly FaultScore[], catalogue: Catalogue): boolean {
  return faults.some((fault) => catalogue.acts.get(fault.act)?.critical === true);
}
