import type { ConversationView } from '../../engine/index.ts';
import type { Calibration, ForkReview, Reflection, ReplyReview } from '../../progress/index.ts';
import type { Catalogue, Model } from '../../scenario/index.ts';
import { bandFor, type RunScore } from '../../scoring/index.ts';
import { PROGRESS_STRINGS } from '../history/strings.ts';
import type { Mode } from '../run/mode.ts';
import { STRINGS } from '../strings.ts';
import { customerTurnOf, transcriptTurn } from './customerTurn.ts';
import { coachingFor } from './debrief/coaching.ts';
import { bandClass, coachingCard } from './debrief/coachingCard.ts';
import { fold } from './debrief/fold.ts';
import { reflectionForm } from './debrief/reflectionForm.ts';
import { selfRating } from './debrief/selfRating.ts';
import { h } from './dom.ts';
import { glyph } from './glyph.ts';

const S = STRINGS.debrief;
const F = PROGRESS_STRINGS.forks;

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
  /** The best reply at each fork of the run (progress' reviewReplies); null when the search failed. */
  readonly review: ReplyReview | null;
  /**
   * Folded sections other features draw from the run's data (say it your way's "What you wrote",
   * rehearse aloud's ticks), placed last in the details; the view never looks for them, nor they for it.
   */
  readonly details?: readonly HTMLElement[];
  readonly onReplay: (modelId: string) => void;
  readonly onMenu: () => void;
}

/**
 * What saved progress adds once the attempt is stored: data and callbacks
 * only. The view draws every part itself, in its own places (no other module
 * looks into its markup): "Try again from here" at each fork, the note that
 * this is a retry, the learner's own rating, the reflection form, and the
 * evidence record and History buttons in the top bar.
 */
export interface DebriefProgress {
  /** Starts the role-play again at reply `position` (0-based) of this attempt. */
  readonly onTryAgain: (position: number) => void;
  /** Assessment: the learner's rating against the marks. */
  readonly selfRating: Calibration | null;
  /** This attempt retries an earlier one from this reply (1-based). */
  readonly branchOf: number | null;
  /** The reflection saved before (null when none yet), and how to save it. */
  readonly reflection: Reflection | null;
  readonly onSaveReflection: (reflection: Reflection) => Promise<void>;
  /** Opens the evidence record of this attempt. */
  readonly onEvidence: () => void;
  /** Opens the History screen. */
  readonly onHistory: () => void;
}

/**
 * The debrief as DOM: one coaching card (band and why, went well, missed,
 * next time, own rating), the actions, then the details folded (steps,
 * faults, marking points, customer outcome, models side by side, transcript),
 * then the reflection.
 */
export class DebriefView {
  /** Where each fork's "Try again from here" goes, by the reply's position: filled by `showProgress`. */
  private readonly retrySlots: { readonly position: number; readonly slot: HTMLElement }[] = [];
  private readonly noteSlot = h('div', { class: 'result-notes' });
  private readonly selfSlot = h('div', { class: 'self-slot' });
  private readonly reflectionSlot = h('div', { class: 'reflection-slot' });
  private readonly topbar: HTMLElement;

  constructor(
    regions: { readonly topbar: HTMLElement; readonly panel: HTMLElement },
    private readonly props: DebriefViewProps,
  ) {
    this.topbar = regions.topbar;
    const menu = h(
      'button',
      { type: 'button', class: 'button ghost', 'data-testid': 'debrief-menu' },
      glyph('←'),
      S.menu,
    );
    menu.addEventListener('click', () => this.props.onMenu());
    regions.topbar.append(menu, h('p', { class: 'topbar-title' }, S.heading));
    const { view, model, mode, catalogue, score, review } = props;
    const coaching = coachingFor(score, view.scenario, model, catalogue, review);
    regions.panel.append(
      h(
        'article',
        { class: 'debrief', 'aria-labelledby': 'debrief-heading' },
        coachingCard({
          view,
          model,
          mode,
          catalogue,
          score,
          coaching,
          retrySlot: (line) => this.retrySlot(line.position),
          noteSlot: this.noteSlot,
          selfSlot: this.selfSlot,
        }),
        this.actions(),
        h(
          'section',
          { class: 'debrief-details', 'aria-labelledby': 'details-heading' },
          h('h2', { id: 'details-heading' }, S.coach.detailsHeading),
          h('p', { class: 'details-intro' }, S.coach.detailsIntro),
          this.steps(),
          this.faults(),
          this.marking(),
          this.kpis(),
          this.models(),
          this.transcript(),
          ...(props.details ?? []),
        ),
        this.reflectionSlot,
      ),
    );
  }

  /** Saved progress is ready: offer "Try again from here", the learner's own rating, the reflection and the records. */
  showProgress(progress: DebriefProgress): void {
    for (const { position, slot } of this.retrySlots) {
      const retry = h(
        'button',
        {
          type: 'button',
          class: 'button ghost try-again',
          'data-position': position,
          'aria-label': F.tryAgainLabel(position + 1),
        },
        glyph('↺'),
        F.tryAgain,
      );
      retry.addEventListener('click', () => progress.onTryAgain(position));
      slot.replaceChildren(retry);
    }
    if (progress.branchOf !== null)
      this.noteSlot.replaceChildren(h('p', { class: 'note' }, F.branchOf(progress.branchOf)));
    if (progress.selfRating !== null)
      this.selfSlot.replaceChildren(
        h(
          'section',
          {
            class: 'coach-section coach-self',
            'aria-labelledby': 'compare-heading',
            'data-testid': 'self-comparison',
          },
          h('h2', { id: 'compare-heading' }, S.coach.selfHeading),
          selfRating(progress.selfRating, true),
        ),
      );
    this.reflectionSlot.replaceChildren(reflectionForm(progress.reflection, progress.onSaveReflection));
    const evidence = h(
      'button',
      { type: 'button', class: 'button secondary', 'data-testid': 'open-evidence' },
      PROGRESS_STRINGS.evidence.open,
    );
    evidence.addEventListener('click', () => progress.onEvidence());
    const history = h(
      'button',
      { type: 'button', class: 'button ghost', 'data-testid': 'open-history' },
      PROGRESS_STRINGS.history.open,
    );
    history.addEventListener('click', () => progress.onHistory());
    this.topbar.append(evidence, history);
  }

  private retrySlot(position: number): HTMLElement {
    const slot = h('div', { class: 'retry-slot' });
    this.retrySlots.push({ position, slot });
    return slot;
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

  private kpis(): HTMLElement {
    const { kpis, mood } = this.props.score;
    const kpi = (label: string, value: string, extra = ''): HTMLElement =>
      h('div', { class: `kpi ${extra}` }, h('dt', {}, label), h('dd', {}, value));
    return fold(
      'kpis',
      S.kpiHeading,
      h(
        'dl',
        { class: 'kpis' },
        kpi(S.csat, S.csatValue(kpis.csat)),
        kpi(S.nps, S.npsValue(kpis.npsScore, STRINGS.nps(kpis.nps))),
        kpi(S.fcr, kpis.fcr ? S.yes : S.no, kpis.fcr ? 'yes' : 'no'),
        kpi(S.moodChange, S.moodValue(mood.start, mood.end)),
      ),
    );
  }

  private steps(): HTMLElement {
    const { score, explanations } = this.props;
    return fold(
      'steps',
      S.stepsHeading,
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
            h('h4', {}, S.explanationsHeading),
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
    return fold(
      'faults',
      S.faultsHeading,
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
    return fold(
      'marking',
      S.markingHeading,
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
    return fold(
      'models',
      S.modelsHeading,
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
    const turns: HTMLElement[] = [];
    view.path.forEach((nodeId, i) => {
      const node = view.scenario.nodes.get(nodeId);
      if (node !== undefined) turns.push(transcriptTurn(customerTurnOf(view.scenario, node)));
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
          this.forkReview(this.props.review?.forks[i]),
        ),
      );
    });
    return fold(
      'transcript',
      S.transcriptHeading,
      h('ol', { class: 'history transcript', role: 'list' }, turns),
    );
  }

  /** Under a reply of the transcript: the stronger reply there, or that the learner's was as good as any. */
  private forkReview(fork: ForkReview | undefined): HTMLElement | null {
    if (fork === undefined || !fork.fork) return null;
    const better = !fork.chosenIsBest && fork.best !== null;
    const reach = (id: string | undefined) => fork.offered.find((o) => o.choice.id === id)?.best ?? null;
    const best = reach(fork.best?.id);
    const chosen = reach(fork.chosen.id);
    return h(
      'div',
      { class: `fork-review ${better ? 'better' : 'best'}`, 'data-testid': 'fork-review' },
      !better || fork.best === null
        ? h('p', {}, fork.chosenHasFault ? F.noBetter : `✓ ${F.yourReply}`)
        : h(
            'div',
            {},
            h('p', { class: 'better-label' }, F.better),
            h('blockquote', { class: 'best-reply' }, h('p', {}, `“${fork.best.say}”`)),
            h(
              'p',
              { class: 'reach' },
              best === null ? '' : S.coach.couldReach(best.band, best.percent),
              ' ',
              chosen === null ? S.coach.yoursStuck : S.coach.yoursReached(chosen.band, chosen.percent),
            ),
          ),
      this.retrySlot(fork.position),
    );
  }

  focus(): void {
    document.getElementById('debrief-heading')?.focus({ preventScroll: true });
  }
}
