import type { Rehearsal } from '../../progress/index.ts';
import type { Model, Scenario } from '../../scenario/index.ts';
import { fold } from '../ui/debrief/fold.ts';
import { h } from '../ui/dom.ts';
import { REHEARSE_STRINGS as S } from './strings.ts';

/** The model's steps (by name, in its order) that the reply picked at a turn counts towards. */
function pickedSteps(scenario: Scenario, model: Model, choiceId: string | undefined): string[] {
  const choice = choiceId === undefined ? undefined : scenario.choices.get(choiceId);
  if (choice === undefined) return [];
  const acts = new Set(choice.acts.filter((a) => a.credit > 0).map((a) => a.act));
  return model.steps.filter((step) => step.acts.some((act) => acts.has(act))).map((step) => step.name);
}

/**
 * The debrief's folded "Rehearsed aloud": at each turn the learner rehearsed,
 * the steps they ticked beside the steps the reply they then picked counts
 * towards, so they can see where their own sense of a reply and the marks part
 * (self-assessment is a skill the observation tests too). Null when they did
 * not rehearse.
 */
export function rehearsalFold(
  rehearsed: readonly Rehearsal[] | undefined,
  choices: readonly string[],
  scenario: Scenario,
  model: Model,
): HTMLElement | null {
  if (rehearsed === undefined || rehearsed.length === 0) return null;
  const name = (id: string): string => model.steps.find((step) => step.id === id)?.name ?? id;
  return fold(
    'rehearsed',
    S.debriefSummary(rehearsed.length),
    h('p', { class: 'details-intro' }, S.debriefIntro),
    h(
      'ul',
      { class: 'rehearsed-list', 'data-testid': 'debrief-rehearsed' },
      rehearsed.map((mark) => {
        const ticked = mark.steps.map(name);
        const picked = pickedSteps(scenario, model, choices[mark.at]);
        const onlyTicked = ticked.filter((step) => !picked.includes(step));
        return h(
          'li',
          { 'data-at': mark.at },
          h('strong', {}, `${S.turn(mark.at)}: `),
          ticked.length === 0 ? S.noneTicked : S.ticked(ticked.join(', ')),
          '. ',
          picked.length === 0 ? S.pickedNone : S.picked(picked.join(', ')),
          '.',
          onlyTicked.length === 0 ? '' : ` ${S.tickedNotPicked(onlyTicked.join(', '))}`,
        );
      }),
    ),
  );
}
