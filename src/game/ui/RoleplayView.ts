import type { ConversationView, TranscriptEntry } from '../../engine/index.ts';
import type { Choice, Model, Scenario, ScenarioNode } from '../../scenario/index.ts';
import type { StepScore } from '../../scoring/index.ts';
import { expressionForMood } from '../art/expressionForMood.ts';
import { Timing } from '../keys.ts';
import type { Mode } from '../run/mode.ts';
import { STRINGS } from '../strings.ts';
import { customerTurnOf, moodWord, speechBubble, transcriptTurn } from './customerTurn.ts';
import { h, isTouchScreen, prefersReducedMotion } from './dom.ts';
import { glyph } from './glyph.ts';
import { Typewriter } from './Typewriter.ts';

const S = STRINGS.roleplay;

export interface RoleplayViewProps {
  readonly scenario: Scenario;
  readonly model: Model;
  readonly mode: Mode;
  readonly onChoose: (choice: Choice) => void;
  readonly onUndo: () => void;
  readonly onPause: () => void;
  readonly onContinue: () => void;
  readonly onSkip: () => void;
}

/** Tone of a reply's feedback, from how the customer's mood moved. */
function tone(entry: TranscriptEntry): 'good' | 'poor' | 'neutral' {
  const delta = entry.moodAfter - entry.moodBefore;
  return delta > 0 ? 'good' : delta < 0 ? 'poor' : 'neutral';
}

/**
 * The role-play's DOM: top bar with the step tracker, the customer's line and
 * mood over the canvas, the conversation so far and the replies in the panel.
 * It draws what it is told; the scene decides when.
 */
export class RoleplayView {
  private readonly tracker: HTMLOListElement;
  private readonly note: HTMLElement;
  private readonly bubble: HTMLElement;
  private readonly bubbleText: HTMLElement;
  private readonly meterFill: HTMLElement;
  private readonly meter: HTMLElement;
  private readonly meterWord: HTMLElement;
  private readonly timer: HTMLElement | null;
  private readonly history: HTMLOListElement;
  private readonly historyBox: HTMLElement;
  private readonly brief: HTMLElement;
  private readonly feedback: HTMLElement;
  private readonly replies: HTMLOListElement;
  private readonly hint: HTMLElement;
  private readonly actions: HTMLElement;
  private readonly undoButton: HTMLButtonElement | null;
  private readonly panelFocus: HTMLElement;
  private readonly replyBox: HTMLElement;
  /**
   * "Say it your way" (src/game/sayIt/) draws into this slot between the
   * replies heading and the replies: the scene hands it over; this view only
   * places it.
   */
  readonly beforeReplies: HTMLElement;
  /** Keeps the "more replies below" cue right when the panel changes size. */
  private readonly replySizes: ResizeObserver;
  /** Phones and tablets are tapped: their hints say "tap", never name a key. */
  private readonly touch = isTouchScreen();
  private typewriter: Typewriter | null = null;
  /** The reply buttons on screen, with the id of the reply each one gives. */
  private replyButtons: { readonly id: string; readonly button: HTMLButtonElement }[] = [];
  private litSteps = new Set<string>();

  constructor(
    regions: { readonly topbar: HTMLElement; readonly hud: HTMLElement; readonly panel: HTMLElement },
    private readonly props: RoleplayViewProps,
  ) {
    const { scenario, model, mode } = props;
    const pause = h(
      'button',
      { type: 'button', class: 'button ghost pause', title: S.pauseLabel },
      glyph('❚❚'),
      S.pause,
    );
    pause.addEventListener('click', () => props.onPause());
    this.tracker = h('ol', { class: 'tracker', 'aria-label': S.stepsLabel(model.name) });
    for (const step of model.steps) {
      this.tracker.append(
        h(
          'li',
          { class: 'step', 'data-step': step.id, 'data-state': 'todo' },
          h('span', { class: 'step-letter', 'aria-hidden': 'true' }, step.name.charAt(0)),
          h('span', { class: 'step-name' }, step.name),
          h('span', { class: 'visually-hidden step-state' }, `: ${S.stepNotYet}`),
        ),
      );
    }
    regions.topbar.append(
      pause,
      h(
        'div',
        { class: 'title-block' },
        h('h1', { class: 'scenario-title' }, scenario.title),
        h(
          'p',
          { class: 'scenario-meta' },
          `${STRINGS.channel(scenario.channel)} · ${S.modeBadge(STRINGS.mode[mode], model.name)}`,
        ),
      ),
      this.tracker,
    );

    this.note = h('p', { class: 'stage-note', hidden: true });
    this.bubbleText = h('div', { class: 'bubble-text' });
    // The name is a heading, so screen reader users can jump to what the customer is saying now.
    this.bubble = speechBubble(
      { name: scenario.customer.name, note: null, lines: [] },
      {
        channel: scenario.channel,
        heading: true,
        text: this.bubbleText,
        testId: 'customer-line',
        after: h(
          'p',
          { class: 'skip-hint', 'aria-hidden': 'true' },
          this.touch ? S.skipTouchHint : S.skipHint,
        ),
      },
    );
    this.bubble.addEventListener('click', () => props.onSkip());
    this.meterFill = h('span', { class: 'meter-fill' });
    this.meterWord = h('span', { class: 'meter-word' });
    this.meter = h(
      'div',
      {
        class: 'meter',
        role: 'meter',
        'aria-valuemin': 0,
        'aria-valuemax': 100,
        'aria-label': S.moodLabel(scenario.customer.name),
      },
      h('span', { class: 'meter-label', 'aria-hidden': 'true' }, S.moodLabel(scenario.customer.name)),
      h('span', { class: 'meter-track', 'aria-hidden': 'true' }, this.meterFill),
      this.meterWord,
    );
    this.timer =
      scenario.channel === 'phone'
        ? h('p', { class: 'call-timer', role: 'timer', 'aria-label': S.callTimer }, '00:00')
        : null;
    regions.hud.append(
      h('div', { class: 'hud-top' }, this.meter, this.timer),
      h('div', { class: 'hud-bottom' }, this.note, this.bubble),
    );

    this.history = h('ol', { class: 'history', role: 'list' });
    this.brief = h(
      'div',
      { class: 'brief' },
      h('p', { class: 'brief-label' }, `${S.briefLabel}: ${scenario.customer.name}`),
      h('p', {}, scenario.summary),
      h('p', { class: 'brief-steps' }, S.briefModel(model.name, model.summary)),
    );
    this.historyBox = h(
      'section',
      // Focusable so keyboard users can scroll it (WCAG 2.1.1).
      { class: 'history-box', 'aria-labelledby': 'history-heading', tabindex: 0 },
      h('h2', { id: 'history-heading', class: 'visually-hidden' }, S.conversation),
      this.brief,
      this.history,
    );
    this.panelFocus = h(
      'h2',
      { id: 'replies-heading', class: 'replies-heading', tabindex: -1 },
      S.repliesHeading,
    );
    this.feedback = h('div', { class: 'feedback', hidden: true, role: 'status' });
    // The replies scroll inside the panel when they are taller than it (never the page), with a cue.
    this.replies = h('ol', { class: 'replies', role: 'list' });
    this.replies.addEventListener('scroll', () => this.updateMoreCue(), { passive: true });
    this.replySizes = new ResizeObserver(() => this.updateMoreCue());
    this.replySizes.observe(this.replies);
    this.hint = h('p', { class: 'hint' });
    this.actions = h('div', { class: 'reply-actions' });
    if (mode === 'practice') {
      this.undoButton = h('button', { type: 'button', class: 'button ghost undo' }, glyph('↶'), S.undo);
      this.undoButton.addEventListener('click', () => props.onUndo());
    } else {
      this.undoButton = null;
    }
    this.beforeReplies = h('div', { class: 'before-replies' });
    this.replyBox = h(
      'section',
      { class: 'reply-box', 'aria-labelledby': 'replies-heading', 'data-more': 'false' },
      this.feedback,
      this.panelFocus,
      this.beforeReplies,
      h(
        'div',
        { class: 'replies-scroll' },
        this.replies,
        // Sighted learners' cue only: a screen reader already hears how many replies the list holds.
        h('p', { class: 'more-replies', 'aria-hidden': 'true' }, S.moreReplies, glyph('↓')),
      ),
      h('div', { class: 'reply-foot' }, this.hint, this.actions, this.undoButton),
    );
    regions.panel.append(h('div', { class: 'roleplay' }, this.historyBox, this.replyBox));
  }

  /** Lights the model's steps from a score of the run so far; slips only when asked (Practice). */
  renderTracker(steps: readonly StepScore[], showSlips: boolean): void {
    for (const step of steps) {
      const item = this.tracker.querySelector<HTMLElement>(`[data-step="${CSS.escape(step.id)}"]`);
      if (item === null) continue;
      const slip = showSlips && step.performed > 0 && !step.inOrder;
      const state = step.performed === 0 ? 'todo' : slip ? 'slip' : step.performed < 1 ? 'partly' : 'done';
      const words = [
        step.performed === 0 ? S.stepNotYet : step.performed < 1 ? S.stepPartly : S.stepDone,
        slip ? S.stepSlip : null,
      ].filter((w) => w !== null);
      item.dataset.state = state;
      const label = item.querySelector('.step-state');
      if (label !== null) label.textContent = `: ${words.join(', ')}`;
      const lit = step.performed > 0;
      if (lit && !this.litSteps.has(step.id) && !prefersReducedMotion()) {
        item.classList.remove('pop');
        void item.offsetWidth; // restart the animation
        item.classList.add('pop');
      }
      if (lit) this.litSteps.add(step.id);
      else this.litSteps.delete(step.id);
    }
  }

  setMood(mood: number): string {
    const word = moodWord(mood);
    this.meter.setAttribute('aria-valuenow', String(mood));
    this.meter.setAttribute('aria-valuetext', S.moodValue(word, mood));
    this.meter.dataset.expression = expressionForMood(mood);
    this.meterFill.style.width = `${mood}%`;
    this.meterWord.textContent = word;
    return word;
  }

  setTimer(text: string): void {
    if (this.timer !== null) this.timer.textContent = text;
  }

  /** The conversation before the current node: each customer turn and the reply to it. */
  renderHistory(view: ConversationView, showFeedback: boolean): void {
    const items: HTMLElement[] = [];
    view.transcript.forEach((entry, i) => {
      const node = view.scenario.nodes.get(view.path[i] ?? '');
      if (node !== undefined) items.push(transcriptTurn(customerTurnOf(view.scenario, node)));
      items.push(
        h(
          'li',
          { class: 'turn you' },
          h('p', { class: 'speaker' }, S.you),
          h('p', { class: 'line' }, entry.choice.say),
          // The last reply's feedback has its own card above the replies.
          showFeedback && entry.choice.feedback !== undefined && i < view.transcript.length - 1
            ? h('p', { class: `turn-feedback ${tone(entry)}` }, entry.choice.feedback)
            : null,
        ),
      );
    });
    this.history.replaceChildren(...items);
    this.brief.hidden = items.length > 0;
    this.scrollHistory();
  }

  /** Keeps the latest turn in view (again after the replies below it change height). */
  private scrollHistory(): void {
    if (this.brief.hidden) this.historyBox.scrollTop = this.historyBox.scrollHeight;
  }

  /** Practice: what the last reply earned, shown above the next replies. */
  showFeedback(entry: TranscriptEntry | undefined): void {
    const text = entry?.choice.feedback;
    if (entry === undefined || text === undefined) {
      this.feedback.hidden = true;
      this.feedback.replaceChildren();
      return;
    }
    this.feedback.hidden = false;
    this.feedback.className = `feedback ${tone(entry)}`;
    this.feedback.replaceChildren(
      h('p', { class: 'feedback-title' }, S.feedback),
      h('p', { class: 'feedback-text' }, text),
    );
  }

  /**
   * Types out the customer's line (and the stage direction); `instant` when already seen or reduced motion.
   * `onDone` when it is all shown; the replies do not wait for it (the scene shows them with the line).
   */
  showCustomer(node: ScenarioNode, instant: boolean, onDone: () => void): void {
    this.typewriter?.cancel();
    // Where the page itself scrolls (a phone), each turn starts at the top: the customer's face, then their words.
    if (window.scrollY > 0) window.scrollTo({ top: 0 });
    this.note.hidden = node.note === undefined;
    this.note.textContent = node.note ?? '';
    this.bubbleText.replaceChildren();
    this.bubble.classList.remove('enter');
    if (!instant) {
      void this.bubble.offsetWidth;
      this.bubble.classList.add('enter');
    }
    this.bubble.dataset.typing = 'true';
    this.typewriter = new Typewriter(
      this.bubbleText,
      node.customer,
      {
        charsPerSecond: Timing.typeCharsPerSecond,
        maxSeconds: Timing.typeMaxSeconds,
        gapMs: Timing.pauseBetweenLines,
        instant,
      },
      () => {
        this.bubble.dataset.typing = 'false';
        // The scene puts a turn's replies up before the line (issue 18), so
        // reading the bubble's size below lays the page out once (issue 9).
        onDone();
        // A line long enough to scroll must be reachable by keyboard to scroll it.
        const scrolls = this.bubbleText.scrollHeight > this.bubbleText.clientHeight;
        if (scrolls) this.bubbleText.tabIndex = 0;
        else if (this.bubbleText.hasAttribute('tabindex')) {
          this.bubbleText.removeAttribute('tabindex');
          // It may have had focus: put focus back where keepFocus would.
          this.keepFocus();
        }
      },
    );
  }

  /** Finishes the typing at once; false if nothing was typing. */
  skipTyping(): boolean {
    return this.typewriter?.skip() ?? false;
  }

  clearReplies(): void {
    // The next node's replies start at the top. An empty list (the first turn) has not scrolled,
    // and setting scrollTop there would lay the page out before the replies are even in.
    const scrolled = this.replies.childElementCount > 0;
    this.replies.replaceChildren();
    if (scrolled) this.replies.scrollTop = 0;
    this.replyButtons = [];
    this.actions.replaceChildren();
    this.hint.textContent = '';
  }

  /** The replies in the order given (the run's order on screen): numbered, and in that DOM order for screen readers. */
  showReplies(offered: readonly Choice[]): void {
    this.actions.replaceChildren();
    this.replyButtons = [];
    this.replies.replaceChildren(
      ...offered.map((choice, i) => {
        // data-choice-id is for browser tests, which find replies by id now that the order is shuffled.
        const button = h(
          'button',
          { type: 'button', class: 'reply', 'data-choice-id': choice.id },
          h('span', { class: 'reply-key', 'aria-hidden': 'true' }, String(i + 1)),
          h('span', { class: 'visually-hidden' }, `${i + 1}. `),
          h('span', { class: 'reply-text' }, choice.say),
        );
        button.addEventListener('click', () => this.props.onChoose(choice));
        this.replyButtons.push({ id: choice.id, button });
        return h('li', { style: `--i:${i}` }, button);
      }),
    );
    this.hint.textContent =
      offered.length === 0 ? S.stuck : this.touch ? S.replyTouchHint : S.replyKeyHint(offered.length);
    // The cue follows from the resize observer (the list changes size), without an extra layout here (issue 9).
    this.scrollHistory();
  }

  /** The button of an offered reply on screen ("say it your way" pre-selects the closest). */
  replyButton(choiceId: string): HTMLButtonElement | undefined {
    return this.replyButtons.find((r) => r.id === choiceId)?.button;
  }

  /** Shows the chosen reply as chosen and the rest as gone, while the transition runs. */
  markChosen(choiceId: string): void {
    for (const { id, button } of this.replyButtons) {
      button.setAttribute('aria-disabled', 'true');
      button.classList.add(id === choiceId ? 'chosen' : 'dropped');
    }
  }

  showContinue(): HTMLButtonElement {
    this.replies.replaceChildren();
    const button = h('button', { type: 'button', class: 'button primary continue' }, S.continue, glyph('→'));
    button.addEventListener('click', () => this.props.onContinue());
    this.actions.replaceChildren(button);
    this.hint.textContent = this.touch ? S.continueTouchHint : S.continueHint;
    this.scrollHistory();
    return button;
  }

  setUndoEnabled(enabled: boolean): void {
    if (this.undoButton !== null) this.undoButton.disabled = !enabled;
  }

  /**
   * If focus was lost with the old replies, puts it on the replies heading, so Tab
   * reaches reply 1 next. Never on a reply itself: mashing Enter to skip the
   * typing must not choose a reply by accident.
   */
  keepFocus(): void {
    const active = document.activeElement;
    if (active !== null && active !== document.body && document.contains(active)) return;
    this.panelFocus.focus({ preventScroll: true });
  }

  /** Shows the fade and "more replies below" while part of the reply list is out of view below. */
  private updateMoreCue(): void {
    const list = this.replies;
    const more = list.scrollHeight - list.scrollTop - list.clientHeight > 2;
    this.replyBox.dataset.more = String(more);
  }

  dispose(): void {
    this.replySizes.disconnect();
    this.typewriter?.cancel();
  }
}
