import * as Phaser from 'phaser';
import {
  type ConversationSession,
  type ConversationView,
  createSession,
  replyOrder,
} from '../../engine/index.ts';
import type { Choice, Model, Scenario } from '../../scenario/index.ts';
import {
  addVote,
  back,
  decide,
  EMPTY_LOG,
  forward,
  forwardChoice,
  openTurn,
  type PresenterLog,
  setVotes,
} from '../../tutor/index.ts';
import type { GameShell } from '../GameShell.ts';
import { SceneKey } from '../keys.ts';
import { type MapHandle, openMap } from '../map/openMap.ts';
import { tutorFacts } from '../map/tutorFacts.ts';
import { enterScreen } from '../presenter/enterScreen.ts';
import { type PresenterData, TutorSceneKey, TutorScreen } from '../presenter/keys.ts';
import { PresenterView, type Reveal } from '../presenter/PresenterView.ts';
import { TUTOR_STRINGS } from '../presenter/strings.ts';
import { newSeed } from '../run/newSeed.ts';
import { CustomerStage, castOf } from '../stage/CustomerStage.ts';
import { STRINGS } from '../strings.ts';
import { startScene } from './LoadingScene.ts';
import '../presenter/presenter.css';

const S = TUTOR_STRINGS.presenter;

/**
 * Presenter mode for a classroom projector: large type, replies labelled A, B,
 * C, ..., a class vote per turn (the most hands is played; a tie asks the
 * tutor), a "show the marks" toggle, back and forward without losing votes,
 * and a class debrief. This scene is the lifecycle and the presentation's
 * state (the session, the vote log, the step of the turn); the session and
 * scoring decide everything, and `PresenterView` draws it.
 */
export class PresenterScene extends Phaser.Scene {
  private data0: PresenterData | null = null;
  private session: ConversationSession | null = null;
  private stage: CustomerStage | null = null;
  private screen: PresenterView | null = null;
  private log: PresenterLog = EMPTY_LOG;
  private reveal: Reveal = 'line';
  private marks = false;
  private notice: string | null = null;
  private map: MapHandle | null = null;
  /** This presentation's reply-order seed: letters A, B, C follow it, and back/forward show a turn's order again. */
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
    this.stage = new CustomerStage(this, castOf(scenario, scenario.customer.mood));
    this.session = createSession(scenario);
    this.screen = new PresenterView(shell.regions, {
      back: () => this.goBack(scenario, model),
      forward: () => this.goForward(scenario, model),
      toggleMarks: () => this.toggleMarks(scenario, model),
      openMap: () => this.openMap(scenario, model),
      menu: () => this.scene.start(SceneKey.Menu),
      showReplies: () => this.showReplies(scenario, model),
      finish: () => {
        this.reveal = 'debrief';
        this.render(scenario, model);
      },
      vote: (choiceId, by) => this.tally(choiceId, by),
      setVotes: (votes) => {
        this.log = setVotes(this.log, votes);
        this.screen?.votes(this.log);
      },
      play: (choiceId, by) => this.play(choiceId, by, scenario, model),
      next: () => this.next(scenario, model),
      again: () => this.scene.restart(this.data0 ?? undefined),
    });
    if (request.jump !== undefined) this.jumpTo(request.jump.node, request.jump.route, false);
    shell.onKey((event) => this.onKey(event, scenario, model));
    this.render(scenario, model);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.map?.close();
      this.map = null;
      this.session?.dispose();
      this.session = null;
      this.screen = null;
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
      const choice = view === null ? undefined : this.shown(view)[key.charCodeAt(0) - 97];
      if (choice === undefined) return false;
      this.tally(choice.id, 1);
    } else return false;
    return true;
  }

  private toggleMarks(scenario: Scenario, model: Model): void {
    this.marks = !this.marks;
    this.render(scenario, model);
  }

  private tally(choiceId: string, by: number): void {
    if (this.reveal !== 'replies') return;
    this.log = addVote(this.log, choiceId, by);
    this.screen?.votes(this.log);
  }

  /** Opens the turn in the vote log when its replies can be voted on, moves the customer, and draws the frame. */
  private render(scenario: Scenario, model: Model): void {
    const view = this.view();
    if (view === null) return;
    const { shell } = this;
    this.stage?.setMood(view.mood, view.ending?.outcome);
    this.stage?.showConversation(view);
    const shown = this.shown(view);
    if (view.ending === null && this.reveal !== 'consequence' && this.reveal !== 'debrief')
      this.log = openTurn(
        this.log,
        view.node.id,
        shown.map((c) => c.id),
      );
    const catalogue = shell.library.catalogue;
    this.screen?.render({
      scenario,
      model,
      catalogue,
      view,
      shown,
      log: this.log,
      reveal: this.reveal,
      marks: this.marks,
      notice: this.notice,
      range: (choiceId) =>
        tutorFacts(scenario, catalogue, shell.tutorFacts).exploration.replies.get(choiceId)?.get(model.id),
    });
  }
}
