import type { ConversationView } from '../../../engine/index.ts';
import type { Catalogue, Model } from '../../../scenario/index.ts';
import { type Band, limitSentences, type RunScore } from '../../../scoring/index.ts';
import type { Mode } from '../../run/mode.ts';
import { STRINGS } from '../../strings.ts';
import { bandReasons } from '../bandReasons.ts';
import { h } from '../dom.ts';
import type { Coaching, NextTimeLine } from './coaching.ts';
import { coachList, nextTimeList } from './coachLists.ts';

const S = STRINGS.debrief;
const C = S.coach;

export const bandClass = (band: Band): string => `band-${band.toLowerCase().replace(/\s+/g, '-')}`;

export interface CoachingCardInput {
  readonly view: ConversationView;
  readonly model: Model;
  readonly mode: Mode;
  readonly catalogue: Catalogue;
  readonly score: RunScore;
  readonly coaching: Coaching;
  /** Where a fork's "Try again from here" goes once saved progress can branch the attempt. */
  readonly retrySlot: (line: NextTimeLine) => HTMLElement;
  /** Where notes about the attempt go (a retry of an earlier attempt). */
  readonly noteSlot: HTMLElement;
  /** Where the learner's own rating goes (Assessment), once it is known. */
  readonly selfSlot: HTMLElement;
}

/**
 * The one card the debrief opens with: the band and why, what went well,
 * what was missed, the stronger lines at the forks that cost most, and (in
 * Assessment) the learner's own rating against the marks.
 */
export function coachingCard(input: CoachingCardInput): HTMLElement {
  const { view, model, mode, catalogue, score, coaching } = input;
  const { band, percent, marks, max } = score.score;
  const outcome = view.ending === null ? S.unfinished : STRINGS.outcome(view.ending.outcome);
  const lowered = limitSentences(score, view.scenario, model, catalogue).lowered.length > 0;
  return h(
    'section',
    { class: 'coach-card', 'aria-labelledby': 'debrief-heading', 'data-testid': 'coaching' },
    h(
      'header',
      { class: 'result' },
      h(
        'div',
        { class: 'result-head' },
        h('h1', { id: 'debrief-heading', tabindex: -1 }, `${S.heading}: ${view.scenario.title}`),
        h(
          'p',
          { class: 'result-meta' },
          `${model.name} (${model.summary}) · ${STRINGS.mode[mode]} · ${S.outcome}: ${outcome}`,
        ),
        input.noteSlot,
      ),
      h(
        'div',
        { class: 'result-body' },
        h(
          'div',
          { class: `score-card ${bandClass(band)}`, 'data-testid': 'score-card' },
          h('p', { class: 'percent', 'data-testid': 'percent' }, S.percent(percent)),
          h('p', { class: 'band', 'data-testid': 'band' }, STRINGS.band(band)),
          h('p', { class: 'marks' }, S.marks(marks, max)),
        ),
        // The reason sits beside the band, so it is read with the band.
        h(
          'div',
          { class: 'result-side' },
          lowered
            ? null
            : h('p', { class: 'band-plain', 'data-testid': 'band-plain' }, C.percentBand(percent, band)),
          bandReasons(score, view.scenario, model, catalogue),
        ),
      ),
    ),
    h(
      'div',
      { class: 'coach-grid' },
      section('went-well', C.wentWellHeading, coachList('went-well', coaching.wentWell)),
      section('missed', C.missedHeading, coachList('missed', coaching.missed)),
    ),
    section(
      'next-time',
      C.nextTimeHeading,
      nextTimeList(coaching.nextTime, input.retrySlot),
      coaching.exhaustive ? null : h('p', { class: 'note' }, C.notExhaustive),
    ),
    input.selfSlot,
  );
}

function section(name: string, heading: string, ...content: (HTMLElement | null)[]): HTMLElement {
  return h(
    'section',
    { class: `coach-section coach-${name}`, 'aria-labelledby': `${name}-heading`, 'data-testid': name },
    h('h2', { id: `${name}-heading` }, heading),
    content,
  );
}
