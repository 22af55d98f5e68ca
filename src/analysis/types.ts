import type { Outcome } from '../scenario/index.ts';
import type { Band, LimitId } from '../scoring/index.ts';

/** How far `analyseScenario` may search. Every field has a default. */
export interface AnalysisOptions {
  /** Model ids to analyse; default every model of the catalogue, in its order. */
  readonly models?: readonly string[];
  /** Times one node may be visited in a single run (loops are cut beyond it). Default 2. */
  readonly visitsPerNode?: number;
  /** Complete runs to explore before stopping. Default 200,000. */
  readonly maxRuns?: number;
  /** Replies to follow, over the whole search, before stopping. Default 5,000,000. */
  readonly maxSteps?: number;
}

/** One complete run, as `sim play --choices` would take it. */
export interface RunSummary {
  /** 1-based offered positions, node by node. */
  readonly positions: readonly number[];
  readonly choices: readonly string[];
  readonly path: readonly string[];
  readonly ending: { readonly node: string; readonly outcome: Outcome };
  readonly marks: number;
  readonly percent: number;
  readonly band: Band;
  /** The limits of scoring v2 that hold for this run, in the contract's order. */
  readonly limits: readonly LimitId[];
}

export interface ScoreBound {
  readonly percent: number;
  readonly band: Band;
}

/** The score range of the runs that finish at one ending node. */
export interface EndingRange {
  readonly node: string;
  readonly outcome: Outcome;
  readonly runs: number;
  readonly min: ScoreBound;
  readonly max: ScoreBound;
}

export interface ModelAnalysis {
  readonly model: string;
  /** Distinct complete runs explored (the same for every model). */
  readonly runs: number;
  /** Highest band, then highest percent; the first found on a tie. */
  readonly best: RunSummary | null;
  /** Lowest band, then lowest percent; the first found on a tie. */
  readonly worst: RunSummary | null;
  /** Outcomes some explored run reaches, in the format's order. */
  readonly outcomes: readonly Outcome[];
  /** Per ending node reached, in file order. */
  readonly endings: readonly EndingRange[];
  readonly distinctionReachable: boolean;
}

/** Why the search stopped early, if it did. */
export type Truncation = 'none' | 'max-runs' | 'max-steps';

export interface ScenarioAnalysis {
  readonly scenario: string;
  readonly bounds: { readonly visitsPerNode: number; readonly maxRuns: number; readonly maxSteps: number };
  /** True when every run within the loop bound was explored. */
  readonly exhaustive: boolean;
  readonly truncated: Truncation;
  readonly explored: {
    readonly completeRuns: number;
    /** Runs that reached a node offering no reply (every `if` failed). */
    readonly stuckRuns: number;
    /** Runs abandoned because a reply would visit a node more than `visitsPerNode` times. */
    readonly loopCutRuns: number;
    readonly steps: number;
  };
  /** One sentence stating the bounds and whether they cut the search. */
  readonly note: string;
  readonly models: readonly ModelAnalysis[];
}
