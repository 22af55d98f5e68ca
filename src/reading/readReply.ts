import type { ActCues, Confidence, CueSet } from './cueSet.ts';
import { findMatches, type Pattern } from './patterns.ts';
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
 * order of the cue file. A cue of an act the cue file's `refusal` cancels
 * does not count with a turn and a refusal near it ("I'm sorry, I do
 * understand, but it's company policy").
 */
export function readReply(text: string, cues: CueSet): Reading {
  const tokens = tokenise(text, cues.spellings);
  const refusal = refusalSpans(tokens, cues);
  const acts: FoundAct[] = [];
  for (const act of cues.acts.values()) {
    const span = firstSpan(
      act,
      tokens,
      cues,
      cues.refusal?.cancels.includes(act.act) === true ? refusal : undefined,
    );
    if (span === undefined) continue;
    const start = tokens[span[0]]?.start ?? 0;
    const end = tokens[span[1]]?.end ?? start;
    acts.push({ act: act.act, evidence: text.slice(start, end), start, end, confidence: act.confidence });
  }
  return { acts };
}

type Span = [number, number];

/** Where the refusal's turns and refusals are in the reply (found once, checked per cue). */
interface RefusalSpans {
  readonly turns: readonly Span[];
  readonly refusals: readonly Span[];
  readonly firm: readonly Span[];
}

function refusalSpans(tokens: readonly Token[], cues: CueSet): RefusalSpans | undefined {
  const refusal = cues.refusal;
  if (refusal === undefined) return undefined;
  const all = (patterns: readonly Pattern[]) => patterns.flatMap((p) => findMatches(p, tokens, cues.fillers));
  const refusals = all(refusal.refuse);
  const firm = all(refusal.firm);
  return refusals.length === 0 && firm.length === 0
    ? undefined
    : { turns: all(refusal.turn), refusals, firm };
}

/**
 * A turn and a refusal, neither overlapping the cue, in the cue's sentence; or
 * in the next sentence when that one opens with the turn ("I'm so sorry.
 * Unfortunately we can't…"). A refusal further on, after a sentence that does
 * not turn, leaves the apology standing ("I'm really sorry about those saves.
 * I can't restore them myself, but…"), unless the cue is a bare cushion (see
 * below). A firm refusal needs no turn: one in the cue's sentence is enough
 * ("Sorry, rules are rules").
 */
function refused(span: Span, tokens: readonly Token[], near: RefusalSpans, cues: CueSet): boolean {
  const sentence = tokens[span[0]]?.sentence ?? 0;
  const apart = ([a, b]: Span) => b < span[0] || a > span[1];
  const inSentence = (s: number) => (x: Span) => tokens[x[0]]?.sentence === s && apart(x);
  if (near.firm.some(inSentence(sentence))) return true;
  if (near.turns.some(inSentence(sentence)) && near.refusals.some(inSentence(sentence))) return true;
  const next = sentence + 1;
  const opens = near.turns.some(
    ([a]) => tokens[a]?.sentence === next && opensSentence(tokens, a, cues.fillers),
  );
  if (opens && near.refusals.some(inSentence(next))) return true;
  // A bare cushion, whose clause ends with the cue ("I completely understand.
  // As it's been worn, I can't refund it, I'm afraid"; "I'm so sorry, I …"),
  // cushions what the next sentence refuses with a turn that stands in a
  // clause of its own, wherever it is ("…, I'm afraid", "…, though:",
  // "Unfortunately, …"). A "but" starts a clause that goes on, and often offers
  // something ("Sorry, that came out wrong. I can't refund it, but as it's
  // within 60 days…"); an apology with its own object ("I'm really sorry about
  // those saves. I can't restore them myself, but…") is no bare cushion.
  const after = tokens[span[1] + 1];
  if (after !== undefined && after.clause === tokens[span[1]]?.clause) return false;
  const aside = near.turns.some(
    (turn) => tokens[turn[0]]?.sentence === next && standsAlone(tokens, turn, cues.fillers),
  );
  return aside && near.refusals.some(inSentence(next));
}

/** Only fillers share the span's clause ("…, I'm afraid."; "…, though:"). */
function standsAlone(tokens: readonly Token[], [a, b]: Span, fillers: ReadonlySet<string>): boolean {
  const clause = tokens[a]?.clause;
  return tokens.every((token, i) => token.clause !== clause || (i >= a && i <= b) || fillers.has(token.norm));
}

/** Only fillers before the token in its sentence. */
function opensSentence(tokens: readonly Token[], index: number, fillers: ReadonlySet<string>): boolean {
  for (let i = index - 1; i >= 0 && tokens[i]?.sentence === tokens[index]?.sentence; i--)
    if (!fillers.has(tokens[i]?.norm ?? '')) return false;
  return true;
}

function firstSpan(
  act: ActCues,
  tokens: readonly Token[],
  cues: CueSet,
  refusal: RefusalSpans | undefined,
): Span | undefined {
  const blocked = act.unless.flatMap((pattern) => findMatches(pattern, tokens, cues.fillers));
  let best: Span | undefined;
  for (const pattern of act.match) {
    for (const span of findMatches(pattern, tokens, cues.fillers)) {
      if (best !== undefined && span[0] >= best[0]) break;
      if (blocked.some(([a, b]) => a <= span[1] && span[0] <= b)) continue;
      if (act.negation && negated(tokens, span[0], cues)) continue;
      if (refusal !== undefined && refused(span, tokens, refusal, cues)) continue;
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
