import { type Choice, detailKey, type ScenarioReading } from '../scenario/index.ts';
import type { ActCues, CueSet } from './cueSet.ts';
import { compilePattern } from './patterns.ts';
import { type FoundAct, type Reading, readReply } from './readReply.ts';

/**
 * A scenario's own cues (`reading:` in its file) on top of models/cues.yaml,
 * and the one act that needs the run so far: `disclose`. Reading out the
 * customer's address or number is a disclosure only while the run has not
 * checked who they are (`verify`); after that, repeating the address back to
 * them is good practice, not a breach.
 */

/** What the analyser needs to know about the run so far. */
export interface ReadContext {
  /** True once a reply the learner chose in this run performed `verify`. */
  readonly verified: boolean;
  /**
   * The customer's lines so far: a detail the customer has said themselves
   * ("it's 22 Ash Grove") is theirs to hear back, not a disclosure.
   */
  readonly heard?: readonly string[];
}

/** Before any reply: nobody has been verified yet (what `sim acts --scenario` reads with). */
export const NOT_VERIFIED: ReadContext = Object.freeze({ verified: false });

/** The context after the replies chosen so far, in order, and the customer's lines shown so far. */
export function readContext(
  chosen: readonly Pick<Choice, 'acts'>[],
  heard: readonly string[] = [],
): ReadContext {
  return {
    verified: chosen.some((choice) => choice.acts.some((credit) => credit.act === 'verify')),
    heard,
  };
}

const DISCLOSE = 'disclose';

/** One of the customer's details, ready to look for in a reply. */
interface Detail {
  /** Letters and digits only, lower case (`detailKey`). */
  readonly key: string;
  /**
   * `sure` when the detail has a digit in it (a phone, account or house
   * number, a postcode): those letters and digits in that order are the
   * customer's record, said. Words alone (a street, a bank) may be said for
   * another reason ("are you near Alder Road?"): "tutor to check".
   */
  readonly sure: boolean;
}

/** A cue set with a scenario's cues added, and the scenario's details for `disclose`. */
export interface ScenarioCues {
  readonly cues: CueSet;
  readonly details: readonly Detail[];
}

/**
 * The cue file's cues with the scenario's added. An act the cue file already
 * reads keeps its cues and gains the scenario's; a "not" cancels a cue if
 * either says it should, and the act is "tutor to check" if either says so
 * (a scenario can make a reading more careful, never surer). Acts only the
 * scenario reads come after the cue file's, in the scenario's order.
 */
export function scenarioCues(base: CueSet, reading: ScenarioReading | undefined): ScenarioCues {
  if (reading === undefined) return { cues: base, details: [] };
  const acts = new Map(base.acts);
  for (const extra of reading.acts) {
    const compile = (sources: readonly string[]) => sources.map((s) => compilePattern(s, base.spellings));
    const known = acts.get(extra.act);
    const added: ActCues = {
      act: extra.act,
      match: [...(known?.match ?? []), ...compile(extra.match)],
      unless: [...(known?.unless ?? []), ...compile(extra.unless)],
      negation: extra.negation || known?.negation === true,
      confidence: extra.tutorCheck || known?.confidence === 'tutor' ? 'tutor' : 'sure',
    };
    acts.set(extra.act, added);
  }
  return {
    cues: { ...base, acts },
    details: reading.disclose.map((detail) => ({ key: detailKey(detail), sure: /\p{N}/u.test(detail) })),
  };
}

/**
 * Reads a reply with a scenario's cues, in the run's context: the cue file's
 * reading, plus `disclose` where the reply states one of the customer's
 * details before the run has verified them (and the customer has not said
 * it themselves). A "not" does not cancel a
 * detail ("I can't read out 07700 900123" has read it out). Once verified,
 * `disclose` is never reported, from a detail or from a scenario's cue.
 */
export function readInScenario(text: string, cues: ScenarioCues, context: ReadContext): Reading {
  const read = readReply(text, cues.cues).acts;
  if (context.verified) return { acts: read.filter((a) => a.act !== DISCLOSE) };
  const heard = context.heard ?? [];
  const unheard = cues.details.filter((d) => !heard.some((line) => firstDetail(line, [d]) !== undefined));
  const stated = firstDetail(text, unheard);
  if (stated === undefined) return { acts: read };
  const cued = read.find((a) => a.act === DISCLOSE);
  if (cued !== undefined && cued.start <= stated.start) return { acts: read };
  return { acts: [...read.filter((a) => a.act !== DISCLOSE), stated] };
}

/** The first place the reply states one of the details, as whole words: "07700900123" and "07700 900 123" alike. */
function firstDetail(text: string, details: readonly Detail[]): FoundAct | undefined {
  if (details.length === 0) return undefined;
  // The reply's letters and digits, lower case, each with where it is in the text.
  let flat = '';
  const at: number[] = [];
  const ends: number[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]/gu)) {
    const lower = match[0].toLowerCase();
    // One entry per UTF-16 unit, as `indexOf` counts.
    for (let unit = 0; unit < lower.length; unit++) {
      at.push(match.index);
      ends.push(match.index + match[0].length);
    }
    flat += lower;
  }
  const alnum = (index: number) => /[\p{L}\p{N}]/u.test(text.charAt(index));
  let best: FoundAct | undefined;
  for (const detail of details) {
    for (let from = flat.indexOf(detail.key); from >= 0; from = flat.indexOf(detail.key, from + 1)) {
      const start = at[from] ?? 0;
      const end = ends[from + detail.key.length - 1] ?? start;
      // Whole words only: "114 Alder Road" does not state "14 Alder Road".
      if ((start > 0 && alnum(start - 1)) || alnum(end)) continue;
      if (best === undefined || start < best.start)
        best = {
          act: DISCLOSE,
          evidence: text.slice(start, end),
          start,
          end,
          confidence: detail.sure ? 'sure' : 'tutor',
        };
      break;
    }
  }
  return best;
}
