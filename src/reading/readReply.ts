import type { ActCues, Clauses, Confidence, CueSet } from './cueSet.ts';
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
  const clauses = cues.clauses === undefined ? undefined : clauseReading(tokens, cues, cues.clauses);
  const acts: FoundAct[] = [];
  const spans = new Map<string, Span>();
  for (const act of cues.acts.values()) {
    const span =
      firstSpan(
        act,
        tokens,
        cues,
        cues.refusal?.cancels.includes(act.act) === true ? refusal : undefined,
        clauses,
      ) ?? clauses?.counters.get(act.act);
    if (span === undefined) continue;
    spans.set(act.act, span);
  }
  // A bare cushion ("I'm sorry, …") with a dismissal or a deflection read
  // after it in its sentence is that reading's cushion, not an apology or
  // empathy ("Sorry, you'd need to speak to the manufacturer"), unless an
  // offer follows it.
  if (clauses !== undefined)
    for (const act of cues.clauses?.cushions ?? []) {
      const span = spans.get(act);
      if (span !== undefined && clauses.cushions(span, [...spans.entries()])) spans.delete(act);
    }
  for (const [act, span] of spans) {
    const actCues = cues.acts.get(act);
    if (actCues === undefined) continue;
    const start = tokens[span[0]]?.start ?? 0;
    const end = tokens[span[1]]?.end ?? start;
    acts.push({ act, evidence: text.slice(start, end), start, end, confidence: actCues.confidence });
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
  clauses: ClauseReading | undefined,
): Span | undefined {
  const blocked = act.unless.flatMap((pattern) => findMatches(pattern, tokens, cues.fillers));
  const cushion = clauses !== undefined && cues.clauses?.cushions.includes(act.act) === true;
  const kinds: [readonly Pattern[], ((span: Span) => boolean) | undefined][] = [
    [act.match, undefined],
    [cues.clauses?.statement.get(act.act) ?? [], clauses?.statement],
    [cues.clauses?.flat.get(act.act) ?? [], clauses?.flat],
    [cues.clauses?.asking.get(act.act) ?? [], clauses?.asking],
  ];
  let best: Span | undefined;
  for (const [patterns, fits] of kinds) {
    for (const pattern of patterns) {
      for (const span of findMatches(pattern, tokens, cues.fillers)) {
        if (best !== undefined && span[0] >= best[0]) break;
        if (fits !== undefined && !fits(span)) continue;
        if (blocked.some(([a, b]) => a <= span[1] && span[0] <= b)) continue;
        if (act.negation && negated(tokens, span[0], cues)) continue;
        if (refusal !== undefined && refused(span, tokens, refusal, cues)) continue;
        if (cushion && clauses.countered(span)) continue;
        best = span;
        break;
      }
    }
  }
  return best;
}

/** What the clause rules make of one reply (found once, checked per cue). */
interface ClauseReading {
  /** A counter-claim in a contrast clause after the span: the span is a cushion. */
  readonly countered: (span: Span) => boolean;
  /** Act → the counter-claim that performs it, after a cushion. */
  readonly counters: ReadonlyMap<string, Span>;
  /** The span is in a statement: its sentence does not ask, and no `not-statement` cue comes before it there. */
  readonly statement: (span: Span) => boolean;
  /** The span is in a sentence that asks. */
  readonly asking: (span: Span) => boolean;
  /** The span is in a statement and no offer follows it: a flat counter-claim. */
  readonly flat: (span: Span) => boolean;
  /** The span is a bare cushion of a counter act's reading (act → span) later in its sentence, with no offer after it. */
  readonly cushions: (span: Span, found: readonly (readonly [string, Span])[]) => boolean;
}

/** Besides fillers, the words a bare cushion's clause may hold ("I'm sorry,", "I do apologise,"). */
const CUSHION_SUBJECT = new Set(['i', 'am', 'we', 'are', 'do']);

/**
 * "I completely get that, but the joining fee isn't refundable": a cushion
 * (a cue of a cushioned act, or one of `cushion`) with a contrast clause
 * after it, in its sentence or the next, that holds a counter-claim's signal.
 * The signals are small word classes (cues.yaml says which and why), so the
 * counter-claim is read in words no phrase list holds; and the cushion is
 * what it is, a cushion, not an apology or empathy.
 */
function clauseReading(tokens: readonly Token[], cues: CueSet, clauses: Clauses): ClauseReading {
  const all = (patterns: readonly Pattern[]) => patterns.flatMap((p) => findMatches(p, tokens, cues.fillers));
  const sentenceOf = (i: number) => tokens[i]?.sentence ?? -1;
  const contrasts = all(clauses.contrast);
  // A flat counter-claim is a counter-claim too: after a cushion and a contrast it cancels it.
  const signals = [...new Set([...clauses.counter.keys(), ...clauses.flat.keys()])].map(
    (act) => [act, all([...(clauses.counter.get(act) ?? []), ...(clauses.flat.get(act) ?? [])])] as const,
  );
  const flatSignals = [...clauses.flat.values()].flatMap(all);
  /**
   * A bare cushion: its clause ends with it and holds nothing but it, fillers
   * and its subject ("I'm sorry, we won't be offering a refund"). A flat
   * counter-claim after it in its sentence counters it with no contrast word
   * (the comma does the contrast's work), unless an offer follows.
   */
  const bare = ([a, b]: Span): boolean => {
    const clause = tokens[b]?.clause;
    if (tokens[b + 1]?.clause === clause) return false;
    for (let i = a - 1; i >= 0 && tokens[i]?.clause === clause; i--) {
      const norm = tokens[i]?.norm ?? '';
      if (!cues.fillers.has(norm) && !CUSHION_SUBJECT.has(norm)) return false;
    }
    return true;
  };
  /** The first signal after the cushion, in a contrast clause that follows it. */
  const counterAfter = (cushion: Span, found: readonly Span[]): Span | undefined => {
    const turns = contrasts.filter(
      ([a]) =>
        a > cushion[1] &&
        sentenceOf(a) - sentenceOf(cushion[0]) <= 1 &&
        sentenceOf(a) >= sentenceOf(cushion[0]),
    );
    return found.find(
      ([a]) => a > cushion[1] && turns.some(([t]) => t <= a && sentenceOf(t) === sentenceOf(a)),
    );
  };
  const anySignal = signals.flatMap(([, found]) => found);
  const cushions = [
    ...all(clauses.cushion),
    ...clauses.cushions.flatMap((act) => all(cues.acts.get(act)?.match ?? [])),
  ].filter(([a]) => !negated(tokens, a, cues));
  const offers = all(clauses.offer);
  const counters = new Map<string, Span>();
  for (const [act, found] of signals) {
    for (const cushion of cushions) {
      if (offers.some(([a]) => a > cushion[1])) continue;
      const signal = counterAfter(cushion, found);
      if (signal === undefined) continue;
      // The counter-claim as evidence: from its contrast word to the signal.
      const turn = contrasts.filter(([t]) => t > cushion[1] && t <= signal[0]).at(-1) ?? signal;
      const known = counters.get(act);
      if (known === undefined || turn[0] < known[0]) counters.set(act, [turn[0], signal[1]]);
    }
  }
  const asked = new Set(all(clauses.asks).map(([a]) => sentenceOf(a)));
  tokens.forEach((token) => {
    if (token.asks) asked.add(token.sentence);
  });
  const before = all(clauses.notStatement);
  const statement = (span: Span) =>
    !asked.has(sentenceOf(span[0])) &&
    !before.some(([a]) => a < span[0] && sentenceOf(a) === sentenceOf(span[0]));
  return {
    countered: (span) =>
      (anySignal.length > 0 && counterAfter(span, anySignal) !== undefined) ||
      (bare(span) &&
        !offers.some(([a]) => a > span[1]) &&
        flatSignals.some(([a]) => a > span[1] && sentenceOf(a) === sentenceOf(span[0]) && statement([a, a]))),
    counters,
    statement,
    asking: (span) => asked.has(sentenceOf(span[0])),
    flat: (span) => statement(span) && !offers.some(([a]) => a > span[1]),
    cushions: (span, found) =>
      bare(span) &&
      !offers.some(([a]) => a > span[1]) &&
      found.some(
        ([act, [a]]) =>
          (clauses.counter.has(act) || clauses.flat.has(act)) &&
          a > span[1] &&
          sentenceOf(a) === sentenceOf(span[0]),
      ),
  };
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
