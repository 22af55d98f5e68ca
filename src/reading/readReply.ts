import type { ActCues, Confidence, CueSet } from './cueSet.ts';
import { findMatches } from './patterns.ts';
import { type Token, tokenise } from './tokens.ts';

/** One act found in a reply, with the learner's own words that perform it. */
export interface FoundAct {
  readonly act: string;
  /** The words as the learner typed them: `text.slice(start, end)`. */
  readonly evidence: string;
  readonly start: number;
  readonly end: number;
  /** `tutor`: this act's cues are not precise enough to count against a learner: "tutor to check". */
  readonly confidence: Confidence;
}

export interface Reading {
  readonly acts: readonly FoundAct[];
}

/**
 * Reads a reply into acts. Pure and deterministic: the same words and cues
 * always give the same reading. Each act is reported once, at its first cue
 * that is neither negated nor covered by one of its `unless` patterns, in the
 * order of the cue file.
 */
export function readReply(text: string, cues: CueSet): Reading {
  const tokens = tokenise(text, cues.spellings);
  const acts: FoundAct[] = [];
  for (const act of cues.acts.values()) {
    const span = firstSpan(act, tokens, cues);
    if (span === undefined) continue;
    const start = tokens[span[0]]?.start ?? 0;
    const end = tokens[span[1]]?.end ?? start;
    acts.push({ act: act.act, evidence: text.slice(start, end), start, end, confidence: act.confidence });
  }
  return { acts };
}

function firstSpan(act: ActCues, tokens: readonly Token[], cues: CueSet): [number, number] | undefined {
  const blocked = act.unless.flatMap((pattern) => findMatches(pattern, tokens, cues.fillers));
  let best: [number, number] | undefined;
  for (const pattern of act.match) {
    for (const span of findMatches(pattern, tokens, cues.fillers)) {
      if (best !== undefined && span[0] >= best[0]) break;
      if (blocked.some(([a, b]) => a <= span[1] && span[0] <= b)) continue;
      if (act.negation && negated(tokens, span[0], cues)) continue;
      best = span;
      break;
    }
  }
  return best;
}

/** A negator among the few words before the cue, in the same clause. */
function negated(tokens: readonly Token[], first: number, cues: CueSet): boolean {
  const clause = tokens[first]?.clause;
  for (let i = first - 1; i >= 0 && i >= first - cues.negationReach; i--) {
    const token = tokens[i];
    if (token === undefined || token.clause !== clause) return false;
    if (cues.negators.has(token.norm)) return true;
  }
  return false;
}
