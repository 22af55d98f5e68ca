import type { Catalogue, Model, Scenario } from '../../scenario/index.ts';
import {
  type Band,
  bandHeadline,
  describeLimit,
  limitReasons,
  limitSentences,
  type RunScore,
} from '../../scoring/index.ts';
import { STRINGS } from '../strings.ts';
import { h } from './dom.ts';

/**
 * Why the band is what it is, for the debrief, the class debrief and the
 * evidence record: the limits that lowered it as one line ("87.5%, but Merit:
 * ‘Have you got the receipt?’ put procedure before the customer."), then, more
 * quietly, those that hold without lowering it. The words come from scoring
 * (bandHeadline, limitSentences), so the screen says what `sim play` says.
 * Null when no limit holds: the percent alone gave the band.
 */
export function bandReasons(
  score: RunScore,
  scenario: Scenario,
  model: Model,
  catalogue: Catalogue,
): HTMLElement | null {
  const { lowered, held } = limitSentences(score, scenario, model, catalogue);
  if (lowered.length === 0 && held.length === 0) return null;
  return h(
    'div',
    {
      class: 'band-why',
      'data-testid': 'band-why',
      'data-band': score.score.band.toLowerCase().replace(/\s+/g, '-'),
    },
    lowered.length === 0
      ? null
      : h(
          'p',
          { class: 'band-headline', 'data-testid': 'band-headline' },
          bandHeadline(score, scenario, model, catalogue),
        ),
    held.length === 0
      ? null
      : // One line per limit: run together, four of them read as one wall of text.
        h(
          'div',
          { class: 'band-also', 'data-testid': 'band-also' },
          h('p', { class: 'band-also-label' }, STRINGS.debrief.alsoHeld),
          h(
            'ul',
            { role: 'list' },
            held.map((sentence) => h('li', {}, sentence)),
          ),
        ),
  );
}

/**
 * What one reply's own faults do to the band, for presenter mode's marks:
 * the strictest fault limit naming this reply, narrowed to it ("‘Have you got
 * the receipt?’ put procedure before the customer.", at most Merit). Limits
 * that only mean "not done yet" (a step, an essential point, the ending) are
 * left out: mid-conversation they say nothing about this reply.
 */
export function replyLimit(
  score: RunScore,
  choiceId: string,
  scenario: Scenario,
  model: Model,
  catalogue: Catalogue,
): { readonly atMost: Band; readonly sentence: string } | null {
  const reasons = limitReasons(score, catalogue).filter(
    (reason) =>
      (reason.limit === 'fault' || reason.limit === 'critical-fault') && reason.choices.includes(choiceId),
  );
  const strictest = reasons.find((reason) => reason.limit === 'critical-fault') ?? reasons[0];
  if (strictest === undefined) return null;
  const own = { ...strictest, choices: [choiceId] };
  return { atMost: own.atMost, sentence: describeLimit(own, score, scenario, model, catalogue) };
}
