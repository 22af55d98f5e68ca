import type { Calibration } from '../../../progress/index.ts';
import { PROGRESS_STRINGS } from '../../history/strings.ts';
import { h } from '../dom.ts';

const S = PROGRESS_STRINGS.self;

/**
 * The learner's own rating against the marks (Assessment): the band they
 * predicted, then each step as they rated it and as the marks have it.
 * `full` adds the summary and the over/under note (the debrief); the
 * evidence record prints the prediction and the table.
 */
export function selfRating(c: Calibration, full: boolean): HTMLElement[] {
  const nodes: (HTMLElement | null)[] = [
    h('p', { class: 'self-predicted' }, S.predicted(c.predictedBand, c.actualBand)),
    full ? h('p', {}, S.summary(c.matched, c.rated)) : null,
    h(
      'table',
      { class: full ? 'table self-table' : 'evidence-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, S.colStep),
          h('th', { scope: 'col' }, S.colYou),
          h('th', { scope: 'col' }, S.colMarks),
        ),
      ),
      h(
        'tbody',
        {},
        c.steps.map((step) =>
          h(
            'tr',
            { class: step.gap === 0 ? 'match' : 'mismatch' },
            h('th', { scope: 'row' }, step.name),
            h('td', {}, step.self === null ? '–' : PROGRESS_STRINGS.rating(step.self)),
            h('td', {}, `${PROGRESS_STRINGS.rating(step.actual)} (${step.marks} / ${step.max})`),
          ),
        ),
      ),
    ),
    full && c.bias !== null && c.bias > 0 ? h('p', {}, S.over) : null,
    full && c.bias !== null && c.bias < 0 ? h('p', {}, S.under) : null,
  ];
  return nodes.filter((node): node is HTMLElement => node !== null);
}
