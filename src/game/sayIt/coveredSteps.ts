import type { FoundAct } from '../../reading/index.ts';
import type { Model, ModelStep } from '../../scenario/index.ts';

export interface CoveredStep {
  readonly step: ModelStep;
  /** False when only acts marked "tutor to check" cover it. */
  readonly sure: boolean;
}

/** The steps of the model the acts found perform, in the model's order. */
export function coveredSteps(model: Model, found: readonly FoundAct[]): CoveredStep[] {
  return model.steps.flatMap((step) => {
    const by = found.filter((a) => step.acts.includes(a.act));
    return by.length === 0 ? [] : [{ step, sure: by.some((a) => a.confidence === 'sure') }];
  });
}
