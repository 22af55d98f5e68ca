import { tokenise } from './tokens.ts';

/**
 * "Say it your way" pre-selects the offered reply closest to what the learner
 * typed: cosine similarity of word counts weighted by inverse document
 * frequency over every authored reply in the library, so the words every
 * reply shares ("I", "the", "you") count for little and the words that tell
 * replies apart ("refund", "sorry", "policy") for much. The weights are built
 * once, at build time; the comparison is pure and deterministic.
 */
export interface ReplyWeights {
  /** Word (normalised as the analyser does: lower case, respelt) → its IDF weight. */
  readonly idf: Readonly<Record<string, number>>;
  /** The weight of a word no authored reply uses: as rare as a word can be. */
  readonly unseen: number;
}

/** The words of a text as the analyser reads them ("u" → "you", "I'm" → "i am"). */
function words(text: string, spellings: ReadonlyMap<string, string>): string[] {
  return tokenise(text, spellings).map((t) => t.norm);
}

/** IDF weights over a body of replies: ln((1 + N) / (1 + df)) + 1, the smoothed form, so no word weighs 0. */
export function buildWeights(
  replies: readonly string[],
  spellings: ReadonlyMap<string, string>,
): ReplyWeights {
  const df = new Map<string, number>();
  for (const reply of replies)
    for (const word of new Set(words(reply, spellings))) df.set(word, (df.get(word) ?? 0) + 1);
  const n = replies.length;
  const weight = (count: number): number => round(Math.log((1 + n) / (1 + count)) + 1);
  const idf: Record<string, number> = {};
  for (const word of [...df.keys()].sort()) idf[word] = weight(df.get(word) ?? 0);
  return { idf, unseen: weight(0) };
}

/** Four decimals: the shipped file stays small and the same on every build. */
function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

function vector(
  text: string,
  weights: ReplyWeights,
  spellings: ReadonlyMap<string, string>,
): Map<string, number> {
  const v = new Map<string, number>();
  for (const word of words(text, spellings))
    v.set(word, (v.get(word) ?? 0) + (weights.idf[word] ?? weights.unseen));
  return v;
}

/** Cosine similarity (0 to 1) of two texts under the weights. */
export function similarity(
  a: string,
  b: string,
  weights: ReplyWeights,
  spellings: ReadonlyMap<string, string>,
): number {
  const va = vector(a, weights, spellings);
  const vb = vector(b, weights, spellings);
  let dot = 0;
  for (const [word, x] of va) dot += x * (vb.get(word) ?? 0);
  const norm = (v: Map<string, number>): number => Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0));
  const denominator = norm(va) * norm(vb);
  return denominator === 0 ? 0 : dot / denominator;
}

/**
 * The index of the candidate closest to `typed`, or null when none shares a
 * word with it (nothing is pre-selected then: a guess would mislead). A tie
 * goes to the earlier candidate, so the same words and order always give the
 * same answer.
 */
export function closestReply(
  typed: string,
  candidates: readonly string[],
  weights: ReplyWeights,
  spellings: ReadonlyMap<string, string>,
): number | null {
  let best: number | null = null;
  let bestScore = 0;
  candidates.forEach((candidate, i) => {
    const score = similarity(typed, candidate, weights, spellings);
    if (score > bestScore + 1e-12) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}
