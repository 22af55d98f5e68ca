import * as Phaser from 'phaser';
import type { ConversationView } from '../../engine/index.ts';
import type { Choice, Model, Scenario } from '../../scenario/index.ts';
import { scoreRun } from '../../scoring/index.ts';
import type { GameShell } from '../GameShell.ts';
import { attachProgress } from '../history/attachRoleplay.ts';
import { SceneKey, Screen, Timing } from '../keys.ts';
import { attachRehearse } from '../rehearse/index.ts';
import type { DebriefRequest } from '../run/DebriefRequest.ts';
import { deepLinkFor } from '../run/deepLink.ts';
import type { LearnerRun } from '../run/index.ts';
import { plainRequest, type RoleplayRequest } from '../run/RoleplayRequest.ts';
import { type SayIt, sayItForRoleplay } from '../sayIt/index.ts';
import { CustomerStage, castOf } from '../stage/CustomerStage.ts';
import { STRINGS } from '../strings.ts';
import { prefersReducedMotion } from '../ui/dom.ts';
import { PauseMenu } from '../ui/PauseMenu.ts';
import { RoleplayView } from '../ui/RoleplayView.ts';

/**
 * What the scene is doing, so input that arrives mid-transition is ignored:
 * a reply is accepted only while `choosing`, which starts at most
 * `Timing.repliesAfter` into the customer's line (the typing may still be running: see `render`).
 * `writing`: "say it your way" is on and the learner is typing their own reply first.
 */
type Phase = 'typing' | 'writing' | 'choosing' | 'transition' | 'ended';

/**
 * The role-play: the learner's run (from the page's `RunService`) decides
 * everything; this scene draws it (canvas: setting and customer; DOM: lines,
 * replies, tracker) and forwards input. Saving, the LMS and the voice follow
 * the run as its observers, not through this scene.
 */
export class RoleplayScene extends Phaser.Scene {
  private request: RoleplayRequest | null = null;
  /** The run on screen, once the `RunService` has decided where it starts (a resume may ask the learner first). */
  private run: LearnerRun | null = null;
  /** The replies on screen, in screen order: key n chooses the n-th. */
  private onScreen: readonly Choice[] = [];
  private view: RoleplayView | null = null;
  /** Null until the frame after the first turn (see create). */
  private stage: CustomerStage | null = null;
  /** Whether the customer is talking (typing their line), for a stage built mid-line. */
  private talking = false;
  private pause: PauseMenu | null = null;
  /** "Say it your way" (src/game/sayIt/): the box above the replies, when the learner types first. */
  private sayIt: SayIt | null = null;
  private phase: Phase = 'typing';
  /** How many nodes of the path have already been shown (typed) to the learner. */
  private shownPath = 0;
  /** Counts the turns drawn, so a reveal timer from an earlier turn does nothing. */
  private turn = 0;
  private timers: number[] = [];
  private callStarted = 0;
  private pausedAt: number | null = null;

  constructor(private readonly shell: GameShell) {
    super(SceneKey.Roleplay);
  }

  init(data: RoleplayRequest): void {
    this.request = data;
  }

  create(): void {
    const { shell, request } = this;
    const scenario = request === null ? undefined : shell.library.scenario(request.scenarioId);
    const model = request === null ? undefined : shell.library.model(request.modelId);
    if (request === null || scenario === undefined || model === undefined) {
      this.scene.start(SceneKey.Menu, { unknownLink: true });
      return;
    }
    // The canvas is refitted by the stage's ResizeObserver before the stage is drawn (a frame on).
    shell.setScreen(Screen.Roleplay, { refitNow: false });
    // Read before the address becomes the deep link: a tutor's `say-it=on` (src/game/sayIt/sayItSetting.ts).
    const search = window.location.search;
    window.history.replaceState(null, '', `${window.location.pathname}${deepLinkFor(request)}`);
    document.title = `${scenario.title} · ${STRINGS.appTitle}`;
    this.phase = 'typing';
    this.shownPath = 0;

    this.stage = null;
    this.talking = false;
    CustomerStage.coming(this);
    this.view = new RoleplayView(shell.regions, {
      scenario,
      model,
      mode: request.mode,
      onChoose: (choice) => this.choose(choice),
      onUndo: () => this.undo(),
      onPause: () => this.openPause(),
      onContinue: () => this.toDebrief(),
      onSkip: () => this.skip(),
    });
    // Say it your way: its own folder draws into the view's slot; the scene only says when a turn starts.
    this.sayIt = sayItForRoleplay({
      slot: this.view.beforeReplies,
      mode: request.mode,
      model,
      catalogue: shell.library.catalogue,
      customerName: scenario.customer.name,
      reading: scenario.reading,
      runView: () => this.run?.view(),
      search,
      onReady: () => this.sayItReady(),
      announce: (text) => shell.announce(text),
    });
    this.input.on(Phaser.Input.Events.POINTER_DOWN, () => this.skip());
    this.pause = new PauseMenu(document.body, {
      onResume: () => this.resumeClock(),
      onRestart: () => this.scene.restart(plainRequest(request)),
      onMenu: () => this.scene.start(SceneKey.Menu),
    });
    shell.onKey((event) => this.onKey(event));

    let live = true;
    // The canvas half (setting and figure, 30–45 ms of drawing) waits for the next frame, so the
    // browser paints the first turn's words and replies first (issue 18: the first reply within
    // 1.3× a bare Phaser page). The stage then shows whatever the run is at by then.
    // Focus waits with it: put on the page before the run's first turn is drawn, it would lay the
    // page out once for nothing (the turn lays it out again); the turn keeps focus itself.
    window.requestAnimationFrame(() => {
      if (!live) return;
      this.view?.keepFocus();
      this.buildStage(scenario);
    });
    let unsubscribe = (): void => undefined;
    // The run starts where the RunService decides (a hand-over, the LMS, a saved run if the learner says Resume).
    const play = (run: LearnerRun | null): void => {
      if (!live) {
        if (run !== null) shell.runs.close(run);
        return;
      }
      if (run === null) {
        this.scene.start(SceneKey.Menu, { unknownLink: true });
        return;
      }
      this.run = run;
      // Saved progress's extras: its notices and, in Practice, the Hint button.
      attachProgress(this, shell, run);
      // Rehearse aloud (Practice): its own folder; it only adds self-marks to the run (src/game/rehearse).
      attachRehearse(this, shell, run);
      unsubscribe = run.subscribe(({ view, cause }) => {
        // A hint or a rehearsal changes the saved run, not the conversation: nothing to redraw.
        if (cause !== 'hint' && cause !== 'rehearse') this.render(view, scenario, model);
      });
      this.render(run.view(), scenario, model);
      if (scenario.channel === 'phone') this.startClock();
      this.view?.keepFocus();
    };
    // At once when nothing has to be waited for (a deep link's first turn: RunService.prepare read
    // saved progress during Phaser's boot), so the turn is on the page before Phaser draws a frame.
    const begun = shell.runs.begin(request);
    if ('later' in begun) void begun.later.then(play);
    else play(begun.run);

    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      live = false;
      unsubscribe();
      if (this.run !== null) shell.runs.close(this.run);
      this.run = null;
      this.sayIt?.dispose();
      this.sayIt = null;
      this.view?.dispose();
      this.view = null;
      this.pause?.dispose();
      this.pause = null;
      for (const id of this.timers) {
        window.clearTimeout(id);
        window.clearInterval(id);
      }
      this.timers = [];
    });
  }

  /** Puts the customer on stage as the run now stands (see create: a frame after the first turn). */
  private buildStage(scenario: Scenario): void {
    const view = this.run?.view();
    const stage = new CustomerStage(
      this,
      castOf(scenario, view?.mood ?? scenario.customer.mood, view?.ending?.outcome),
    );
    this.stage = stage;
    // The setting's art follows the first turn rather than holding it up (no `preload`: see fetchSetting).
    stage.fetchSetting();
    if (view !== undefined) stage.showConversation(view);
    stage.setTalking(this.talking);
  }

  private setTalking(on: boolean): void {
    this.talking = on;
    this.stage?.setTalking(on);
  }

  private render(view: ConversationView, scenario: Scenario, model: Model): void {
    const ui = this.view;
    const request = this.request;
    if (ui === null || request === null) return;
    const practice = request.mode === 'practice';
    const score = scoreRun(scenario, view.run, model, this.shell.library.catalogue);
    ui.renderTracker(score.steps, practice);
    const word = ui.setMood(view.mood);
    this.stage?.setMood(view.mood, view.ending?.outcome);
    this.stage?.showConversation(view);
    ui.renderHistory(view, practice);
    const last = view.transcript.at(-1);
    ui.showFeedback(practice ? last : undefined);
    ui.setUndoEnabled(practice && view.canUndo);
    ui.clearReplies();
    this.onScreen = [];
    this.sayIt?.endTurn();

    const fresh = view.path.length > this.shownPath;
    this.shownPath = view.path.length;
    const instant = !fresh || prefersReducedMotion();
    this.phase = 'typing';
    const turn = ++this.turn;
    this.setTalking(!instant);
    const line = view.node.customer.join(' ');
    const announcement = [
      practice && last?.choice.feedback !== undefined && fresh
        ? STRINGS.roleplay.announceFeedback(last.choice.feedback)
        : null,
      STRINGS.roleplay.announceLine(scenario.customer.name, word, line),
      view.ending === null ? null : STRINGS.roleplay.announceEnded(STRINGS.outcome(view.ending.outcome)),
    ].filter((part) => part !== null);
    this.shell.announce(announcement.join(' '));

    if (view.ending !== null) {
      // The last line: Continue once it is typed, so Enter (skip) never jumps past it to the debrief.
      ui.showCustomer(view.node, instant, () => {
        this.setTalking(false);
        if (this.run === null) return;
        this.phase = 'ended';
        ui.showContinue();
        ui.keepFocus();
      });
      return;
    }
    // No waiting (issue 18): the replies go up at most `Timing.repliesAfter` into the
    // line, while it may still be typing (at once when it is not typed); Enter or a
    // click finishes the typing and shows them too. The short wait means a key mashed
    // on the last turn cannot answer this one unread.
    const reveal = (): void => {
      if (turn !== this.turn || this.phase !== 'typing' || this.run === null) return;
      // Say it your way: the learner types their reply first; the replies come up on "Check my reply".
      if (this.sayIt?.on === true) {
        this.phase = 'writing';
        this.sayIt.begin();
        return;
      }
      this.phase = 'choosing';
      this.showReplies();
      ui.keepFocus();
    };
    // Before the line when it is instant, so the page is laid out once (issue 9).
    if (instant) reveal();
    ui.showCustomer(view.node, instant, () => {
      this.setTalking(false);
      reveal();
    });
    if (!instant) this.later(Timing.repliesAfter, reveal);
    ui.keepFocus();
  }

  /** Puts the offered replies on screen in the run's order. */
  private showReplies(): void {
    const { view: ui, run } = this;
    if (ui === null || run === null || this.phase !== 'choosing') return;
    this.onScreen = run.onScreen();
    ui.showReplies(this.onScreen);
  }

  /** Say it your way: the learner has checked (or skipped) their own reply; the replies go up, the closest pre-selected. */
  private sayItReady(): void {
    if (this.phase !== 'writing') return;
    this.phase = 'choosing';
    this.showReplies();
    this.sayIt?.offered(this.onScreen, (id) => this.view?.replyButton(id));
    this.view?.keepFocus();
  }

  private choose(choice: Choice): void {
    if (this.phase !== 'choosing' || this.pause?.open === true) return;
    this.phase = 'transition';
    this.view?.markChosen(choice.id);
    // What the learner typed first, if they did, goes with the reply into the run's record.
    const said = this.sayIt?.said();
    this.later(prefersReducedMotion() ? 0 : Timing.choose, () => this.run?.choose(choice.id, said));
  }

  private undo(): void {
    if (this.request?.mode !== 'practice') return;
    if (this.phase !== 'choosing' && this.phase !== 'writing' && this.phase !== 'ended') return;
    this.run?.undo();
  }

  private toDebrief(): void {
    const { run, request } = this;
    if (this.phase !== 'ended' || run === null || request === null) return;
    this.phase = 'transition';
    const data: DebriefRequest = { request: plainRequest(request), view: run.view(), seed: run.seed, run };
    this.scene.start(SceneKey.Debrief, data);
  }

  private onKey(event: KeyboardEvent): boolean {
    if (this.pause?.open === true) return false;
    if (event.key === 'Escape') {
      this.openPause();
      return true;
    }
    const target = event.target instanceof HTMLElement ? event.target : null;
    const onControl = target?.closest('button, a, input, select, textarea, summary') != null;
    // Typing in a box (say it your way's reply) is text: no key there is a shortcut.
    if (target?.closest('textarea, input[type="text"]') != null) return false;
    if (/^[1-9]$/.test(event.key)) {
      if (event.repeat) return true;
      const choice = this.onScreen[Number(event.key) - 1];
      if (choice !== undefined) this.choose(choice);
      return true;
    }
    if ((event.key === 'u' || event.key === 'U') && !onControl) {
      this.undo();
      return true;
    }
    // Enter and Space belong to a focused button; elsewhere they skip the typing or continue.
    if ((event.key === 'Enter' || event.key === ' ') && !onControl) {
      if (event.repeat) return true;
      if (!this.skip() && this.phase === 'ended') this.toDebrief();
      return true;
    }
    return false;
  }

  /** Finishes the customer's typing, which may still run while the replies are up; false if nothing was typing. */
  private skip(): boolean {
    return this.view?.skipTyping() ?? false;
  }

  private openPause(): void {
    if (this.pause === null) return;
    this.pausedAt ??= performance.now();
    this.pause.show();
  }

  private startClock(): void {
    this.callStarted = performance.now();
    const tick = (): void => {
      if (this.pausedAt !== null) return;
      const seconds = Math.floor((performance.now() - this.callStarted) / 1000);
      const mm = String(Math.floor(seconds / 60)).padStart(2, '0');
      const ss = String(seconds % 60).padStart(2, '0');
      this.view?.setTimer(`${mm}:${ss}`);
    };
    tick();
    this.timers.push(window.setInterval(tick, 250));
  }

  private resumeClock(): void {
    if (this.pausedAt !== null) this.callStarted += performance.now() - this.pausedAt;
    this.pausedAt = null;
  }

  private later(ms: number, fn: () => void): void {
    this.timers.push(window.setTimeout(fn, ms));
  }
}
