import { forwardChoice, type PresenterLog, replyLetter } from '../../tutor/index.ts';
import { STRINGS } from '../strings.ts';
import { customerTurnOf, moodWord, projectedTurn } from '../ui/customerTurn.ts';
import { h } from '../ui/dom.ts';
import { classDebrief } from './presenterDebrief.ts';
import { bigButton, votesLine } from './presenterDom.ts';
import { presenterReplies, type TurnShown } from './presenterReplies.ts';
import { TUTOR_STRINGS } from './strings.ts';

const S = TUTOR_STRINGS.presenter;

/** The tutor paces each turn: the customer's line, then the replies (and the vote), then what the reply did. */
export type Reveal = 'line' | 'replies' | 'consequence' | 'debrief';

/** Everything one presenter screen shows; the scene owns it, the view only draws it. */
export interface PresenterFrame extends TurnShown {
  readonly reveal: Reveal;
  readonly notice: string | null;
}

/** What the tutor's clicks ask for; the scene decides what each does. */
export interface PresenterActions {
  readonly back: () => void;
  readonly forward: () => void;
  readonly toggleMarks: () => void;
  readonly openMap: () => void;
  readonly menu: () => void;
  readonly showReplies: () => void;
  readonly finish: () => void;
  readonly vote: (choiceId: string, by: number) => void;
  readonly setVotes: (votes: readonly number[]) => void;
  readonly play: (choiceId: string, by: 'votes' | 'tutor') => void;
  readonly next: () => void;
  readonly again: () => void;
}

export interface PresenterRegions {
  readonly topbar: HTMLElement;
  readonly hud: HTMLElement;
  readonly panel: HTMLElement;
}

/**
 * Presenter mode as DOM: the top bar (back, forward, marks, map, menu), the
 * mood card, and one step of a turn in the panel: the customer's line, the
 * replies with the class's vote, what the chosen reply did, or the class
 * debrief. It draws a frame and reports clicks; it holds no state but the
 * vote boxes of the turn on screen.
 */
export class PresenterView {
  private showVotes: (log: PresenterLog) => void = () => undefined;

  constructor(
    private readonly regions: PresenterRegions,
    private readonly actions: PresenterActions,
  ) {}

  render(frame: PresenterFrame): void {
    const { view, scenario, reveal } = frame;
    this.showVotes = () => undefined;
    this.renderTopbar(frame);
    this.regions.hud.replaceChildren(
      h(
        'div',
        { class: 'presenter-mood', 'data-testid': 'presenter-mood' },
        h('span', {}, scenario.customer.name),
        h('span', {}, `${moodWord(view.mood)} · ${S.mood(view.mood)}`),
      ),
    );
    const article = h(
      'article',
      {
        class: 'presenter',
        'data-reveal': reveal,
        // The layout of the replies changes with the marks (presenter.css): side by side, to fit one screen.
        'data-marks': String(frame.marks),
        'data-testid': 'presenter',
      },
      frame.notice === null ? null : h('p', { class: 'presenter-notice', role: 'status' }, frame.notice),
      this.step(frame),
    );
    const { panel } = this.regions;
    panel.replaceChildren(article);
    panel.scrollTop = 0;
    const focus = article.querySelector<HTMLElement>('[data-autofocus]') ?? article.querySelector('h2');
    focus?.focus({ preventScroll: true });
  }

  /** The step of the turn on screen: the class debrief, what the reply did, or the line (and its replies, or the end). */
  private step(frame: PresenterFrame): readonly (HTMLElement | null)[] {
    const { view, reveal } = frame;
    if (reveal === 'debrief') return this.debrief(frame);
    if (reveal === 'consequence') return this.consequence(frame);
    if (view.ending !== null)
      return [
        ...this.line(frame),
        h('p', { class: 'presenter-ended' }, S.ended(STRINGS.outcome(view.ending.outcome))),
        bigButton(S.finish, 'finish', this.actions.finish),
      ];
    if (reveal === 'line')
      return [
        ...this.line(frame),
        bigButton(S.showReplies, 'show-replies', this.actions.showReplies),
        h('p', { class: 'presenter-hint' }, S.showRepliesHint),
      ];
    return [...this.line(frame), ...this.replies(frame)];
  }

  /** A vote changed: redraw the boxes, bars, tally and Play of the turn on screen, keeping focus where it is. */
  votes(log: PresenterLog): void {
    this.showVotes(log);
  }

  private renderTopbar({ scenario, model, view, log, reveal, marks }: PresenterFrame): void {
    const button = (label: string, testid: string | undefined, onClick: () => void, disabled = false) => {
      const el = h('button', { type: 'button', class: 'button ghost', 'data-testid': testid }, label);
      el.disabled = disabled;
      el.addEventListener('click', onClick);
      return el;
    };
    const marksButton = button(marks ? S.hideMarks : S.showMarks, 'show-marks', this.actions.toggleMarks);
    marksButton.setAttribute('aria-pressed', String(marks));
    const mapButton = button(S.map, 'presenter-map', this.actions.openMap);
    mapButton.title = S.mapLabel;
    this.regions.topbar.replaceChildren(
      h(
        'div',
        { class: 'presenter-title' },
        h('span', { class: 'presenter-badge' }, S.badge(model.id)),
        h('span', { class: 'presenter-scenario' }, scenario.title),
      ),
      h(
        'nav',
        { class: 'presenter-nav', 'aria-label': S.badge(model.id) },
        button(S.back, 'presenter-back', this.actions.back, log.at === 0 || reveal === 'debrief'),
        button(
          S.forward,
          'presenter-forward',
          this.actions.forward,
          forwardChoice(log) === null || reveal === 'debrief' || view.ending !== null,
        ),
        marksButton,
        mapButton,
        button(S.menu, undefined, this.actions.menu),
      ),
    );
  }

  private line({ view, log }: PresenterFrame): readonly HTMLElement[] {
    return [
      h('h2', { tabindex: -1, class: 'presenter-turn' }, `${S.turn(log.at + 1)} · ${S.stepLine}`),
      ...projectedTurn(customerTurnOf(view.scenario, view.node)),
    ];
  }

  private replies(frame: PresenterFrame): readonly HTMLElement[] {
    const { parts, showVotes } = presenterReplies({
      ...frame,
      onVote: this.actions.vote,
      onSetVotes: this.actions.setVotes,
      onPlay: this.actions.play,
    });
    this.showVotes = showVotes;
    return parts;
  }

  private consequence({ view, log, catalogue }: PresenterFrame): readonly (HTMLElement | null)[] {
    const last = view.transcript.at(-1);
    const turn = log.turns[log.at - 1];
    if (last === undefined || turn === undefined) return [];
    const letter = replyLetter(turn.offered.indexOf(last.choice.id));
    const faults = last.choice.acts.filter((a) => catalogue.acts.get(a.act)?.fault === true);
    return [
      h('h2', { tabindex: -1, class: 'presenter-turn' }, `${S.turn(log.at)} · ${S.consequenceHeading}`),
      h('p', { class: 'presenter-chose' }, S.chose(letter)),
      h('blockquote', { class: 'presenter-said' }, h('p', {}, last.choice.say)),
      h('p', { class: 'presenter-votes' }, S.votesLine(votesLine(turn.offered, turn.votes))),
      last.choice.feedback === undefined
        ? null
        : h(
            'div',
            { class: 'presenter-feedback' },
            h('h3', {}, S.feedback),
            h('p', {}, last.choice.feedback),
          ),
      h(
        'p',
        { class: 'presenter-effect' },
        S.moodChange(last.moodAfter - last.moodBefore),
        faults.length === 0
          ? ''
          : ` · ${S.faults}: ${faults.map((f) => catalogue.acts.get(f.act)?.name ?? f.act).join(', ')}`,
      ),
      bigButton(S.next, 'next', this.actions.next),
    ];
  }

  private debrief(frame: PresenterFrame): readonly (HTMLElement | null)[] {
    return classDebrief({ ...frame, onAgain: this.actions.again, onMap: this.actions.openMap });
  }
}
