import { compileConversation } from '../../engine/index.ts';
import { type SavedRun, scenarioFingerprint, startRun } from '../../progress/index.ts';
import type { Scenario } from '../../scenario/index.ts';
import type { Library } from '../library/Library.ts';
import type { RoleplayRequest } from '../run/RoleplayRequest.ts';
import { chooseStart, type ResumeOffer, type StartDecision } from './chooseStart.ts';
import { LearnerRun, type RunParts, type RunSource } from './LearnerRun.ts';
import type { FinishedRun, RunObserver } from './RunObserver.ts';

/** What `prepare` read ahead for a start: the saved run, once it is in (undefined until then). */
interface Prepared {
  readonly request: RoleplayRequest;
  local: SavedRun | null | undefined;
}

/** Where a run starts: the run to continue or begin, and where it came from. */
interface StartFrom {
  readonly saved: SavedRun;
  readonly source: RunSource;
}

/** The LMS's side of the decision: its saved run of this role-play, asked once per page (see `LmsBridge.offer`). */
export interface LmsResume {
  offer(request: RoleplayRequest, scenario: Scenario): ResumeOffer | null;
}

/** What the learner is asked, in their own words (the role-play's dialogs). */
export interface RunPrompts {
  /** "Carry on where you left off?" — true to resume. */
  resume(scenario: Scenario, replies: number): Promise<boolean>;
  /** A saved run that no longer replays: says why; the learner starts afresh. */
  stale(message: string): Promise<void>;
}

export interface RunServiceParts {
  /** The library now (read at each start: a tutor's draft in the editor is played through the same service). */
  readonly library: () => Pick<Library, 'scenario' | 'model' | 'catalogue'>;
  /** The run this browser has saved (null when none, or when saved progress cannot be read). */
  readonly localRun: () => Promise<SavedRun | null>;
  readonly prompts: RunPrompts;
  readonly newId: () => string;
  readonly newSeed: () => number;
  readonly now: () => string;
}

/** A finished run's route, for the map's highlighted path and the tutor hub. */
export interface RunPath {
  readonly path: readonly string[];
  readonly choices: readonly string[];
}

/**
 * The page's one owner of learners' runs (made once in main.ts): it decides
 * once where each run starts (see `chooseStart`), makes the `LearnerRun`,
 * tells every registered observer about it, and remembers the run on screen
 * and each scenario's last finished run for the tutor tools.
 */
export class RunService {
  private readonly observers: RunObserver[] = [];
  private lms: LmsResume | null = null;
  private live: LearnerRun | null = null;
  private readonly finishedRuns = new Map<string, RunPath>();
  private prepared: Prepared | null = null;

  constructor(private readonly parts: RunServiceParts) {}

  observe(observer: RunObserver): () => void {
    this.observers.push(observer);
    return () => {
      const at = this.observers.indexOf(observer);
      if (at >= 0) this.observers.splice(at, 1);
    };
  }

  /** The LMS that launched the page (once it is connected): its suspend data is a place a run resumes from. */
  resumeFrom(lms: LmsResume | null): void {
    this.lms = lms;
  }

  /** The run on screen, if any. */
  get current(): LearnerRun | null {
    return this.live;
  }

  /** A scenario's last finished run in this page. */
  lastFinished(scenarioId: string): RunPath | undefined {
    return this.finishedRuns.get(scenarioId);
  }

  /**
   * Works out now what starting `request` would first compute (the scenario's machine and
   * fingerprint) and reads the saved run it would ask for, so the start itself is quicker and,
   * once that reading is in, needs no waiting (see `begin`): the page calls it for a deep link
   * while Phaser boots and waits for its first textures, time the page's one thread is otherwise
   * idle.
   */
  prepare(request: RoleplayRequest): void {
    const scenario = this.parts.library().scenario(request.scenarioId);
    if (scenario === undefined) return;
    compileConversation(scenario);
    scenarioFingerprint(scenario);
    const prepared: Prepared = { request, local: undefined };
    this.prepared = prepared;
    this.parts.localRun().then(
      (local) => {
        prepared.local = local;
      },
      () => {
        prepared.local = null;
      },
    );
  }

  /**
   * Starts the run `request` asks for: null when its scenario or model is not
   * in the library. The caller (the role-play scene) closes it when done.
   */
  start(request: RoleplayRequest): Promise<LearnerRun | null> {
    const begun = this.begin(request);
    return 'later' in begun ? begun.later : Promise.resolve(begun.run);
  }

  /**
   * `start`, but at once when nothing has to be waited for: the saved run was
   * read by `prepare` and the decision needs no question to the learner. A deep
   * link's first turn is then drawn in the scene's `create`, before Phaser goes
   * on to draw its frame, not after a promise that settles once that frame is
   * done (issue 18, docs/benchmarks.md "The first reply").
   * Otherwise `later` is what `start` would have returned.
   */
  begin(
    request: RoleplayRequest,
  ): { readonly run: LearnerRun | null } | { readonly later: Promise<LearnerRun | null> } {
    const prepared = this.prepared;
    // Used once, by the start it was made for: any later start reads saved progress afresh.
    this.prepared = null;
    const library = this.parts.library();
    const scenario = library.scenario(request.scenarioId);
    const model = library.model(request.modelId);
    if (scenario === undefined || model === undefined) return { run: null };
    // Asked first and once, so the LMS learns which replies it holds whatever is chosen.
    const lms = this.safely(() => this.lms?.offer(request, scenario) ?? null);
    const known = prepared?.request === request ? prepared.local : undefined;
    // Where the run starts, given the saved run: at once, or once the learner has been asked.
    const from = (local: SavedRun | null): StartFrom | Promise<StartFrom> => {
      const decision = chooseStart({ request, scenario, modelExists: true, lms, local });
      return this.startFrom(decision, request, scenario) ?? this.askFirst(decision, request, scenario);
    };
    const open = (at: StartFrom): LearnerRun =>
      this.open({ request, scenario, model, catalogue: library.catalogue, now: this.parts.now, ...at });
    if (known !== undefined) {
      const at = from(known);
      return at instanceof Promise ? { later: at.then(open) } : { run: open(at) };
    }
    return {
      later: this.parts
        .localRun()
        .catch(() => null)
        .then(from)
        .then(open),
    };
  }

  /** Where a decision starts the run, when the learner need not be asked first (else null). */
  private startFrom(decision: StartDecision, request: RoleplayRequest, scenario: Scenario): StartFrom | null {
    switch (decision.kind) {
      case 'use':
        return { saved: this.continued(decision.run, scenario), source: decision.source };
      case 'lms':
        return {
          saved: {
            ...this.fresh(request, scenario),
            choices: [...decision.offer.choices],
            seed: decision.offer.seed,
          },
          source: 'lms',
        };
      case 'new':
        return { saved: this.fresh(request, scenario), source: 'new' };
      default:
        return null;
    }
  }

  /** A saved run to resume or one that no longer replays: the learner is asked or told first. */
  private async askFirst(
    decision: StartDecision,
    request: RoleplayRequest,
    scenario: Scenario,
  ): Promise<StartFrom> {
    const { prompts } = this.parts;
    if (decision.kind === 'ask' && (await prompts.resume(scenario, decision.run.choices.length)))
      return { saved: this.continued(decision.run, scenario), source: 'local' };
    if (decision.kind === 'stale') await prompts.stale(decision.message);
    return { saved: this.fresh(request, scenario), source: 'new' };
  }

  /** Makes the run and tells every observer. */
  private open(parts: RunParts): LearnerRun {
    const run = new LearnerRun(parts);
    this.live = run;
    for (const observer of [...this.observers]) this.safely(() => observer.started?.(run));
    run.subscribe((change) => {
      for (const observer of [...this.observers]) this.safely(() => observer.changed?.(change));
    });
    return run;
  }

  /** The role-play lets the run go (the scene shut down): observers are told, the session stops. */
  close(run: LearnerRun): void {
    if (this.live === run) this.live = null;
    if (run.closed) return;
    for (const observer of [...this.observers]) this.safely(() => observer.closed?.(run));
    run.dispose();
  }

  /** The debrief has the attempt: observers store and report it; resolves once they have. */
  async finish(finished: FinishedRun): Promise<void> {
    this.finishedRuns.set(finished.saved.scenarioId, {
      path: [...finished.view.path],
      choices: finished.view.transcript.map((entry) => entry.choice.id),
    });
    await Promise.all(
      this.observers.map(async (observer) => {
        try {
          await observer.finished?.(finished);
        } catch {
          // As everywhere: one observer's fault never stops the debrief.
        }
      }),
    );
  }

  /**
   * A saved or handed-over run, continued under a new id: two tabs that both
   * resume one saved run then keep two attempts, never one over the other.
   */
  private continued(run: SavedRun, scenario: Scenario): SavedRun {
    return { ...run, id: this.parts.newId(), fingerprint: scenarioFingerprint(scenario) };
  }

  /** A new run, with the address's fixed seed (`?seed=`) or a fresh one. */
  private fresh(request: RoleplayRequest, scenario: Scenario): SavedRun {
    const { newId, newSeed, now } = this.parts;
    return startRun(
      newId(),
      scenario,
      scenarioFingerprint(scenario),
      request.modelId,
      request.mode,
      now(),
      request.seed ?? newSeed(),
    );
  }

  private safely<T>(call: () => T): T | null {
    try {
      return call();
    } catch {
      return null;
    }
  }
}
