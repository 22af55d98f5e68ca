import {
  type ConversationSession,
  type ConversationView,
  createSession,
  replyOrder,
} from '../../engine/index.ts';
import {
  type Attempt,
  buildAttempt,
  HINT_LEVELS,
  type Hint,
  hintFor,
  type Rehearsal,
  runWithRehearsal,
  type Said,
  type SavedRun,
} from '../../progress/index.ts';
import type { Catalogue, Choice, Model, Scenario } from '../../scenario/index.ts';
import type { RoleplayRequest } from '../run/RoleplayRequest.ts';

/**
 * Why the run changed: `start` (the view it begins with, after any replay),
 * `choose` and `undo` (the learner), `hint` (a hint was recorded),
 * `rehearse` (Rehearse aloud's self-marks for this turn were recorded).
 * `hint` and `rehearse` change the saved run, never the conversation.
 */
export type RunCause = 'start' | 'choose' | 'undo' | 'hint' | 'rehearse';

/**
 * Where the run came from: a new run, a saved run the learner chose to
 * resume (`local`), the LMS's suspend data (`lms`), or a run handed over in
 * the scene's data: the menu's Resume (`resume`), "try again from here"
 * (`branch`), "play from here" (`jump`).
 */
export type RunSource = 'new' | 'local' | 'lms' | 'resume' | 'branch' | 'jump';

export interface RunChange {
  readonly run: LearnerRun;
  readonly view: ConversationView;
  readonly cause: RunCause;
}

export type RunListener = (change: RunChange) => void;

/** What a run is made of; the `RunService` decides `saved` (and so the seed and the replies to replay). */
export interface RunParts {
  readonly request: RoleplayRequest;
  readonly scenario: Scenario;
  readonly model: Model;
  readonly catalogue: Catalogue;
  readonly saved: SavedRun;
  readonly source: RunSource;
  /** ISO time now (a clock, so tests decide it). */
  readonly now: () => string;
}

/** "Say it your way": what the learner typed before choosing, and what the reader made of it (src/game/sayIt). */
export type SaidBeforeChoosing = Pick<Said, 'text' | 'acts' | 'closest'>;

/** What a press of Hint gives: the hint, or null when every step is done. */
export interface HintGiven {
  readonly hint: Hint | null;
  /** Whether pressing again gives a stronger hint at this turn. */
  readonly stronger: boolean;
}

/**
 * One learner's run of a role-play, with no Phaser and no DOM: the engine's
 * session, the saved run it keeps up to date (replies, hints, the reply-order
 * seed), the replies in the order this run shows them, and the attempt it
 * becomes. Everything that follows a run (saved progress, the LMS, the voice,
 * the tutor tools) hears of it through `subscribe`; the scene only draws it.
 */
export class LearnerRun {
  readonly request: RoleplayRequest;
  readonly scenario: Scenario;
  readonly model: Model;
  readonly catalogue: Catalogue;
  readonly source: RunSource;
  private readonly session: ConversationSession;
  private readonly now: () => string;
  private current: SavedRun;
  private latest: ConversationView;
  private readonly listeners = new Set<RunListener>();
  private cause: RunCause = 'start';
  /** The "say it your way" entry of the reply being chosen, until the session has taken it. */
  private saying: Said | null = null;
  private disposed = false;

  /**
   * Makes the session and replays `parts.saved.choices` into it before anyone
   * listens, so a resumed run starts where it was. A reply the scenario no
   * longer accepts (it changed under the run) ends the replay there: the run
   * continues from the last reply that still replays, never from a guess.
   */
  constructor(parts: RunParts) {
    this.request = parts.request;
    this.scenario = parts.scenario;
    this.model = parts.model;
    this.catalogue = parts.catalogue;
    this.source = parts.source;
    this.now = parts.now;
    this.session = createSession(parts.scenario);
    for (const id of parts.saved.choices) {
      try {
        this.session.choose(id);
      } catch {
        break;
      }
    }
    this.latest = this.session.view();
    this.current = withSaid(
      { ...parts.saved, choices: this.choiceIds(this.latest) },
      parts.saved.said ?? [],
      null,
    );
    this.session.subscribe((view) => this.changed(view));
  }

  get saved(): SavedRun {
    return this.current;
  }

  /** The reply-order seed: the replies on screen, keys 1–9 and the screen reader's order follow it. */
  get seed(): number {
    return this.current.seed;
  }

  view(): ConversationView {
    return this.latest;
  }

  /** The replies offered now, in the order this run shows them at this turn. */
  onScreen(): readonly Choice[] {
    const view = this.latest;
    return replyOrder(this.seed, { at: view.transcript.length, node: view.node.id }, view.offered);
  }

  /**
   * Chooses a reply. With "say it your way", `said` is what the learner typed
   * first: kept with the run for this turn (an undo removes it again).
   */
  choose(id: string, said?: SaidBeforeChoosing): void {
    const view = this.latest;
    this.saying =
      said === undefined
        ? null
        : {
            at: view.transcript.length,
            node: view.node.id,
            text: said.text,
            // With how sure the reader was ("tutor to check"), for the debrief and the evidence record.
            acts: said.acts.map((a) => ({
              act: a.act,
              evidence: a.evidence,
              ...(a.check === undefined ? {} : { check: a.check }),
            })),
            closest: said.closest,
            picked: id,
          };
    try {
      this.act('choose', () => this.session.choose(id));
    } finally {
      this.saying = null;
    }
  }

  undo(): void {
    if (!this.latest.canUndo) return;
    this.act('undo', () => this.session.undo());
  }

  /**
   * A hint for the next step not yet done, one rung stronger at each press in
   * the same turn (up to `HINT_LEVELS`, each recorded once in the saved run).
   */
  hint(): HintGiven {
    const view = this.latest;
    if (view.ending !== null) return { hint: null, stronger: false };
    const at = view.transcript.length;
    const before = this.current.hints.filter((hint) => hint.at === at).length;
    const hint = hintFor(
      this.model,
      view.transcript.map((entry) => entry.choice),
      before + 1,
    );
    if (hint === null) return { hint: null, stronger: false };
    if (before < HINT_LEVELS) {
      this.current = {
        ...this.current,
        hints: [...this.current.hints, { at, node: view.node.id, step: hint.step.id, level: hint.level }],
        updatedAt: this.now(),
      };
      this.tell('hint');
    }
    return { hint, stronger: hint.level < HINT_LEVELS };
  }

  /**
   * Rehearse aloud (src/game/rehearse): records the learner's self-marks for
   * this turn, the model's step ids they ticked and whether a recording was
   * kept, replacing any marks made at this turn before. Steps not in the
   * model are left out; nothing is recorded once the run has ended. Saved
   * progress hears of it as a `rehearse` change; the conversation is unchanged.
   */
  rehearse(marks: { readonly steps: readonly string[]; readonly recorded: boolean }): Rehearsal | null {
    const view = this.latest;
    if (this.disposed || view.ending !== null) return null;
    const mark: Rehearsal = {
      at: view.transcript.length,
      node: view.node.id,
      // In the model's order, so the record reads like its checklist.
      steps: this.model.steps.map((step) => step.id).filter((id) => marks.steps.includes(id)),
      recorded: marks.recorded,
    };
    this.current = runWithRehearsal(this.current, mark, this.now());
    this.tell('rehearse');
    return mark;
  }

  /** The self-marks Rehearse aloud recorded at this turn, if any. */
  rehearsedHere(): Rehearsal | null {
    const view = this.latest;
    const at = view.transcript.length;
    return this.current.rehearsed?.find((mark) => mark.at === at && mark.node === view.node.id) ?? null;
  }

  /** The attempt this run becomes at its ending (null before it). */
  finish(): Attempt | null {
    if (this.latest.ending === null) return null;
    return buildAttempt(this.scenario, this.catalogue, this.current, this.latest.run, this.now());
  }

  /** Called with every change; returns an unsubscribe function. */
  subscribe(listener: RunListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops the session; the run's last view, saved run and attempt stay readable. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.listeners.clear();
    this.session.dispose();
  }

  get closed(): boolean {
    return this.disposed;
  }

  private act(cause: RunCause, change: () => void): void {
    if (this.disposed) return;
    this.cause = cause;
    try {
      change();
    } finally {
      this.cause = 'start';
    }
  }

  private changed(view: ConversationView): void {
    this.latest = view;
    const choices = this.choiceIds(view);
    this.current = withSaid(
      { ...this.current, choices, updatedAt: this.now() },
      this.current.said ?? [],
      this.saying,
    );
    this.tell(this.cause);
  }

  private tell(cause: RunCause): void {
    const change: RunChange = { run: this, view: this.latest, cause };
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch {
        // One follower's fault (an LMS, a full disk) never stops the learner's play or the others.
      }
    }
  }

  private choiceIds(view: ConversationView): string[] {
    return view.transcript.map((entry) => entry.choice.id);
  }
}

/**
 * The saved run with its "say it your way" entries for the replies it still
 * has: an undone reply's entry goes with it, a new one replaces any earlier
 * entry for its turn, and a run without any has no `said` field at all.
 */
function withSaid(run: SavedRun, said: readonly Said[], added: Said | null): SavedRun {
  const turns = run.choices.length;
  const kept = said.filter((entry) => entry.at < turns && entry.at !== added?.at);
  const all = added !== null && added.at < turns ? [...kept, added].sort((a, b) => a.at - b.at) : kept;
  const { said: _, ...rest } = run;
  return all.length === 0 ? rest : { ...rest, said: all };
}
