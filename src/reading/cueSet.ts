import type { Pattern } from './patterns.ts';

/** How far a reading of one act may be trusted: `tutor` means "tutor to check", never a fault against the learner. */
export type Confidence = 'sure' | 'tutor';

/** The cues for one act, compiled. */
export interface ActCues {
  readonly act: string;
  /** Any of these found in a reply performs the act... */
  readonly match: readonly Pattern[];
  /** ...unless one of these covers the same words ("sorry but that's policy" is no apology). */
  readonly unless: readonly Pattern[];
  /** Whether a negator just before the cue, in its clause, cancels it ("it's not your fault"). */
  readonly negation: boolean;
  readonly confidence: Confidence;
}

/**
 * "Sorry, but that's policy": an apology or empathy that a turn ("but",
 * "however", "I'm afraid") and a refusal ("can't", "policy", "not able")
 * follow or surround, in its sentence or the next, is the cushion of a refusal,
 * not an apology or empathy.
 */
export interface Refusal {
  readonly turn: readonly Pattern[];
  readonly refuse: readonly Pattern[];
  /**
   * Refusals plain enough to need no turn: one in the cue's sentence cancels
   * it ("Sorry, rules are rules"; "I'm sorry, it's a security rule").
   */
  readonly firm: readonly Pattern[];
  /** The acts it cancels, in the cue file's order. */
  readonly cancels: readonly string[];
}

/** Everything the analyser reads a reply with: models/cues.yaml, plus a scenario's own cues. */
export interface CueSet {
  /** Respellings applied to replies and cues alike ("u" → "you", "dont" → "do not"). */
  readonly spellings: ReadonlyMap<string, string>;
  /** Words that cancel a cue when they come just before it in its clause. */
  readonly negators: ReadonlySet<string>;
  /** Words that may come before an anchored (`^`) cue at the start of a clause ("ok", "so"). */
  readonly fillers: ReadonlySet<string>;
  /** How many words before a cue a negator reaches. */
  readonly negationReach: number;
  /** Absent: no act is cancelled by a refusal near it. */
  readonly refusal?: Refusal;
  /** In the order of the cue file: the order acts are reported in. */
  readonly acts: ReadonlyMap<string, ActCues>;
}

/** The confidence of each act the cue set detects, for the UI ("tutor to check"). */
export function actConfidence(cues: CueSet): ReadonlyMap<string, Confidence> {
  return new Map([...cues.acts.values()].map((a) => [a.act, a.confidence]));
}

/** The acts a cue set tries to detect: an act outside it is simply never reported. */
export function detectedActs(cues: CueSet): string[] {
  return [...cues.acts.keys()];
}
