import type { Catalogue, Choice, Model, Outcome, Scenario } from '../scenario/index.ts';
import { type Band, orderScratch, scoreBuffer, scoreRow } from '../scoring/index.ts';
import { type CompiledScenario, compiledScenario } from './compileScenario.ts';
import {
  positionAt,
  replyAt,
  type SearchLimits,
  type SearchTotals,
  type WalkView,
  walkRuns,
} from './walkRuns.ts';

export type { SearchLimits, SearchTotals } from './walkRuns.ts';

/** A run's score against one model, as the analysis needs it. */
export interface QuickScore {
  readonly marks: number;
  readonly percent: number;
  readonly band: Band;
  /** The limits that hold, as scoring's mask (`limitIds` names them). */
  readonly limits: number;
}

/**
 * A complete run as the search reaches it. Its arrays are built when first
 * read and are valid during the callback only: copy them if you keep them.
 */
export interface FoundRun {
  readonly positions: readonly number[];
  readonly choices: readonly Choice[];
  readonly path: readonly string[];
  readonly ending: { readonly node: string; readonly outcome: Outcome };
  /** One per model, in the order the models were given. */
  readonly scores: readonly QuickScore[];
}

/** The run the visitor is on, with each field built on first read (most callers read one or two). */
class LazyRun implements FoundRun {
  #view: WalkView | null = null;
  #end = 0;
  #length = 0;
  #penalties = 0;
  #limits = 0;
  #positions: number[] | null = null;
  #choices: Choice[] | null = null;
  #path: string[] | null = null;
  #ending: FoundRun['ending'] | null = null;
  #scores: QuickScore[] | null = null;

  readonly #inOrder: Uint8Array;
  readonly #scratch: Int32Array;

  constructor(private readonly compiled: CompiledScenario) {
    const slots = compiled.stepBase[compiled.models.length] as number;
    this.#inOrder = new Uint8Array(slots);
    this.#scratch = orderScratch(Math.max(0, ...compiled.models.map((model) => model.steps.length)));
  }

  reset(view: WalkView, end: number, length: number, penalties: number, limits: number): this {
    this.#view = view;
    this.#end = end;
    this.#length = length;
    this.#penalties = penalties;
    this.#limits = limits;
    this.#positions = null;
    this.#choices = null;
    this.#path = null;
    this.#ending = null;
    this.#scores = null;
    return this;
  }

  get positions(): readonly number[] {
    this.#positions ??= positionsOf(this.#view, this.#length);
    return this.#positions;
  }

  get choices(): readonly Choice[] {
    this.#choices ??= choicesOf(this.compiled, this.#view, this.#length);
    return this.#choices;
  }

  get path(): readonly string[] {
    if (this.#path === null) {
      this.#path = pathOf(this.compiled, this.#view, this.#length);
      this.#path.push(this.compiled.nodeIds[this.#end] ?? '');
    }
    return this.#path;
  }

  get ending(): FoundRun['ending'] {
    this.#ending ??= endingOf(this.compiled, this.#end);
    return this.#ending;
  }

  get scores(): readonly QuickScore[] {
    if (this.#scores === null) {
      const view = this.#view;
      const { models, stepBase } = this.compiled;
      this.#scores = models.map((model, m) =>
        view === null
          ? scoreBuffer()
          : scoreRow(
              view.performed,
              view.positions,
              view.counts,
              view.stride,
              stepBase[m] as number,
              model.steps.length,
              this.#penalties,
              this.#limits,
              this.#inOrder,
              this.#scratch,
              scoreBuffer(),
            ),
      );
    }
    return this.#scores;
  }
}

/** The 1-based offered positions of the first `length` replies. */
export function positionsOf(view: WalkView | null, length: number): number[] {
  const positions: number[] = [];
  if (view !== null) for (let d = 1; d <= length; d++) positions.push(positionAt(view, d));
  return positions;
}

/** The replies taken, in run order. */
export function choicesOf(compiled: CompiledScenario, view: WalkView | null, length: number): Choice[] {
  const choices: Choice[] = [];
  if (view !== null)
    for (let d = 1; d <= length; d++) choices.push(compiled.replies[replyAt(view, d)] as Choice);
  return choices;
}

/** The ids of the nodes at depths 0 .. length − 1. */
export function pathOf(compiled: CompiledScenario, view: WalkView | null, length: number): string[] {
  const path: string[] = [];
  if (view !== null)
    for (let d = 0; d < length; d++) path.push(compiled.nodeIds[view.node[d] as number] ?? '');
  return path;
}

/** The ending node's id and outcome. */
export function endingOf(compiled: CompiledScenario, end: number): FoundRun['ending'] {
  return { node: compiled.nodeIds[end] ?? '', outcome: compiled.outcomes[end] ?? 'unresolved' };
}

/**
 * Depth-first search over every run of the scenario with a plain reducer (no
 * actor per step; see `walkRuns`), scoring with scoring's own rules. Nothing
 * is stored per run; the callback sees each complete run and may return true
 * to stop.
 */
export function searchRuns(
  scenario: Scenario,
  models: readonly Model[],
  catalogue: Catalogue,
  limits: SearchLimits,
  onRun: (run: FoundRun) => boolean | undefined,
  /** Told of each run that reaches a node offering no reply (every `if` failed), with the positions that got there. */
  onStuck?: (node: string, positions: readonly number[]) => void,
): SearchTotals {
  const compiled = compiledScenario(scenario, models, catalogue);
  const run = new LazyRun(compiled);
  return walkRuns(compiled, limits, {
    run: (view, end, length, penalties, limits) => onRun(run.reset(view, end, length, penalties, limits)),
    stuck: (view, node, length) => onStuck?.(compiled.nodeIds[node] ?? '', positionsOf(view, length)),
  });
}
