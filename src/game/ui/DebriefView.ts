import type { ConversationView } from '../../engine/index.ts';
import type { Catalogue, Model } from '../../scenario/index.ts';
import { type Band, bandFor, type RunScore } from '../../scoring/index.ts';
import type { Mode } from '../session/mode.ts';
import { STRINGS } from '../strings.ts';
import { bandReasons } from './bandReasons.ts';
import { h } from './dom.ts';
import { glyph } from './glyph.ts';

const S = STRINGS.debrief;

export interface DebriefViewProps {
  readonly view: ConversationView;
  readonly model: Model;
  readonly mode: Mode;
  readonly catalogue: Catalogue;
  readonly score: RunScore;
  /** The same run under every model, in catalogue order. */
  readonly allScores: readonly RunScore[];
  /** Plain-English lines about the steps (scoring's explainSteps). */
  readonly explanations: readonly string[];
  readonly onReplay: (modelId: string) => void;
  readonly onMenu: () => void;
}

const bandClass = (band: Band): string => `band-${band.toLowerCase().replace(/\s+/g, '-')}`;

/** The debrief as DOM: result, steps, faults, marking points, KPIs, models side by side, transcript. */
export class DebriefView {
  constructor(
    regions: { readonly topbar: HTMLElement; readonly panel: HTMLElement },
    private readonly props: DebriefViewProps,
  ) {
    const menu = h('button', { type: 'button', class: 'button ghost' }, glyph('←'), S.menu);
    menu.addEventListener('click', () => this.props.onMenu());
    regions.topbar.append(menu, h('p', { class: 'topbar-title' }, S.heading));
    regions.panel.append(
      h(
        'article',
        { class: 'debrief', 'aria-labelledby': 'debrief-heading' },
        this.result(),
        this.actions(),
        this.steps(),
        this.faults(),
        this.marking(),
        this.models(),
        this.transcript(),
      ),
    );
  }

  private actions(): HTMLElement {
    const { model, catalogue } = this.props;
    const replay = h('button', { type: 'button', class: 'button primary' }, glyph('↻'), S.replay);
    replay.addEventListener('click', () => this.props.onReplay(model.id));
    const others = [...catalogue.models.values()].filter((m) => m.id !== model.id);
    const select = h(
      'select',
      { id: 'other-model', class: 'select' },
      others.map((m) => h('option', { value: m.id }, `${m.name}: ${m.summary}`)),
    );
    const tryButton = h('button', { type: 'button', class: 'button secondary' });
    const label = (): void => {
      const chosen = catalogue.models.get(select.value);
      tryButton.textContent = S.tryModelButton(chosen?.name ?? select.value);
    };
    label();
    select.addEventListener('change', label);
    tryButton.addEventListener('click', () => this.props.onReplay(select.value));
    return h(
      'nav',
      { class: 'debrief-actions', 'aria-label': S.actionsLabel },
      replay,
      others.length === 0
        ? null
        : h(
            'div',
            { class: 'try-model' },
            h('label', { for: 'other-model', class: 'visually-hidden' }, S.tryModel),
            select,
            tryButton,
          ),
    );
  }

  private result(): HTMLElement {
    const { view, model, mode, score, catalogue } = this.props;
    const { band, percent, marks, max } = score.score;
    const { kpis, mood } = score;
    const outcome = view.ending === null ? S.unfinished : STRINGS.outcome(view.ending.outcome);
    const kpi = (label: string, value: string, extra = ''): HTMLElement =>
      h('div', { class: `kpi ${extra}` }, h('dt', {}, label), h('dd', {}, value));
    return h(
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
        // The reason sits beside the band, above the customer measures, so it is read with the band.
        h(
          'div',
          { class: 'result-side' },
          bandReasons(score, view.scenario, model, catalogue),
          h(
            'dl',
            { class: 'kpis' },
            kpi(S.csat, S.csatValue(kpis.csat)),
            kpi(S.nps, S.npsValue(kpis.npsScore, STRINGS.nps(kpis.nps))),
            kpi(S.fcr, kpis.fcr ? S.yes : S.no, kpis.fcr ? 'yes' : 'no'),
            kpi(S.moodChange, S.moodValue(mood.start, mood.end)),
          ),
        ),
      ),
    );
  }

  private steps(): HTMLElement {
    const { score, explanations } = this.props;
    return h(
      'section',
      { class: 'block', 'aria-labelledby': 'steps-heading' },
      h('h2', { id: 'steps-heading' }, S.stepsHeading),
      h(
        'table',
        { class: 'table steps-table' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, S.stepColumn),
            h('th', { scope: 'col' }, S.marksColumn),
            h('th', { scope: 'col' }, S.statusColumn),
          ),
        ),
        h(
          'tbody',
          {},
          score.steps.map((step) =>
            h(
              'tr',
              { 'data-step': step.id },
              h('th', { scope: 'row' }, step.name),
              h('td', { class: 'num', 'data-testid': `marks-${step.id}` }, `${step.marks} / ${step.max}`),
              h(
                'td',
                { class: step.performed === 0 ? 'missed' : step.inOrder ? 'ok' : 'slip' },
                S.stepStatus(step.performed, step.inOrder),
              ),
            ),
          ),
        ),
      ),
      explanations.length === 0
        ? null
        : h(
            'div',
            { class: 'explanations' },
            h('h3', {}, S.explanationsHeading),
            h(
              'ul',
              { role: 'list' },
              explanations.map((line) => h('li', {}, line)),
            ),
          ),
    );
  }

  private faults(): HTMLElement {
    const { score, catalogue, view } = this.props;
    return h(
      'section',
      { class: 'block', 'aria-labelledby': 'faults-heading' },
      h('h2', { id: 'faults-heading' }, S.faultsHeading),
      score.faults.length === 0
        ? h('p', { class: 'all-clear' }, this.bandLowered() ? S.noFaultsPlain : S.noFaults)
        : h(
            'ul',
            { class: 'faults', role: 'list' },
            score.faults.map((fault) => {
              const act = catalogue.acts.get(fault.act);
              const reply = view.scenario.choices.get(fault.choice);
              return h(
                'li',
                { class: act?.critical === true ? 'fault critical' : 'fault' },
                h(
                  'p',
                  { class: 'fault-head' },
                  h('strong', {}, act?.name ?? fault.act),
                  ' ',
                  h('span', { class: 'penalty' }, S.faultPenalty(fault.penalty)),
                ),
                act === undefined ? null : h('p', { class: 'fault-meaning' }, act.meaning),
                reply === undefined
                  ? null
                  : h('blockquote', { class: 'fault-reply' }, h('p', {}, `${S.faultReply}: “${reply.say}”`)),
                act?.critical === true ? h('p', { class: 'critical-note' }, S.faultCritical) : null,
              );
            }),
          ),
    );
  }

  /** True when a limit held the band below what the percent alone gives. */
  private bandLowered(): boolean {
    const { score } = this.props;
    return score.score.band !== bandFor(score.score.percent, 0);
  }

  private marking(): HTMLElement {
    const { score } = this.props;
    return h(
      'section',
      { class: 'block', 'aria-labelledby': 'marking-heading' },
      h('h2', { id: 'marking-heading' }, S.markingHeading),
      score.marking.length === 0
        ? h('p', {}, S.noMarking)
        : h(
            'ul',
            { class: 'marking', role: 'list' },
            score.marking.map((point) =>
              h(
                'li',
                { class: point.met ? 'met' : 'missed' },
                h('span', { class: 'mark-icon', 'aria-hidden': 'true' }, point.met ? '✓' : '✗'),
                h('span', { class: 'visually-hidden' }, `${point.met ? S.met : S.missed}: `),
                point.text,
              ),
            ),
          ),
    );
  }

  private models(): HTMLElement {
    const { allScores, catalogue, model } = this.props;
    return h(
      'section',
      { class: 'block', 'aria-labelledby': 'models-heading' },
      h('h2', { id: 'models-heading' }, S.modelsHeading),
      h(
        'table',
        { class: 'table models-table' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, S.modelColumn),
            h('th', { scope: 'col' }, S.stepsColumn),
            h('th', { scope: 'col' }, S.percentColumn),
            h('th', { scope: 'col' }, S.bandColumn),
          ),
        ),
        h(
          'tbody',
          {},
          allScores.map((s) => {
            const m = catalogue.models.get(s.model);
            const current = s.model === model.id;
            return h(
              'tr',
              { class: current ? 'current' : null, 'data-model': s.model },
              h(
                'th',
                { scope: 'row' },
                m?.name ?? s.model,
                current ? h('span', { class: 'this-run' }, ` ${S.thisModel}`) : null,
              ),
              h(
                'td',
                {},
                h(
                  'ul',
                  { class: 'step-marks', role: 'list' },
                  s.steps.map((step) => h('li', {}, `${step.name} ${step.marks}/${step.max}`)),
                ),
              ),
              h('td', { class: 'num' }, S.percent(s.score.percent)),
              h(
                'td',
                {},
                h('span', { class: `band-pill ${bandClass(s.score.band)}` }, STRINGS.band(s.score.band)),
              ),
            );
          }),
        ),
      ),
    );
  }

  private transcript(): HTMLElement {
    const { view, catalogue } = this.props;
    const name = view.scenario.customer.name;
    const turns: HTMLElement[] = [];
    view.path.forEach((nodeId, i) => {
      const node = view.scenario.nodes.get(nodeId);
      if (node !== undefined)
        turns.push(
          h(
            'li',
            { class: 'turn customer' },
            node.note === undefined ? null : h('p', { class: 'note' }, node.note),
            h('p', { class: 'speaker' }, name),
            node.customer.map((line) => h('p', { class: 'line' }, line)),
          ),
        );
      const entry = view.transcript[i];
      if (entry === undefined) return;
      const delta = entry.moodAfter - entry.moodBefore;
      turns.push(
        h(
          'li',
          { class: 'turn you annotated' },
          h('p', { class: 'speaker' }, `${STRINGS.roleplay.you} (${i + 1})`),
          h('p', { class: 'line' }, entry.choice.say),
          h(
            'div',
            { class: 'annotations' },
            h('span', { class: 'visually-hidden' }, `${S.acts}: `),
            entry.choice.acts.length === 0
              ? h('span', { class: 'act none' }, S.noActs)
              : entry.choice.acts.map((credit) => {
                  const act = catalogue.acts.get(credit.act);
                  const partial = credit.credit < 1 ? ` ×${credit.credit}` : '';
                  return h(
                    'span',
                    { class: act?.fault === true ? 'act fault' : 'act' },
                    `${act?.name ?? credit.act}${partial}`,
                  );
                }),
            h(
              'span',
              { class: `mood-delta ${delta > 0 ? 'up' : delta < 0 ? 'down' : ''}` },
              S.moodDelta(delta),
            ),
          ),
          entry.choice.feedback === undefined
            ? null
            : h(
                'p',
                { class: `turn-feedback ${delta > 0 ? 'good' : delta < 0 ? 'poor' : 'neutral'}` },
                entry.choice.feedback,
              ),
        ),
      );
    });
    return h(
      'section',
      { class: 'block', 'aria-labelledby': 'transcript-heading' },
      h('h2', { id: 'transcript-heading' }, S.transcriptHeading),
      h('ol', { class: 'history transcript', role: 'list' }, turns),
    );
  }

  focus(): void {
    document.getElementById('debrief-heading')?.focus({ preventScroll: true });
  }
}
