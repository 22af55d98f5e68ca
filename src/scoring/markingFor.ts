import type { Choice, MarkingCondition, MarkingPoint } from '../scenario/index.ts';
import type { MarkingResult } from './types.ts';

/** True when the reply is one of the condition's choices or performs one of its acts. */
export function matchesChoice(condition: MarkingCondition, choice: Choice): boolean {
  return condition.choices.includes(choice.id) || choice.acts.some(({ act }) => condition.acts.includes(act));
}

function matches(condition: MarkingCondition, choices: readonly Choice[]): boolean {
  return choices.some((choice) => matchesChoice(condition, choice));
}

/** Each marking point met or missed, in file order: `when` matched (or absent) and `unless` not matched. */
export function markingFor(points: readonly MarkingPoint[], choices: readonly Choice[]): MarkingResult[] {
  return points.map((point) => ({
    id: point.id,
    text: point.text,
    essential: point.essential,
    met:
      (point.when === undefined || matches(point.when, choices)) &&
      !(point.unless !== undefined && matches(point.unless, choices)),
  }));
}
