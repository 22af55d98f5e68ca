import type { ConversationSession, ConversationView } from '../../engine/index.ts';
import {
  type CmiValue,
  createLmsReport,
  decodeSuspendData,
  encodeSuspendData,
  isoDuration,
  type LmsMode,
  lmsOutcome,
  type ResumableRun,
  repliesOf,
  resumeChoices,
  SCORM2004_LIMITS,
  SUSPEND_LIMIT_12,
  scenarioFingerprint,
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
}

/** The run's reply-order seed as the LMS needs it: read to save, replaced when a saved run is resumed. */
export interface SeedHolder {
  readonly value: number;
  use(seed: number): void;
}

/** Runs a piece of LMS work later (or now). */
export type Defer = (run: () => void) => void;

/** The role-play a single-scenario package opens (its launch parameters). */
export interface PackagedRun {
  readonly scenarioId: string;
  readonly modelId: string;
  readonly mode: LmsMode;
}

/** Something else that wants each view of a tracked run (the xAPI reporter). */
export interface RunObserver {
  started(request: TrackRequest): void;
  changed(view: ConversationView, request: TrackRequest): void;
}

const GRADED_12 = new Set(['passed', 'failed', 'completed']);
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
  private current: { view: ConversationView; request: TrackRequest } | null = null;
  private readonly observers: RunObserver[] = [];
  private packaged: PackagedRun | null = null;

  /** LMS calls waiting to run, in order (see `later`). */
  private readonly pending: (() => void)[] = [];
  private flushScheduled = false;

  private constructor(
    private readonly scorm: ScormConnection | null,
    private readonly now: () => number,
    private readonly defer: Defer,
  ) {
    this.startedAt = now();
  }

  /**
   * Connects to the LMS that launched this page, if any. Never throws.
   * `defer` runs the LMS calls for a change; the game passes a zero-delay
   * timer so the screen updates before a slow (synchronous) LMS commit.
   */
  static connect(win: FrameLike, now: () => number = Date.now, defer: Defer = (run) => run()): LmsBridge {
    const found = findScormApi(win);
    const scorm = found === null ? null : new ScormConnection(found);
    const bridge = new LmsBridge(scorm?.initialize() === true ? scorm : null, now, defer);
    bridge.readLaunch();
    return bridge;
  }

  /** A bridge with no LMS (plain web, tests). */
  static none(): LmsBridge {
    return new LmsBridge(null, Date.now, (run) => run());
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

  observe(observer: RunObserver): void {
    this.observers.push(observer);
  }

  /**
   * Follows a session the game has just created: first replays the saved run
   * when it is this scenario, model and mode (and still replays), then reports
   * every change. The run's reply-order seed is saved with it and restored on
   * resume, so the replies come back in the order the learner saw. Returns a
   * function that stops following.
   */
  track(session: ConversationSession, request: TrackRequest, seed: SeedHolder): () => void {
    if (!this.accepts(request)) return () => undefined;
    this.resumeInto(session, request, seed);
    for (const observer of this.observers) safely(() => observer.started(request));
    const answeredAt: Date[] = [];
    let written: string[] = [];
    const onView = (view: ConversationView): void => {
      answeredAt.length = Math.min(answeredAt.length, view.transcript.length);
      while (answeredAt.length < view.transcript.length) answeredAt.push(new Date(this.now()));
      const ids = view.transcript.map((entry) => entry.choice.id);
      let fromEntry = 0;
      while (fromEntry < written.length && written[fromEntry] === ids[fromEntry]) fromEntry += 1;
      this.current = { view, request };
      written = ids;
      const times = [...answeredAt];
      this.later(() => {
        this.write(view, request, fromEntry, times, seed.value);
        for (const observer of this.observers) safely(() => observer.changed(view, request));
      });
    };
    const unsubscribe = session.subscribe(onView);
    onView(session.view());
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
    if (scorm === null) return;
    this.saved = decodeSuspendData(scorm.get('cmi.suspend_data'));
    this.interactionBase = Number.parseInt(scorm.get('cmi.interactions._count'), 10) || 0;
    this.finalised =
      scorm.version === '1.2'
        ? GRADED_12.has(scorm.get('cmi.core.lesson_status'))
        : scorm.get('cmi.completion_status') === 'completed';
  }

  private resumeInto(session: ConversationSession, request: TrackRequest, seed: SeedHolder): void {
    const saved = this.saved;
    this.saved = null;
    if (saved === null || saved.model !== request.model.id || saved.mode !== request.mode) return;
    // Something else (the learner's local progress) already resumed this session: leave it be.
    if (session.view().transcript.length > 0) return;
    const resumed = resumeChoices(request.scenario, saved);
    if (!resumed.ok || resumed.ended) return;
    seed.use(saved.seed);
    try {
      for (const id of resumed.choiceIds) session.choose(id);
    } catch {
      // resumeChoices replayed these on its own session; should the game's differ, play on from where it got to.
    }
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
        fingerprint: scenarioFingerprint(request.scenario),
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

function safely(run: () => void): void {
  try {
    run();
  } catch {
    // An observer's fault (say, an LRS client) must never stop play.
  }
}
