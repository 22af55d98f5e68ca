import * as Phaser from 'phaser';
import {
  type ConversationSession,
  type ConversationView,
  createSession,
  replyOrder,
} from '../../engine/index.ts';
import type { Choice, Model, Scenario } from '../../scenario/index.ts';
import { scoreRun } from '../../scoring/index.ts';
import {
  addVote,
  back,
  decide,
  EMPTY_LOG,
  forward,
  forwardChoice,
  openTurn,
  type PresenterLog,
  playedTurns,
  previewReply,
  replyLetter,
  setVotes,
  tallyVotes,
} from '../../tutor/index.ts';
import type { GameShell } from '../GameShell.ts';
import { SceneKey, Screen } from '../keys.ts';
import { type MapHandle, openMap } from '../map/openMap.ts';
import { tutorFacts } from '../map/tutorFacts.ts';
import { newSeed } from '../run/newSeed.ts';
import { startScene } from '../scenes/LoadingScene.ts';
import { CustomerStage } from '../stage/CustomerStage.ts';
import { STRINGS } from '../strings.ts';
import { bandReasons, replyLimit } from '../ui/bandReasons.ts';
import { customerTurnOf, moodWord, projectedTurn } from '../ui/customerTurn.ts';
import { h } from '../ui/dom.ts';
import { forkColumns } from './forkColumns.ts';
import { type PresenterRequest, TutorSceneKey, TutorScreen } from './keys.ts';
import { TUTOR_STRINGS } from './strings.ts';
import './presenter.css';

const S = TUTOR_STRINGS.presenter;

/** The tutor paces each turn: the customer's line, then the replies (and the vote), then what the reply did. */
type Reveal = 'line' | 'replies' | 'consequence' | 'debrief';

export interface PresenterData extends PresenterRequest {
  /** Start at this node by replaying these replies (the map's "play from here"). */
  readonly jump?: { readonly node: string; readonly route: readonly string[] };
}

/** Switches the page to one of the tutor tools' layouts and lets the canvas fit its new box. */
export function enterScreen(shell: GameShell, screen: TutorScreen): void {
  shell.setScreen(screen === TutorScreen.Presenter ? Screen.Roleplay : Screen.Menu);
  shell.regions.app.dataset.screen = screen;
  shell.game?.scale.refresh();
}

/**
 * Presenter mode for a classroom projector: large type, replies labelled A, B,
 * C, D, a class vote per turn (the most hands is played; a tie asks the
 * tutor), a "show the marks" toggle, back and forward without losing votes,
 * and a class debrief. The session and scoring decide everything; this scene
 * renders and forwards input.
 */
export class PresenterScene extends Phaser.Scene {
  private data0: PresenterData | null = null;
  private session: ConversationSession | null = null;
  private stage: CustomerStage | null = null;
  private log: PresenterLog = EMPTY_LOG;
  private reveal: Reveal = 'line';
  private marks = false;
  private notice: string | null = null;
  private map: MapHandle | null = null;
  /** This presentation's reply-order seed: letters A–D follow it, and back/forward show a turn's order again. */
  private seed = 0;

  constructor(private readonly shell: GameShell) {
    super(TutorSceneKey.Presenter);
  }

  init(data: PresenterData): void {
    this.data0 = data;
  }

  preload(): void {
    const scenario = this.data0 === null ? undefined : this.shell.library.scenario(this.data0.scenarioId);
    if (scenario !== undefined) CustomerStage.preload(this, scenario);
  }

  create(): void {
    const { shell } = this;
    const request = this.data0;
    const scenario = request === null ? undefined : shell.library.scenario(request.scenarioId);
    const model = request === null ? undefined : shell.library.model(request.modelId);
    if (request === null || scenario === undefined || model === undefined) {
      startScene(this, TutorSceneKey.Hub, { unknown: true });
      return;
    }
    enterScreen(shell, TutorScreen.Presenter);
    this.seed = request.seed ?? newSeed();
    const params = new URLSearchParams({ scenario: scenario.id, model: model.id, mode: 'presenter' });
    if (request.seed !== undefined) params.set('seed', String(request.seed));
    window.history.replaceState(null, '', `${window.location.pathname}?${params.toString()}`);
    document.title = `${scenario.title} · ${S.badge(model.id)} · ${STRINGS.appTitle}`;
    this.log = EMPTY_LOG;
    this.reveal = 'line';
    this.marks = false;
    this.notice = null;
    this.stage = new CustomerStage(this, {
      channel: scenario.channel,
      setting: scenario.setting,
      name: scenario.customer.name,
      avatar: scenario.customer.avatar,
      pronouns: scenario.customer.pronouns,
      look: scenario.customer.look,
      mood: scenario.customer.mood,
    });
    this.session = createSession(scenario);
    if (request.jump !== undefined) this.jumpTo(request.jump.node, request.jump.route, false);
    shell.onKey((event) => this.onKey(event, scenario, model));
    this.render(scenario, model);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.map?.close();
      this.map = null;
      this.session?.dispose();
      this.session = null;
    });
  }

  // ---------- actions ----------

  private view(): ConversationView | null {
    return this.session?.view() ?? null;
  }

  /** The replies offered now, in this presentation's order on screen (A, B, C, ...). */
  private shown(view: ConversationView): readonly Choice[] {
    return replyOrder(this.seed, { at: view.transcript.length, node: view.node.id }, view.offered);
  }

  private showReplies(scenario: Scenario, model: Model): void {
    if (this.reveal !== 'line' || this.view()?.ending !== null) return;
    this.reveal = 'replies';
    this.render(scenario, model);
  }

  private play(choiceId: string, by: 'votes' | 'tutor', scenario: Scenario, model: Model): void {
    const view = this.view();
    if (this.reveal !== 'replies' || view === null || !view.offered.some((c) => c.id === choiceId)) return;
    this.log = decide(this.log, choiceId, by);
    this.session?.choose(choiceId);
    this.reveal = 'consequence';
    this.notice = null;
    this.render(scenario, model);
  }

  private next(scenario: Scenario, model: Model): void {
    if (this.reveal !== 'consequence') return;
    this.reveal = 'line';
    this.render(scenario, model);
  }

  private goBack(scenario: Scenario, model: Model): void {
    const session = this.session;
    if (session === null || this.log.at === 0 || this.reveal === 'debrief') return;
    session.undo();
    this.log = back(this.log);
    this.reveal = 'replies';
    this.notice = null;
    this.render(scenario, model);
  }

  private goForward(scenario: Scenario, model: Model): void {
    const choice = forwardChoice(this.log);
    if (choice === null || this.session === null || this.reveal === 'debrief') return;
    this.session.choose(choice);
    this.log = forward(this.log);
    this.reveal = 'consequence';
    this.render(scenario, model);
  }

  /** "Play from here": back to the start, then the route's replies through the real session. */
  private jumpTo(node: string, route: readonly string[], redraw = true): void {
    const session = this.session;
    if (session === null) return;
    while (session.view().canUndo) session.undo();
    while (this.log.at > 0) this.log = back(this.log);
    for (const id of route) {
      const view = session.view();
      this.log = openTurn(
        this.log,
        view.node.id,
        this.shown(view).map((c) => c.id),
      );
      this.log = decide(this.log, id, 'tutor');
      session.choose(id);
    }
    this.reveal = 'line';
    this.notice = S.jumped(node, route.length);
    this.shell.announce(this.notice);
    const scenario = session.view().scenario;
    const model = this.data0 === null ? undefined : this.shell.library.model(this.data0.modelId);
    if (redraw && model !== undefined) this.render(scenario, model);
  }

  private openMap(scenario: Scenario, model: Model): void {
    const view = this.view();
    if (view === null || this.map?.open === true) return;
    this.map = openMap({
      scenario,
      catalogue: this.shell.library.catalogue,
      facts: this.shell.tutorFacts,
      modelId: model.id,
      path: view.path,
      pathChoices: view.transcript.map((t) => t.choice.id),
      current: view.node.id,
      jump: this.reveal === 'debrief' ? 'none' : 'presenter',
      onJump: (node, route) => this.jumpTo(node, route),
    });
  }

  private onKey(event: KeyboardEvent, scenario: Scenario, model: Model): boolean {
    if (this.map?.open === true) return false;
    const target = event.target instanceof HTMLElement ? event.target : null;
    if (target?.closest('input, textarea, select') != null) return false;
    const key = event.key.toLowerCase();
    if (key === 'm') this.openMap(scenario, model);
    else if (key === 'k') this.toggleMarks(scenario, model);
    else if (key === 'r') this.showReplies(scenario, model);
    else if (event.key === 'ArrowLeft') this.goBack(scenario, model);
    else if (event.key === 'ArrowRight') this.goForward(scenario, model);
    else if (this.reveal === 'replies' && /^[a-z]$/.test(key)) {
      const view = this.view();
      const offered = view === null ? [] : this.shown(view);
      const index = key.charCodeAt(0) - 97;
      const choice = offered[index];
      if (choice === undefined) return false;
      this.tally(choice.id, 1);
    } else return false;
    return true;
  }

  private toggleMarks(scenario: Scenario, model: Model): void {
    this.marks = !this.marks;
    this.render(scenario, model);
  }

  // ---------- rendering ----------

  private render(scenario: Scenario, model: Model): void {
    const view = this.view();
    if (view === null) return;
    const { shell } = this;
    this.stage?.setMood(view.mood, view.ending?.outcome);
    this.stage?.showConversation(view);
    const offeredIds = this.shown(view).map((c) => c.id);
    if (view.ending === null && this.reveal !== 'consequence' && this.reveal !== 'debrief')
      this.log = openTurn(this.log, view.node.id, offeredIds);

    this.renderTopbar(scenario, model, view);
    const { panel, hud } = shell.regions;
    hud.replaceChildren(
      h(
        'div',
        { class: 'presenter-mood', 'data-testid': 'presenter-mood' },
        h('span', {}, scenario.customer.name),
        h('span', {}, `${moodWord(view.mood)} · ${S.mood(view.mood)}`),
      ),
    );
    const article = h('article', {
      class: 'presenter',
      'data-reveal': this.reveal,
      // The layout of the replies changes with the marks (presenter.css): side by side, to fit one screen.
      'data-marks': String(this.marks),
      'data-testid': 'presenter',
    });
    if (this.notice !== null)
      put(article, h('p', { class: 'presenter-notice', role: 'status' }, this.notice));
    if (this.reveal === 'debrief') {
      this.renderDebrief(article, scenario, model, view);
    } else if (this.reveal === 'consequence') {
      this.renderConsequence(article, scenario, model, view);
    } else {
      this.renderLine(article, view);
      if (view.ending !== null) {
        put(article, h('p', { class: 'presenter-ended' }, S.ended(STRINGS.outcome(view.ending.outcome))));
        put(
          article,
          this.bigButton(S.finish, 'finish', () => {
            this.reveal = 'debrief';
            this.render(scenario, model);
          }),
        );
      } else if (this.reveal === 'line') {
        put(
          article,
          this.bigButton(S.showReplies, 'show-replies', () => this.showReplies(scenario, model)),
          h('p', { class: 'presenter-hint' }, S.showRepliesHint),
        );
      } else {
        this.renderReplies(article, scenario, model, view);
      }
    }
    panel.replaceChildren(article);
    panel.scrollTop = 0;
    const focus = article.querySelector<HTMLElement>('[data-autofocus]') ?? article.querySelector('h2');
    focus?.focus({ preventScroll: true });
  }

  private renderTopbar(scenario: Scenario, model: Model, view: ConversationView): void {
    const { topbar } = this.shell.regions;
    const backButton = h(
      'button',
      { type: 'button', class: 'button ghost', 'data-testid': 'presenter-back' },
      S.back,
    );
    backButton.disabled = this.log.at === 0 || this.reveal === 'debrief';
    backButton.addEventListener('click', () => this.goBack(scenario, model));
    const forwardButton = h(
      'button',
      { type: 'button', class: 'button ghost', 'data-testid': 'presenter-forward' },
      S.forward,
    );
    forwardButton.disabled =
      forwardChoice(this.log) === null || this.reveal === 'debrief' || view.ending !== null;
    forwardButton.addEventListener('click', () => this.goForward(scenario, model));
    const marks = h(
      'button',
      {
        type: 'button',
        class: 'button ghost',
        'aria-pressed': String(this.marks),
        'data-testid': 'show-marks',
      },
      this.marks ? S.hideMarks : S.showMarks,
    );
    marks.addEventListener('click', () => this.toggleMarks(scenario, model));
    const map = h(
      'button',
      { type: 'button', class: 'button ghost', title: S.mapLabel, 'data-testid': 'presenter-map' },
      S.map,
    );
    map.addEventListener('click', () => this.openMap(scenario, model));
    const menu = h('button', { type: 'button', class: 'button ghost' }, S.menu);
    menu.addEventListener('click', () => this.scene.start(SceneKey.Menu));
    topbar.replaceChildren(
      h(
        'div',
        { class: 'presenter-title' },
        h('span', { class: 'presenter-badge' }, S.badge(model.id)),
        h('span', { class: 'presenter-scenario' }, scenario.title),
      ),
      h(
        'nav',
        { class: 'presenter-nav', 'aria-label': S.badge(model.id) },
        backButton,
        forwardButton,
        marks,
        map,
        menu,
      ),
    );
  }

  private renderLine(article: HTMLElement, view: ConversationView): void {
    const node = view.node;
    put(
      article,
      h('h2', { tabindex: -1, class: 'presenter-turn' }, `${S.turn(this.log.at + 1)} · ${S.stepLine}`),
      ...projectedTurn(customerTurnOf(view.scenario, node)),
    );
  }

  private renderReplies(
    article: HTMLElement,
    scenario: Scenario,
    model: Model,
    view: ConversationView,
  ): void {
    const turn = this.log.turns[this.log.at];
    const { exploration } = tutorFacts(scenario, this.shell.library.catalogue, this.shell.tutorFacts);
    const status = h('p', { class: 'presenter-tally', role: 'status', 'data-testid': 'tally' });
    const playBox = h('div', { class: 'presenter-play' });
    const inputs: HTMLInputElement[] = [];
    const bars: { readonly fill: HTMLElement; readonly count: HTMLElement; readonly row: HTMLElement }[] = [];
    const list = h('ol', { class: 'presenter-replies', 'aria-labelledby': 'presenter-replies-heading' });
    // The marks sit in their own row under the cards, a column per reply (presenter.css), so the
    // cards stay the same size with the marks on or off and the room reads across one row of marks.
    const marksRow = this.marks
      ? h('div', {
          class: 'presenter-marks-row',
          role: 'group',
          'aria-labelledby': 'presenter-marks-heading',
        })
      : null;
    const fork = h(
      'div',
      {
        class: 'presenter-fork',
        // Side by side with the marks (a column each) or when a list of four or five would not fit the height.
        'data-layout': this.marks || this.shown(view).length > 3 ? 'columns' : 'rows',
        'data-replies': this.shown(view).length,
      },
      list,
      marksRow === null
        ? null
        : h('h3', { id: 'presenter-marks-heading', class: 'visually-hidden' }, S.marksHeading),
      marksRow,
    );
    fork.style.setProperty(
      '--fork-columns',
      forkColumns(
        this.shown(view).map((c) => c.say),
        this.marks,
      ),
    );
    for (const [i, choice] of this.shown(view).entries()) {
      const letter = replyLetter(i);
      const input = h('input', {
        type: 'number',
        min: 0,
        step: 1,
        inputmode: 'numeric',
        class: 'vote-input',
        id: `vote-${i}`,
        'data-testid': `vote-${letter}`,
        value: turn?.votes[i] ?? 0,
      });
      inputs.push(input);
      // Enter in a vote box plays the class's choice (when there is one), so the tutor need not reach for the mouse.
      input.addEventListener('keydown', (event) => {
        if (event.key !== 'Enter') return;
        const play = playBox.querySelector<HTMLButtonElement>('[data-testid="play"]:not([disabled])');
        if (play === null) return;
        event.preventDefault();
        play.click();
      });
      input.addEventListener('input', () => {
        this.log = setVotes(
          this.log,
          inputs.map((el) => Number(el.value)),
        );
        update();
      });
      const minus = h(
        'button',
        { type: 'button', class: 'button secondary vote-step', 'aria-label': S.removeVote(letter) },
        '−',
      );
      const plus = h(
        'button',
        {
          type: 'button',
          class: 'button secondary vote-step',
          'aria-label': S.addVote(letter),
          'data-testid': `add-${letter}`,
        },
        '+',
      );
      minus.addEventListener('click', () => this.tally(choice.id, -1));
      plus.addEventListener('click', () => this.tally(choice.id, 1));
      // The tally as a bar per reply, so the room sees the vote at a glance; the numbers are in the boxes.
      const fill = h('span', { class: 'vote-bar-fill' });
      const count = h('span', { class: 'vote-bar-count' });
      const bar = h(
        'div',
        { class: 'vote-bar', 'aria-hidden': 'true', 'data-testid': `bar-${letter}` },
        h('span', { class: 'vote-bar-track' }, fill),
        count,
      );
      const row = h(
        'li',
        { class: 'presenter-reply', 'data-choice-id': choice.id, 'data-letter': letter },
        h('span', { class: 'reply-letter', 'aria-hidden': 'true' }, letter),
        h(
          'div',
          { class: 'presenter-reply-body' },
          h(
            'p',
            { class: 'presenter-say' },
            h('span', { class: 'visually-hidden' }, `${letter}: `),
            choice.say,
          ),
        ),
        h(
          'div',
          { class: 'vote-box' },
          h('label', { for: `vote-${i}`, class: 'visually-hidden' }, S.votesFor(letter)),
          minus,
          input,
          plus,
        ),
        bar,
      );
      bars.push({ fill, count, row });
      list.append(row);
      if (marksRow !== null)
        marksRow.append(
          this.marksFor(
            scenario,
            model,
            view,
            choice,
            letter,
            exploration.replies.get(choice.id)?.get(model.id),
          ),
        );
    }
    const update = (): void => {
      const now = this.log.turns[this.log.at];
      if (now === undefined) return;
      for (const [i, el] of inputs.entries()) {
        const n = now.votes[i] ?? 0;
        if (document.activeElement !== el || Number(el.value) !== n) el.value = String(n);
      }
      const most = Math.max(0, ...now.votes);
      const total = now.votes.reduce((sum, n) => sum + n, 0);
      for (const [i, { fill, count, row }] of bars.entries()) {
        const n = now.votes[i] ?? 0;
        fill.style.width = `${total === 0 ? 0 : (100 * n) / total}%`;
        count.textContent = S.hands(n);
        row.dataset.lead = String(n > 0 && n === most);
      }
      const tally = tallyVotes(now);
      playBox.replaceChildren();
      if (tally.kind === 'none') {
        status.textContent = S.noVotes;
        const play = this.bigButton(S.play, 'play', () => undefined);
        play.disabled = true;
        playBox.append(play);
      } else if (tally.kind === 'winner') {
        const letter = replyLetter(now.offered.indexOf(tally.choice));
        status.textContent = S.winner(letter, tally.votes);
        playBox.append(
          this.bigButton(S.play, 'play', () => this.play(tally.choice, 'votes', scenario, model)),
        );
      } else {
        const letters = tally.choices.map((id) => replyLetter(now.offered.indexOf(id)));
        status.textContent = S.tie(letters.join(' and '), tally.votes);
        for (const [k, id] of tally.choices.entries())
          playBox.append(
            this.bigButton(S.playTied(letters[k] ?? ''), `play-${letters[k] ?? ''}`, () =>
              this.play(id, 'tutor', scenario, model),
            ),
          );
      }
    };
    this.updateVotes = update;
    put(
      article,
      h(
        'h2',
        { id: 'presenter-replies-heading', class: 'presenter-question', tabindex: -1, 'data-autofocus': '' },
        S.repliesHeading,
      ),
      fork,
      h('div', { class: 'presenter-decide' }, status, playBox),
      h('p', { class: 'presenter-hint' }, S.keys),
    );
    update();
  }

  private updateVotes: () => void = () => undefined;

  private tally(choiceId: string, by: number): void {
    if (this.reveal !== 'replies') return;
    this.log = addVote(this.log, choiceId, by);
    this.updateVotes();
  }

  /**
   * One reply's marks, condensed to what a tutor points at from the front of the room: the faults in
   * words, the score change, the mood and the band the reply allows, and where runs through it end.
   * The acts and the per-step lines are folded under a visible control (docs/tutor-tools.md says why).
   */
  private marksFor(
    scenario: Scenario,
    model: Model,
    view: ConversationView,
    choice: Choice,
    letter: string,
    range: { best: { percent: number }; worst: { percent: number } } | undefined,
  ): HTMLElement {
    const catalogue = this.shell.library.catalogue;
    const preview = previewReply(scenario, view.run, choice, model, catalogue);
    const limit = replyLimit(preview.after, choice.id, scenario, model, catalogue);
    const actName = (id: string) => catalogue.acts.get(id)?.name ?? id;
    return h(
      'section',
      {
        class: 'presenter-marks',
        'data-testid': 'marks',
        'data-choice-id': choice.id,
        'data-letter': letter,
        'aria-label': S.marksFor(letter),
      },
      h(
        'p',
        { class: preview.faults.length > 0 ? 'marks-faults has-faults' : 'marks-faults' },
        preview.faults.length === 0
          ? S.noFaults
          : [
              h('strong', {}, `${S.faults}: `),
              preview.faults
                .map(
                  (f) => `${actName(f.act)} (${S.penalty(f.penalty)}${f.critical ? `, ${S.critical}` : ''})`,
                )
                .join(', '),
            ],
      ),
      h(
        'p',
        { class: 'marks-score' },
        h('strong', {}, S.scoreShort(preview.percentBefore, preview.percentAfter)),
        ' · ',
        h('span', { class: 'marks-mood' }, S.moodChange(preview.mood)),
      ),
      limit === null ? null : h('p', { class: 'marks-limit' }, h('strong', {}, S.limitShort(limit.atMost))),
      h(
        'p',
        { class: 'marks-range' },
        range === undefined ? S.noRange : S.endsShort(range.best.percent, range.worst.percent),
      ),
      h(
        'details',
        { class: 'marks-more' },
        h('summary', {}, S.marksMore),
        h('p', {}, S.percentChange(preview.percentBefore, preview.percentAfter, preview.bandAfter)),
        h('p', {}, range === undefined ? S.noRange : S.range(range.best.percent, range.worst.percent)),
        h(
          'p',
          {},
          h('strong', {}, `${S.acts}: `),
          preview.acts.length === 0
            ? S.noActs
            : preview.acts.map((a) => `${actName(a.act)}${a.credit < 1 ? ` ×${a.credit}` : ''}`).join(', '),
        ),
        h(
          'ul',
          { class: 'presenter-steps', 'aria-label': S.steps },
          preview.steps.map((step) =>
            h(
              'li',
              { class: step.after > step.before ? 'gain' : undefined },
              S.stepChange(step.name, step.before, step.after),
              step.outOfOrder ? ` (${S.outOfOrder})` : '',
            ),
          ),
        ),
        limit === null
          ? null
          : h(
              'p',
              { class: 'presenter-limit', 'data-testid': 'reply-limit' },
              h('strong', {}, S.replyLimit(limit.atMost)),
              ` ${limit.sentence}`,
            ),
      ),
    );
  }

  private renderConsequence(
    article: HTMLElement,
    scenario: Scenario,
    model: Model,
    view: ConversationView,
  ): void {
    const last = view.transcript.at(-1);
    const turn = this.log.turns[this.log.at - 1];
    if (last === undefined || turn === undefined) return;
    const letter = replyLetter(turn.offered.indexOf(last.choice.id));
    const catalogue = this.shell.library.catalogue;
    const faults = last.choice.acts.filter((a) => catalogue.acts.get(a.act)?.fault === true);
    put(
      article,
      h('h2', { tabindex: -1, class: 'presenter-turn' }, `${S.turn(this.log.at)} · ${S.consequenceHeading}`),
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
      this.bigButton(S.next, 'next', () => this.next(scenario, model)),
    );
  }

  private renderDebrief(
    article: HTMLElement,
    scenario: Scenario,
    model: Model,
    view: ConversationView,
  ): void {
    const score = scoreRun(scenario, view.run, model, this.shell.library.catalogue);
    const turns = playedTurns(this.log);
    const rows = turns.map((turn, i) => {
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
    again.addEventListener('click', () => this.scene.restart(this.data0 ?? undefined));
    const map = h('button', { type: 'button', class: 'button secondary' }, S.map);
    map.addEventListener('click', () => this.openMap(scenario, model));
    put(
      article,
      h('h2', { tabindex: -1, 'data-autofocus': '' }, S.debriefHeading),
      h('p', {}, S.debriefIntro),
      h(
        'p',
        { class: 'presenter-result', 'data-testid': 'presenter-result' },
        h('strong', {}, `${score.score.percent}% · ${score.score.band}`),
        ` · ${STRINGS.debrief.marks(score.score.marks, score.score.max)}`,
        view.ending === null ? '' : ` · ${STRINGS.debrief.outcome}: ${STRINGS.outcome(view.ending.outcome)}`,
      ),
      bandReasons(score, scenario, model, this.shell.library.catalogue),
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
      this.log.superseded.length === 0
        ? null
        : h(
            'section',
            {},
            h('h3', {}, S.supersededHeading),
            h(
              'ul',
              { 'data-testid': 'superseded' },
              this.log.superseded.map((t) =>
                h(
                  'li',
                  {},
                  `${S.supersededRow(t.at + 1, replyLetter(t.chosen === null ? -1 : t.offered.indexOf(t.chosen)))} (${votesLine(t.offered, t.votes)})`,
                ),
              ),
            ),
          ),
      h('div', { class: 'presenter-actions' }, again, map),
    );
  }

  private bigButton(label: string, testid: string, onClick: () => void): HTMLButtonElement {
    const button = h(
      'button',
      { type: 'button', class: 'button primary presenter-go', 'data-testid': testid, 'data-autofocus': '' },
      label,
    );
    button.addEventListener('click', onClick);
    return button;
  }
}

/** "A 3 · B 7 · C 0": the hands for each reply. */
function votesLine(offered: readonly string[], votes: readonly number[]): string {
  return offered.map((_, i) => `${replyLetter(i)} ${votes[i] ?? 0}`).join(' · ');
}

/** `append` that skips the parts left out (null). */
function put(parent: HTMLElement, ...children: (Node | string | null)[]): void {
  for (const child of children) if (child !== null) parent.append(child);
}
