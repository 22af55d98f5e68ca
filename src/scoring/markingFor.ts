import type { Choice, MarkingCondition, MarkingPoint } from '../scenario/index.ts';
import type { MarkingResult } from './types.ts';

function matches(condition: MarkingCondition, choices: readonly Choice[]): boolean {
  return choices.some(
    (choice) =>
      condition.choices.includes(choice.id) || choice.acts.some(({ act }) => condition.acts.includes(act)),
  );
}

/** Each marking point met or missed, in file order: `when` matched (or absent) and `unless` not matched. */
export function markingFor(points: readonly MarkingPoint[], choices: readonly Choice[]): MarkingResult[] {
  return points.map((point) => ({
    id: point.id,
    text: point.text,
    met:
      (point.when === undefined || matches(point.when, choices)) &&
      !(point.unless !== undefined && matches(point.unless, choices)),
  }));
}
