import type { ConversationView } from '../../engine/index.ts';
import {
  type FoundAct,
  NOT_VERIFIED,
  type ReadContext,
  type Reading,
  readContext,
} from '../../reading/index.ts';
import type { Catalogue, Choice, Model, ScenarioReading } from '../../scenario/index.ts';
import { findScormApi } from '../lms/index.ts';
import type { Mode, SaidBeforeChoosing } from '../run/index.ts';
import { h } from '../ui/dom.ts';
import type { Analyser } from './analyser.ts';
import { coveredSteps } from './coveredSteps.ts';
import { markedPieces } from './marks.ts';
import {
  allowedIn,
  learnerSwitch,
  readTutorSayIt,
  rememberTutorLink,
  saveLearnerSwitch,
  tutorLinkSeen,
} from './sayItSetting.ts';
import { SAY_IT_STRINGS as S } from './strings.ts';
import './sayIt.css';

export interface SayItProps {
  /** The role-play's slot above the replies (RoleplayView.beforeReplies). */
  readonly slot: HTMLElement;
  readonly model: Model;
  readonly catalogue: Catalogue;
  readonly customerName: string;
  /** On at the start (the learner's switch in Practice; the tutor's word in Assessment). */
  readonly on: boolean;
  /** Whether the learner may turn it on and off here (Practice). */
  readonly switchable: boolean;
  /** Fetches the analyser chunk (`loadAnalyser`): called once, as soon as the switch is on. */
  readonly load: () => Promise<Analyser>;
  /** The run so far as the analyser needs it: verified yet, and what the customer has said (for `disclose`). */
  readonly context: () => ReadContext;
  /** The learner turned the switch (saved by the caller). */
  readonly onSwitch: (on: boolean) => void;
  /** The learner has checked (or skipped) their reply: put the offered replies up. */
  readonly onReady: () => void;
  readonly announce: (text: string) => void;
}

/** What a turn's box holds once checked. */
interface Checked {
  readonly text: string;
  readonly acts: readonly FoundAct[];
  /** Filled in when the replies are up. */
  closest: string | null;
}

/**
 * "Say it your way" in the role-play: a switch and, at each turn while it is
 * on, a box where the learner types their reply before any reply is offered.
 * "Check my reply" reads it (src/reading, through the lazy analyser), marks
 * each act in their own words, names the model's steps that covers, and then
 * the scene puts the replies up with the closest one pre-selected. The scene
 * decides when a turn starts and ends; this only draws and remembers the turn.
 */
export class SayIt {
  private enabled: boolean;
  private readonly root: HTMLElement;
  private readonly box: HTMLElement;
  private readonly text: HTMLTextAreaElement;
  private readonly message: HTMLElement;
  private readonly toggle: HTMLInputElement;
  private readonly result: HTMLElement;
  private loading: Promise<Analyser> | null = null;
  private analyser: Analyser | null = null;
  private failed = false;
  private writing = false;
  private checked: Checked | null = null;
  /** Counts the turns begun, so a late analyser does not answer an earlier turn. */
  private turn = 0;

  constructor(private readonly props: SayItProps) {
    this.enabled = props.on;
    // On from the start: the chunk loads while the customer's first line is shown, so typing never waits for it.
    if (this.enabled) this.fetchAnalyser();
    const toggle = h('input', {
      type: 'checkbox',
      id: 'say-it-switch',
      class: 'say-it-switch',
      role: 'switch',
    });
    toggle.checked = this.enabled;
    toggle.addEventListener('change', () => this.setEnabled(toggle.checked));
    this.toggle = toggle;
    const switchRow = props.switchable
      ? h(
          'div',
          { class: 'say-it-switch-row' },
          toggle,
          h('label', { for: 'say-it-switch' }, S.switchLabel),
          // Heard, not shown: on a phone one more line would push the first reply below the fold.
          h('span', { class: 'visually-hidden', id: 'say-it-switch-hint' }, S.switchHint),
        )
      : null;
    toggle.setAttribute('aria-describedby', 'say-it-switch-hint');
    this.text = h('textarea', {
      id: 'say-it-text',
      class: 'say-it-text',
      rows: 2,
      maxlength: 1000,
      'aria-describedby': 'say-it-box-hint say-it-message',
      autocomplete: 'off',
      spellcheck: 'true',
      'data-testid': 'say-it-text',
    });
    // Enter checks the reply (a reply is one turn of speech); Shift+Enter starts a new line.
    this.text.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        if (!event.repeat) this.check();
      }
    });
    const check = h('button', { type: 'button', class: 'button primary say-it-check' }, S.check);
    check.addEventListener('click', () => this.check());
    const skip = h('button', { type: 'button', class: 'button ghost say-it-skip' }, S.skip);
    skip.addEventListener('click', () => this.ready(null));
    this.message = h('p', { class: 'say-it-message', id: 'say-it-message', role: 'status' });
    this.box = h(
      'div',
      { class: 'say-it-box' },
      h('label', { for: 'say-it-text', class: 'say-it-label' }, S.boxLabel(props.customerName)),
      h('p', { class: 'say-it-hint', id: 'say-it-box-hint' }, S.boxHint),
      this.text,
      h('div', { class: 'say-it-actions' }, check, skip),
    );
    this.result = h('div', { class: 'say-it-result', 'data-testid': 'say-it-result' });
    this.root = h(
      'section',
      { class: 'say-it', 'aria-label': S.heading, 'data-testid': 'say-it' },
      switchRow,
      this.box,
      this.result,
      // After the reading: "closest to what you wrote" leads on to the replies below it.
      this.message,
    );
    this.box.hidden = true;
    this.result.hidden = true;
    props.slot.replaceChildren(this.root);
  }

  /** Whether the next turn starts with the box. */
  get on(): boolean {
    return this.enabled;
  }

  /** A turn starts with the box: empty, focused, the replies not yet up. */
  begin(): void {
    this.turn++;
    this.writing = true;
    this.checked = null;
    this.text.value = '';
    this.message.textContent = '';
    this.result.hidden = true;
    this.result.replaceChildren();
    this.box.hidden = false;
    this.text.focus({ preventScroll: true });
  }

  /** The turn is over (a reply chosen, an undo, the ending): hides the box and the reading. */
  endTurn(): void {
    this.turn++;
    this.writing = false;
    this.checked = null;
    this.box.hidden = true;
    this.result.hidden = true;
    this.result.replaceChildren();
    this.message.textContent = '';
  }

  /**
   * The replies are up (in the run's order): pre-selects the one closest to
   * what the learner wrote and puts focus on it, so Enter confirms it; any
   * other can still be picked.
   */
  offered(onScreen: readonly Choice[], buttonFor: (id: string) => HTMLButtonElement | undefined): void {
    const checked = this.checked;
    if (checked === null || this.analyser === null) return;
    const index = this.analyser.closest(
      checked.text,
      onScreen.map((c) => c.say),
    );
    const choice = index === null ? undefined : onScreen[index];
    checked.closest = choice?.id ?? null;
    const button = choice === undefined ? undefined : buttonFor(choice.id);
    if (button === undefined) {
      this.message.textContent = S.noClosest;
      return;
    }
    button.classList.add('preselected');
    button.dataset.preselected = 'true';
    button.append(h('span', { class: 'say-it-closest' }, S.closestTag));
    // A held Enter (the one that checked the reply) must not confirm it unseen.
    button.addEventListener('keydown', (event) => {
      if (event.repeat && (event.key === 'Enter' || event.key === ' ')) event.preventDefault();
    });
    this.message.textContent = S.closestHint;
    button.focus({ preventScroll: false });
  }

  /** What the learner typed this turn, for the run's record of the chosen reply; undefined when they typed nothing. */
  said(): SaidBeforeChoosing | undefined {
    const checked = this.checked;
    if (checked === null || checked.text.trim() === '') return undefined;
    return {
      text: checked.text,
      // "Tutor to check" goes into the record with the act, so the debrief and evidence record say it too.
      acts: checked.acts.map((a) => ({ act: a.act, evidence: a.evidence, check: a.confidence })),
      closest: checked.closest,
    };
  }

  dispose(): void {
    this.turn++;
    this.root.remove();
  }

  /** The tutor's config turned it on (Assessment): from the next turn that starts. */
  turnOn(): void {
    this.enabled = true;
    this.toggle.checked = true;
    this.fetchAnalyser();
  }

  private fetchAnalyser(): Promise<Analyser> {
    if (this.loading === null) {
      this.loading = this.props.load();
      this.loading.then(
        (analyser) => {
          // One reading while the learner types: the first "Check my reply" then runs warm (docs/benchmarks.md).
          analyser.read("I'm so sorry, what happened?");
          this.analyser = analyser;
        },
        () => {
          this.failed = true;
        },
      );
    }
    return this.loading;
  }

  private setEnabled(on: boolean): void {
    this.enabled = on;
    if (on) this.fetchAnalyser();
    this.props.onSwitch(on);
    // Turned off while typing: the replies come up at once.
    if (!on && this.writing) this.ready(null);
  }

  private check(): void {
    if (!this.writing) return;
    const text = this.text.value;
    if (text.trim() === '') {
      this.message.textContent = S.empty;
      this.text.focus();
      return;
    }
    if (this.analyser !== null) {
      this.ready({ text, acts: this.analyser.read(text, this.props.context()).acts, closest: null });
      return;
    }
    if (this.failed) {
      this.message.textContent = S.unavailable;
      this.ready({ text, acts: [], closest: null });
      return;
    }
    // Only if the chunk is still on its way (it starts with the customer's first line).
    this.message.textContent = S.loading;
    const turn = this.turn;
    this.fetchAnalyser().then(
      (analyser) => {
        if (turn === this.turn)
          this.ready({ text, acts: analyser.read(text, this.props.context()).acts, closest: null });
      },
      () => {
        if (turn !== this.turn) return;
        this.message.textContent = S.unavailable;
        this.ready({ text, acts: [], closest: null });
      },
    );
  }

  private ready(checked: Checked | null): void {
    if (!this.writing) return;
    this.writing = false;
    this.checked = checked;
    this.box.hidden = true;
    if (checked !== null) this.showReading(checked.text, { acts: checked.acts });
    this.props.onReady();
  }

  private showReading(text: string, reading: Reading): void {
    const name = (act: string): string => this.props.catalogue.acts.get(act)?.name ?? act;
    const marked = h(
      'p',
      { class: 'say-it-words', 'data-testid': 'say-it-words' },
      markedPieces(text, reading.acts).map((piece) =>
        piece.acts.length === 0
          ? piece.text
          : h(
              'mark',
              {
                class: `say-it-mark${piece.acts.every((a) => a.confidence === 'tutor') ? ' tutor' : ''}`,
                'data-acts': piece.acts.map((a) => a.act).join(' '),
              },
              piece.text,
              h('span', { class: 'say-it-tag' }, piece.acts.map((a) => name(a.act)).join(', ')),
            ),
      ),
    );
    const found =
      reading.acts.length === 0
        ? h('p', { class: 'say-it-none' }, S.nothingFound)
        : h(
            'ul',
            { class: 'say-it-acts', 'aria-label': S.foundHeading },
            reading.acts.map((a) =>
              h(
                'li',
                { 'data-act': a.act, 'data-confidence': a.confidence },
                h('strong', {}, name(a.act)),
                ` “${a.evidence}”`,
                a.confidence === 'tutor'
                  ? h('span', { class: 'say-it-tutor', title: S.tutorCheckHint }, S.tutorCheck)
                  : null,
              ),
            ),
          );
    const steps = coveredSteps(this.props.model, reading.acts).map((c) =>
      c.sure ? c.step.name : `${c.step.name} (${S.tutorCheck})`,
    );
    this.result.replaceChildren(
      h('h3', { class: 'say-it-heading' }, S.foundHeading),
      marked,
      found,
      h('p', { class: 'say-it-steps', 'data-testid': 'say-it-steps' }, S.steps(this.props.model.name, steps)),
    );
    this.result.hidden = false;
    this.props.announce(S.announceRead(reading.acts.map((a) => name(a.act))));
  }
}

/** Starts fetching the analyser chunk (call as the role-play opens, while the customer's first line is shown). */
export function loadAnalyser(reading?: ScenarioReading): Promise<Analyser> {
  return import('./analyser.ts').then((m) => m.createAnalyser(reading));
}

function scormLaunched(win: Window): boolean {
  try {
    return findScormApi(win) !== null;
  } catch {
    return false;
  }
}

/** Storage the browser may refuse (private browsing, a locked-down PC): null then. */
function storage(read: () => Storage): Storage | null {
  try {
    return read();
  } catch {
    return null;
  }
}

/** The run so far as the analyser needs it: the replies chosen, and every customer line shown (the path's nodes). */
export function contextOf(view: ConversationView | undefined): ReadContext {
  if (view === undefined) return NOT_VERIFIED;
  const heard = view.run.path.flatMap((id) => view.scenario.nodes.get(id)?.customer ?? []);
  return readContext(view.run.choices, heard);
}

export interface RoleplaySayIt {
  readonly slot: HTMLElement;
  readonly mode: Mode;
  readonly model: Model;
  readonly catalogue: Catalogue;
  readonly customerName: string;
  /** The scenario's own cues (`reading:`), if it has them. */
  readonly reading: ScenarioReading | undefined;
  /** The run as it stands (undefined before it has started). */
  readonly runView: () => ConversationView | undefined;
  /** The page's address as the role-play opened, before it rewrites it to its own deep link. */
  readonly search: string;
  readonly onReady: () => void;
  readonly announce: (text: string) => void;
}

/**
 * "Say it your way" for one role-play, on as its mode and the settings say:
 * in Practice the learner's saved switch; in Assessment only the tutor's
 * (`say-it=on` in the address that opened this tab, or, inside a SCORM LMS,
 * `sayIt.assessment` in lms-config.json, read in the background: on from the
 * next turn once read).
 */
export function sayItForRoleplay(parts: RoleplaySayIt, win: Window = window): SayIt {
  const local = storage(() => win.localStorage);
  const practice = parts.mode === 'practice';
  const session = () => storage(() => win.sessionStorage);
  // In Practice the tutor's address changes nothing now; it is only kept for this tab's Assessment runs.
  let link = false;
  if (practice) rememberTutorLink(parts.search, session);
  else link = tutorLinkSeen(parts.search, session());
  const sayIt = new SayIt({
    ...parts,
    on: practice ? learnerSwitch(local) : link,
    switchable: practice,
    load: () => loadAnalyser(parts.reading),
    context: () => contextOf(parts.runView()),
    onSwitch: (on) => saveLearnerSwitch(local, on),
  });
  // The tutor's lms-config.json is only looked for inside a SCORM LMS, as the LMS runtime does (docs/lms.md).
  if (!practice && !link && scormLaunched(win))
    void readTutorSayIt(win).then((tutor) => {
      if (allowedIn(parts.mode, { link, config: tutor })) sayIt.turnOn();
    });
  return sayIt;
}
