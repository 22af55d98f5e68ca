import { compileConversation } from '../../engine/index.ts';
import { type SavedRun, scenarioFingerprint, startRun } from '../../progress/index.ts';
import type { Scenario } from '../../scenario/index.ts';
import type { Library } from '../library/Library.ts';
import type { RoleplayRequest } from '../run/RoleplayRequest.ts';
import { chooseStart, type ResumeOffer } from './chooseStart.ts';
import { LearnerRun, type RunSource } from './LearnerRun.ts';
import type { FinishedRun, RunObserver } from './RunObserver.ts';

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
   * fingerprint), so the start itself is quicker: the page calls it for a deep link while Phaser
   * boots and waits for its first textures, time the page's one thread is otherwise idle.
   */
  prepare(request: RoleplayRequest): void {
    const scenario = this.parts.library().scenario(request.scenarioId);
    if (scenario === undefined) return;
    compileConversation(scenario);
    scenarioFingerprint(scenario);
  }

  /**
   * Starts the run `request` asks for: null when its scenario or model is not
   * in the library. The caller (the role-play scene) closes it when done.
   */
  async start(request: RoleplayRequest): Promise<LearnerRun | null> {
    const { prompts } = this.parts;
    const library = this.parts.library();
    const scenario = library.scenario(request.scenarioId);
    const model = library.model(request.modelId);
    if (scenario === undefined || model === undefined) return null;
    // Asked first and once, so the LMS learns which replies it holds whatever is chosen.
    const lms = this.safely(() => this.lms?.offer(request, scenario) ?? null);
    const local = await this.parts.localRun().catch(() => null);
    const decision = chooseStart({ request, scenario, modelExists: true, lms, local });
    let saved: SavedRun;
    let source: RunSource = 'new';
    switch (decision.kind) {
      case 'use':
        saved = this.continued(decision.run, scenario);
        source = decision.source;
        break;
      case 'lms':
        saved = {
          ...this.fresh(request, scenario),
          choices: [...decision.offer.choices],
          seed: decision.offer.seed,
        };
        source = 'lms';
        break;
      case 'ask':
        if (await prompts.resume(scenario, decision.run.choices.length)) {
          saved = this.continued(decision.run, scenario);
          source = 'local';
        } else saved = this.fresh(request, scenario);
        break;
      case 'stale':
        await prompts.stale(decision.message);
        saved = this.fresh(request, scenario);
        break;
      default:
        saved = this.fresh(request, scenario);
    }
    const run = new LearnerRun({
      request,
      scenario,
      model,
      catalogue: library.catalogue,
      saved,
      source,
      now: this.parts.now,
    });
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
