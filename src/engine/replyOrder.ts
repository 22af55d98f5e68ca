/** Where a reply is given: its 0-based position in the run and the node it answers. */
export interface ReplyTurn {
  readonly at: number;
  readonly node: string;
}

/**
 * A stable 32-bit number for a text: FNV-1a over its UTF-16 code units,
 * finished with murmur3's fmix32. FNV-1a alone leaves texts that differ only
 * in their last character close together; the finisher spreads them over all
 * 32 bits, so consecutive turns seed unrelated shuffles.
 */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** The seed of a run saved before runs kept one: derived from its id, so it never changes between loads. */
export function seedFromText(text: string): number {
  return hashText(`seed:${text}`);
}

/**
 * mulberry32: a tiny PRNG with a full 2^32 period, plenty for shuffling a
 * handful of replies, and the same sequence in every JavaScript engine.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * The order to show the offered replies in at `turn` of a run with `seed`
 * (the scoring contract: never file order, but the same order every time the
 * run shows that turn again — after a reload, an undo or "try again from here").
 * The turn is part of the key, so a node met twice in one run is shuffled
 * afresh, while undoing back to it shows the order it had.
 * A uniform Fisher–Yates shuffle: every order is equally likely, so no
 * position (the first, say) favours the best reply. Pure: `offered` is not
 * changed; with one reply or none it is returned as it is.
 */
export function replyOrder<T>(seed: number, turn: ReplyTurn, offered: readonly T[]): readonly T[] {
  if (offered.length < 2) return offered;
  const random = mulberry32(hashText(`${seed >>> 0}:${turn.at}:${turn.node}`));
  const shown = [...offered];
  for (let i = shown.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    const here = shown[i] as T;
    shown[i] = shown[j] as T;
    shown[j] = here;
  }
  return shown;
}
