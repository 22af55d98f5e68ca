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

/**
 * Rules read at the level of clauses rather than phrases (the cue file's
 * `clauses:`), for what the phrase lists keep missing in new words.
 */
export interface Clauses {
  /** Words that open a contrast clause: "but", "however", "that said", "unfortunately". */
  readonly contrast: readonly Pattern[];
  /** Cushions besides the cushioned acts' own cues ("I hear you", "I appreciate that"). */
  readonly cushion: readonly Pattern[];
  /** The acts a countered cushion cancels, in the cue file's order. */
  readonly cushions: readonly string[];
  /**
   * Act → the signals of a counter-claim: in a contrast clause after a
   * cushion, one of them cancels the cushion and performs the act ("I
   * completely get that, but the joining fee isn't refundable" → dismiss).
   */
  readonly counter: ReadonlyMap<string, readonly Pattern[]>;
  /**
   * An offer after the cushion ("…, but I could do you a gift card instead")
   * makes the counter-claim no flat refusal: no act is read from it (the
   * cushion still goes).
   */
  readonly offer: readonly Pattern[];
  /** A sentence that opens with one of these asks, even without its "?" ("can i take the reg"). */
  readonly asks: readonly Pattern[];
  /** Before a statement cue in its sentence, one of these makes it no statement ("if you…", "so you're saying"). */
  readonly notStatement: readonly Pattern[];
  /**
   * Act → counter-claims that need no cushion: in a statement, with no offer
   * after them, they perform the act ("We won't be offering any money back";
   * "The landlord has to deal with repairs").
   */
  readonly flat: ReadonlyMap<string, readonly Pattern[]>;
  /** Act → cues that count only in a statement: not in a question, not after "if", not in a restatement. */
  readonly statement: ReadonlyMap<string, readonly Pattern[]>;
  /** Act → cues that count only in a question ("Is this Mr Okafor?"). */
  readonly asking: ReadonlyMap<string, readonly Pattern[]>;
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
  /** Absent: no clause-level rule. */
  readonly clauses?: Clauses;
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
