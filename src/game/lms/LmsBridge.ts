import type { ConversationView } from '../../engine/index.ts';
import {
  type CmiValue,
  createLmsReport,
  decodeHeld,
  decodeSuspendData,
  encodeHeld,
  encodeSuspendData,
  type HeldReplies,
  heldAtLaunch,
  isoDuration,
  type LaunchInteractions,
  type LmsMode,
  lmsOutcome,
  type ResumableRun,
  type RunKey,
  recordStep,
  repliesOf,
  resumeChoices,
  runShapeFingerprint,
  SCORM2004_LIMITS,
  SUSPEND_LIMIT_12,
  scorm12Timespan,
  scorm12Values,
  scorm2004Values,
} from '../../lms/index.ts';
import type { Catalogue, Model, Scenario } from '../../scenario/index.ts';
import { ScormConnection } from './ScormConnection.ts';
import { type FrameLike, findScormApi } from './scormApi.ts';

/** What the game is playing, as the LMS layer needs it. */
export interface TrackRequest {
  readonly scenario: Scenario;
  readonly model: Model;
  readonly catalogue: Catalogue;
  readonly mode: LmsMode;
  /** "Say it your way": what the learner typed before reply `at` (0-based), if they did (the run's record). */
  readonly said?: (at: number) => TrackedSaid | undefined;
}

/** One reply's "say it your way" entry, as the run keeps it (progress `Said`). */
export interface TrackedSaid {
  readonly text: string;
  /** `check`: how sure the reader was; none (a record from before it) counts as "tutor to check". */
  readonly acts: readonly { readonly act: string; readonly check?: 'sure' | 'tutor' | undefined }[];
  readonly picked: string;
}

/** A learner's run as the bridge follows it (the game's `LearnerRun`). */
export interface FollowedRun {
  /** The run's reply-order seed, saved with it. */
  readonly seed: number;
  view(): ConversationView;
  subscribe(listener: (change: { readonly view: ConversationView }) => void): () => void;
}

/** Where the bridge keeps what the LRS already holds when no SCORM LMS does (localStorage in the browser). */
export interface HeldStore {
  load(): string | null;
  save(text: string): void;
}

/** Runs a piece of LMS work later (or now). */
export type Defer = (run: () => void) => void;

/** The role-play a single-scenario package opens (its launch parameters). */
export interface PackagedRun {
  readonly scenarioId: string;
  readonly modelId: string;
  readonly mode: LmsMode;
}

/** One change of a tracked run, as an observer reports it. */
export interface RunChange {
  /** The first transcript entry not yet recorded: the ones before it the LMS or LRS already holds. */
  readonly fromEntry: number;
  /** When each transcript entry was chosen (replayed entries: when they were replayed). */
  readonly answeredAt: readonly Date[];
  /** When this change happened (ms since the epoch). */
  readonly at: number;
}

/**
 * Something else that wants each view of a tracked run (the xAPI reporter). Not the game's `RunObserver` (run/): this one hears the bridge's tracked run, replayed to it when it joins late.
 * An observer that joins late (its LRS set-up finished after the role-play
 * started) is told everything it missed, in order, with the original times.
 */
export interface TrackedRunListener {
  started(request: TrackRequest, at: number): void;
  changed(view: ConversationView, request: TrackRequest, change: RunChange): void;
}

const GRADED_12: ReadonlySet<string> = new Set(['passed', 'failed', 'completed']);
const STATUS_ELEMENTS =
  /^cmi\.(core\.lesson_status|core\.score\.|completion_status|success_status|score\.|core\.exit|exit)/;

/**
 * The game's side of SCORM: finds the LMS, reports each tracked run as it goes
 * (interactions as replies are chosen, pass/fail and score when it ends),
 * keeps suspend data so the learner can resume, and closes the session when
 * the page goes. Without an LMS every method does nothing.
 */
export class LmsBridge {
  private readonly startedAt: number;
  private interactionBase = 0;
  private interactionsWritten = 0;
  /** The LMS already holds a final status: an unfinished or practice run never overwrites it. */
  private finalised = false;
  private saved: ResumableRun | null = null;
  /** The interactions the LMS held at launch, to tell which saved replies it already has. */
  private launchInteractions: LaunchInteractions | null = null;
  /** The replies the LMS (or LRS) already holds: never recorded again (see `recordStep`). */
  private held: HeldReplies | null = null;
  /** Every call observers have had, for an observer that joins late. */
  private readonly told: ((observer: TrackedRunListener) => void)[] = [];
  private current: { view: ConversationView; request: TrackRequest } | null = null;
  private readonly observers: TrackedRunListener[] = [];
  private packaged: PackagedRun | null = null;

  /** LMS calls waiting to run, in order (see `later`). */
  private readonly pending: (() => void)[] = [];
  private flushScheduled = false;

  private constructor(
    private readonly scorm: ScormConnection | null,
    private readonly now: () => number,
    private readonly defer: Defer,
    private readonly heldStore: HeldStore | null,
  ) {
    this.startedAt = now();
  }

  /**
   * Connects to the LMS that launched this page, if any. Never throws.
   * `defer` runs the LMS calls for a change; the game passes a zero-delay
   * timer so the screen updates before a slow (synchronous) LMS commit.
   */
  static connect(
    win: FrameLike,
    now: () => number = Date.now,
    defer: Defer = (run) => run(),
    heldStore: HeldStore | null = null,
  ): LmsBridge {
    const found = findScormApi(win);
    const scorm = found === null ? null : new ScormConnection(found);
    const bridge = new LmsBridge(scorm?.initialize() === true ? scorm : null, now, defer, heldStore);
    bridge.readLaunch();
    return bridge;
  }

  /** A bridge with no LMS (plain web, tests); `heldStore` stands in for the LRS's memory across reloads. */
  static none(heldStore: HeldStore | null = null): LmsBridge {
    const bridge = new LmsBridge(null, Date.now, (run) => run(), heldStore);
    bridge.readLaunch();
    return bridge;
  }

  get connected(): boolean {
    return this.scorm !== null;
  }

  /** The SCORM connection, for tests and diagnostics. */
  get connection(): ScormConnection | null {
    return this.scorm;
  }

  /** The run saved in suspend data at launch, if it decoded. */
  get savedRun(): ResumableRun | null {
    return this.saved;
  }

  /**
   * Reports only this scenario, model and mode (a single-scenario package):
   * other role-plays the learner opens from the menu are not the graded one.
   */
  only(packaged: PackagedRun): void {
    this.packaged = packaged;
  }

  private accepts(request: TrackRequest): boolean {
    const packaged = this.packaged;
    return (
      packaged === null ||
      (packaged.scenarioId === request.scenario.id &&
        packaged.modelId === request.model.id &&
        packaged.mode === request.mode)
    );
  }

  /** Adds an observer, and tells it at once whatever it missed (see `TrackedRunListener`). */
  observe(observer: TrackedRunListener): void {
    this.observers.push(observer);
    for (const call of this.told) safely(() => call(observer));
  }

  private tell(call: (observer: TrackedRunListener) => void): void {
    this.told.push(call);
    for (const observer of this.observers) safely(() => call(observer));
  }

  /**
   * The run saved in suspend data, offered once (the first role-play of the
   * page asks): its replies and seed when it is this role-play, unfinished
   * and still replays, else null. Either way the bridge learns which of its
   * replies the LMS already holds, so a "try again from here" that replays
   * part of a finished run does not record it again.
   */
  offer(request: TrackRequest): { readonly choices: readonly string[]; readonly seed: number } | null {
    const saved = this.saved;
    this.saved = null;
    if (saved === null || saved.model !== request.model.id || saved.mode !== request.mode) return null;
    const resumed = resumeChoices(request.scenario, saved);
    if (!resumed.ok || this.launchInteractions === null) return null;
    this.held = heldAtLaunch(saved, resumed.choiceIds, this.launchInteractions);
    return resumed.ended ? null : { choices: resumed.choiceIds, seed: saved.seed };
  }

  /**
   * Follows a learner's run from its first view and reports every change. The
   * replies in that first view were replayed into it (this LMS's run, saved
   * progress, "try again from here"): those the LMS already holds are not
   * recorded again; every reply after it is the learner's and is recorded
   * once. The run's reply-order seed is saved with it, so a resume shows the
   * replies in the order the learner saw. Returns a function that stops following.
   */
  follow(run: FollowedRun, request: TrackRequest): () => void {
    if (!this.accepts(request)) return () => undefined;
    const startedAt = this.now();
    this.tell((observer) => observer.started(request, startedAt));
    const answeredAt: Date[] = [];
    let previous: string[] = [];
    let replaying = true;
    const key = (): RunKey => ({
      scenario: request.scenario.id,
      model: request.model.id,
      mode: request.mode,
      seed: run.seed,
    });
    const onView = (view: ConversationView): void => {
      const at = this.now();
      answeredAt.length = Math.min(answeredAt.length, view.transcript.length);
      while (answeredAt.length < view.transcript.length) answeredAt.push(new Date(at));
      const ids = view.transcript.map((entry) => entry.choice.id);
      const step = recordStep(this.held, key(), previous, ids, replaying);
      replaying = false;
      previous = ids;
      this.keepHeld(step.held);
      this.current = { view, request };
      const change = { fromEntry: step.fromEntry, answeredAt: [...answeredAt], at };
      const seed = run.seed;
      this.later(() => {
        this.write(view, request, change.fromEntry, change.answeredAt, seed);
        this.tell((observer) => observer.changed(view, request, change));
      });
    };
    let last = run.view();
    const unsubscribe = run.subscribe(({ view }) => {
      // A hint changes the run but not its replies: nothing to report.
      if (view === last) return;
      last = view;
      onView(view);
    });
    onView(last);
    return unsubscribe;
  }

  /** Ends the LMS session: session time, exit (suspend while a run is unfinished), terminate. */
  finish(): void {
    this.flush();
    const scorm = this.scorm;
    if (scorm === null || !scorm.open) return;
    const seconds = (this.now() - this.startedAt) / 1000;
    const unfinished = this.current !== null && this.current.view.ending === null;
    const values: CmiValue[] =
      scorm.version === '1.2'
        ? [
            ['cmi.core.session_time', scorm12Timespan(seconds)],
            ['cmi.core.exit', unfinished ? 'suspend' : ''],
          ]
        : [
            ['cmi.session_time', isoDuration(seconds)],
            ['cmi.exit', unfinished ? 'suspend' : 'normal'],
          ];
    scorm.setAll(values);
    scorm.commit();
    scorm.terminate();
  }

  /** Queues LMS work behind the game's own; it runs in order, and all of it before `finish`. */
  private later(run: () => void): void {
    this.pending.push(run);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    this.defer(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    for (const run of this.pending.splice(0)) safely(run);
  }

  private readLaunch(): void {
    const scorm = this.scorm;
    if (scorm === null) {
      this.held = decodeHeld(safe(() => this.heldStore?.load() ?? null));
      return;
    }
    this.saved = decodeSuspendData(scorm.get('cmi.suspend_data'));
    this.interactionBase = Number.parseInt(scorm.get('cmi.interactions._count'), 10) || 0;
    // 2004's interaction ids can be read back; 1.2's are write-only (reading them is an error), so only its count.
    const ids =
      scorm.version === '2004'
        ? Array.from({ length: Math.min(this.interactionBase, MAX_READ_BACK) }, (_, n) =>
            scorm.get(`cmi.interactions.${n}.id`),
          )
        : null;
    this.launchInteractions = { version: scorm.version, count: this.interactionBase, ids };
    this.finalised =
      scorm.version === '1.2'
        ? GRADED_12.has(scorm.get('cmi.core.lesson_status'))
        : scorm.get('cmi.completion_status') === 'completed';
  }

  /** What the LMS holds now: kept in the bridge, and in the browser's storage when no SCORM LMS keeps it. */
  private keepHeld(held: HeldReplies | null): void {
    this.held = held;
    if (this.scorm === null) safely(() => this.heldStore?.save(encodeHeld(held)));
  }

  private write(
    view: ConversationView,
    request: TrackRequest,
    fromEntry: number,
    answeredAt: readonly Date[],
    seed: number,
  ): void {
    const scorm = this.scorm;
    if (scorm === null || !scorm.open) return;
    const report = createLmsReport({
      view,
      model: request.model,
      catalogue: request.catalogue,
      mode: request.mode,
      sessionSeconds: (this.now() - this.startedAt) / 1000,
      answeredAt,
    });
    const limit = scorm.version === '1.2' ? SUSPEND_LIMIT_12 : SCORM2004_LIMITS.suspendData;
    const encoded = encodeSuspendData(
      {
        scenario: request.scenario.id,
        fingerprint: runShapeFingerprint(request.scenario),
        model: request.model.id,
        mode: request.mode,
        replies: repliesOf(view.run.choices),
        seed,
      },
      limit,
    );
    const options = {
      interactionIndex: this.interactionBase + this.interactionsWritten,
      fromEntry,
      suspendData: encoded?.text ?? '',
    };
    let values = scorm.version === '1.2' ? scorm12Values(report, options) : scorm2004Values(report, options);
    // Never downgrade what the LMS holds: a graded result always writes; an
    // ungraded one (practice, or a run still going) writes status only until
    // something final is there.
    const graded = lmsOutcome(report.score, request.mode).percent !== null;
    if (!graded && this.finalised) values = values.filter(([element]) => !STATUS_ELEMENTS.test(element));
    if (graded || view.ending !== null) this.finalised = true;
    scorm.setAll(values);
    this.interactionsWritten += Math.max(0, view.transcript.length - fromEntry);
    scorm.commit();
  }
}

/** The most interaction ids read back at launch (a run is a few dozen replies; an LMS may hold several runs). */
const MAX_READ_BACK = 1000;

function safe<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

function safely(run: () => void): void {
  try {
    run();
  } catch {
    // An observer's fault (say, an LRS client) must never stop play.
  }
}
