import type { ConversationView } from '../../engine/index.ts';
import type { Catalogue, Model, Scenario } from '../../scenario/index.ts';
import { scoreRun } from '../../scoring/index.ts';
import { type PresenterLog, playedTurns, replyLetter } from '../../tutor/index.ts';
import { STRINGS } from '../strings.ts';
import { bandReasons } from '../ui/bandReasons.ts';
import { h } from '../ui/dom.ts';
import { votesLine } from './presenterDom.ts';
import { TUTOR_STRINGS } from './strings.ts';

const S = TUTOR_STRINGS.presenter;

export interface ClassDebriefInput {
  readonly scenario: Scenario;
  readonly model: Model;
  readonly catalogue: Catalogue;
  readonly view: ConversationView;
  readonly log: PresenterLog;
  readonly onAgain: () => void;
  readonly onMap: () => void;
}

/** The class debrief: the class's result and why, the path it voted (hands per turn), steps, and votes undone. */
export function classDebrief({
  scenario,
  model,
  catalogue,
  view,
  log,
  onAgain,
  onMap,
}: ClassDebriefInput): readonly (HTMLElement | null)[] {
  const score = scoreRun(scenario, view.run, model, catalogue);
  const rows = playedTurns(log).map((turn, i) => {
    const node = scenario.nodes.get(turn.node);
    const chosenIndex = turn.chosen === null ? -1 : turn.offered.indexOf(turn.chosen);
    const chosen = turn.chosen === null ? undefined : scenario.choices.get(turn.chosen);
    return h(
      'tr',
      { 'data-turn': i + 1 },
      h('th', { scope: 'row' }, String(i + 1)),
      h('td', {}, node?.customer.join(' ') ?? turn.node),
      h('td', { 'data-testid': 'debrief-votes', class: 'votes-cell' }, votesLine(turn.offered, turn.votes)),
      h(
        'td',
        {},
        h('strong', {}, replyLetter(chosenIndex)),
        `: ${chosen?.say ?? ''}`,
        turn.decidedBy === 'tutor' ? ` (${S.decidedByTutor})` : '',
      ),
    );
  });
  const again = h('button', { type: 'button', class: 'button primary' }, S.again);
  again.addEventListener('click', onAgain);
  const map = h('button', { type: 'button', class: 'button secondary' }, S.map);
  map.addEventListener('click', onMap);
  return [
    h('h2', { tabindex: -1, 'data-autofocus': '' }, S.debriefHeading),
    h('p', {}, S.debriefIntro),
    h(
      'p',
      { class: 'presenter-result', 'data-testid': 'presenter-result' },
      h('strong', {}, `${score.score.percent}% · ${score.score.band}`),
      ` · ${STRINGS.debrief.marks(score.score.marks, score.score.max)}`,
      view.ending === null ? '' : ` · ${STRINGS.debrief.outcome}: ${STRINGS.outcome(view.ending.outcome)}`,
    ),
    bandReasons(score, scenario, model, catalogue),
    h(
      'table',
      { class: 'presenter-table', 'data-testid': 'class-path' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, S.turnColumn),
          h('th', { scope: 'col' }, S.customerColumn),
          h('th', { scope: 'col' }, S.votesColumn),
          h('th', { scope: 'col' }, S.choiceColumn),
        ),
      ),
      h('tbody', {}, rows),
    ),
    h(
      'ul',
      { class: 'presenter-steps' },
      score.steps.map((step) =>
        h(
          'li',
          {},
          `${step.name}: ${step.marks}/${step.max} · ${STRINGS.debrief.stepStatus(step.performed, step.inOrder)}`,
        ),
      ),
    ),
    log.superseded.length === 0
      ? null
      : h(
          'section',
          {},
          h('h3', {}, S.supersededHeading),
          h(
            'ul',
            { 'data-testid': 'superseded' },
            log.superseded.map((t) =>
              h(
                'li',
                {},
                `${S.supersededRow(t.at + 1, replyLetter(t.chosen === null ? -1 : t.offered.indexOf(t.chosen)))} (${votesLine(t.offered, t.votes)})`,
              ),
            ),
          ),
        ),
    h('div', { class: 'presenter-actions' }, again, map),
  ];
}
