/**
 * The checked, normalised shapes the rest of the program works with.
 *
 * These are what a scenario file *means* once it has been validated, not how
 * it is written: `acts: [apologise]` and `acts: { apologise: 1 }` both become
 * one `ActCredit`, default choice ids are filled in, and every id-keyed
 * collection is a `Map` so that ids such as `__proto__` are plain data.
 * The file shapes themselves are described by `fileSchema.ts`.
 */

import type { CustomerLook, Pronouns } from './customerLook.ts';

export type { CustomerLook, Pronouns } from './customerLook.ts';

export const CHANNELS = ['face-to-face', 'phone', 'chat', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

export const OUTCOMES = ['resolved', 'escalated', 'unresolved', 'lost'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export type Difficulty = 1 | 2 | 3;

/** A position in a source file, 1-based, as editors show it. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/** One act a reply performs, with its credit in (0, 1]. */
export interface ActCredit {
  readonly act: string;
  readonly credit: number;
}

/** The `if:` of a choice: it is offered only when every present condition holds. */
export interface ChoiceCondition {
  readonly performed?: readonly string[];
  readonly notPerformed?: readonly string[];
  readonly moodAtLeast?: number;
  readonly moodBelow?: number;
}

export interface Choice {
  /** Stable id: the file's `id`, or `<node id>.<n>` counting the node's choices from 1. */
  readonly id: string;
  /** The node this choice belongs to. */
  readonly node: string;
  /** 1-based position among all the node's choices (before `if` filtering). */
  readonly index: number;
  readonly say: string;
  readonly to: string;
  readonly acts: readonly ActCredit[];
  /** Change to the customer's mood; 0 when the file gives none. */
  readonly mood: number;
  readonly feedback?: string;
  readonly if?: ChoiceCondition;
  readonly position: SourcePosition;
}

interface NodeBase {
  readonly id: string;
  /** What the customer says, one entry per line (a single string becomes one line). */
  readonly customer: readonly string[];
  readonly note?: string;
  readonly position: SourcePosition;
}

export interface ChoiceNode extends NodeBase {
  readonly kind: 'choices';
  readonly choices: readonly Choice[];
}

export interface EndNode extends NodeBase {
  readonly kind: 'end';
  readonly end: Outcome;
}

export type ScenarioNode = ChoiceNode | EndNode;

export interface Customer {
  readonly name: string;
  /** Starting mood, 0–100; 50 when the file gives none. */
  readonly mood: number;
  readonly avatar?: string;
  readonly about?: string;
  /** As written, or from the title (Mr, Mrs, Ms, Miss, Mx); absent when neither says. */
  readonly pronouns?: Pronouns;
  /** Features the file pins (`look:`); the art chooses the rest from the name. */
  readonly look?: CustomerLook;
}

/**
 * A scenario's own cues for "say it your way" (`reading:`, optional): kept as
 * the tutor wrote them, checked but not compiled (compiling needs the cue
 * file's spellings: src/reading/scenarioCues.ts does it with them).
 */
export interface ScenarioReading {
  /**
   * The customer's details (an address, a phone or account number) the
   * learner must not read out before checking who they are: stating one
   * before the run has performed `verify` reads as `disclose`.
   */
  readonly disclose: readonly string[];
  /** Extra cues per act, in file order, with the same meaning as in models/cues.yaml. */
  readonly acts: readonly ScenarioActCues[];
}

/** One act's extra cues in a scenario's `reading:`, as written. */
export interface ScenarioActCues {
  readonly act: string;
  readonly match: readonly string[];
  readonly unless: readonly string[];
  /** False when a "not" just before a cue should not cancel it. */
  readonly negation: boolean;
  /** True for `check: tutor`: shown as "tutor to check", never as a fault. */
  readonly tutorCheck: boolean;
}

export interface MarkingCondition {
  readonly acts: readonly string[];
  readonly choices: readonly string[];
}

export interface MarkingPoint {
  readonly id: string;
  readonly text: string;
  /** An assessor would not pass without it: a run that misses it is at most Pass (scoring v2). */
  readonly essential: boolean;
  readonly when?: MarkingCondition;
  readonly unless?: MarkingCondition;
}

export interface Scenario {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly channel: Channel;
  readonly setting?: string;
  readonly difficulty: Difficulty;
  readonly tags: readonly string[];
  /** Model ids the scenario was written for; every loaded model when the file gives none. */
  readonly models: readonly string[];
  /** True when the file listed `models:` itself (the warning about Distinction applies only then). */
  readonly modelsListed: boolean;
  readonly customer: Customer;
  readonly start: string;
  /** Nodes in file order. */
  readonly nodes: ReadonlyMap<string, ScenarioNode>;
  /** Every choice by id, in file order. */
  readonly choices: ReadonlyMap<string, Choice>;
  readonly marking: readonly MarkingPoint[];
  /** "Say it your way" cues for this scenario only; absent when the file has no `reading:`. */
  readonly reading?: ScenarioReading;
  /** Where the scenario came from (a path or a name), for messages. */
  readonly file: string;
}

/** One act of the catalogue (`models/acts.yaml`). */
export interface Act {
  readonly id: string;
  readonly name: string;
  readonly meaning: string;
  readonly fault: boolean;
  /** Marks a fault costs; 0 for a positive act. */
  readonly penalty: number;
  /** A critical fault makes the run Not yet achieved whatever its percent. */
  readonly critical: boolean;
  /** What a reply with this act did, completing "'<reply>' …" in the debrief's reasons. */
  readonly did: string;
}

export interface ModelStep {
  readonly id: string;
  readonly name: string;
  readonly acts: readonly string[];
  /** Past-tense phrase for order feedback: "You {later.past} before you {this.past}". */
  readonly past: string;
}

/** A complaint-handling model (`models/<id>.yaml`): ordered steps. */
export interface Model {
  readonly id: string;
  readonly name: string;
  readonly summary: string;
  readonly steps: readonly ModelStep[];
}

/** Acts and models as loaded from `models/`: what scenarios are checked and scored against. */
export interface Catalogue {
  readonly acts: ReadonlyMap<string, Act>;
  readonly models: ReadonlyMap<string, Model>;
}

export type Severity = 'error' | 'warning';

/** One authoring problem, as data. `line` and `column` are 1-based. */
export interface Diagnostic {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: Severity;
  /** Stable machine-readable code, e.g. `unknown-field`. */
  readonly code: string;
  readonly message: string;
}
