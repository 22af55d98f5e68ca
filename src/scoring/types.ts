import type { Outcome } from '../scenario/index.ts';

export type Band = 'Distinction' | 'Merit' | 'Pass' | 'Not yet achieved';
export type NpsCategory = 'promoter' | 'passive' | 'detractor';

/**
 * A limit of scoring v2: a reason the band is at most Pass (`missed-step`,
 * `missed-essential`, `outcome`), Merit (`fault`) or Not yet achieved
 * (`critical-fault`), whatever the percent.
 */
export type LimitId = 'missed-step' | 'missed-essential' | 'outcome' | 'fault' | 'critical-fault';

/** One model step of a scored run; field for field the contract's `steps[]`. */
export interface StepScore {
  readonly id: string;
  readonly name: string;
  readonly performed: number;
  readonly first: number | null;
  readonly inOrder: boolean;
  readonly marks: number;
  readonly max: number;
}

export interface FaultScore {
  readonly act: string;
  readonly choice: string;
  readonly penalty: number;
}

export interface MarkingResult {
  readonly id: string;
  readonly text: string;
  readonly essential: boolean;
  readonly met: boolean;
}

/**
 * A run scored against one model: exactly the object `sim play --json` prints
 * (see ../shared/spec/scoring.md). Keep extra explanation out of it; derive it
 * with the explain functions instead, so the JSON stays the contract.
 */
export interface RunScore {
  readonly scenario: string;
  readonly model: string;
  readonly path: readonly string[];
  readonly choices: readonly string[];
  /** The ending reached, and the scenario's best outcome (null while the run is going). */
  readonly ending: { readonly node: string; readonly outcome: Outcome; readonly best: Outcome } | null;
  readonly steps: readonly StepScore[];
  readonly faults: readonly FaultScore[];
  readonly score: {
    readonly marks: number;
    readonly max: number;
    readonly percent: number;
    readonly band: Band;
    /** Every limit that holds, in the contract's order, whether or not it lowered the band. */
    readonly limits: readonly LimitId[];
  };
  readonly mood: { readonly start: number; readonly end: number };
  readonly kpis: {
    readonly csat: number;
    readonly npsScore: number;
    readonly nps: NpsCategory;
    readonly fcr: boolean;
  };
  readonly marking: readonly MarkingResult[];
}
