/** Words longer than this get no suggestion: no id is that long, and the cost grows with the square. */
const MAX_WORD = 64;

/** Edit distance between two strings, case-insensitive; swapping two neighbours counts as one slip. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  // Three rolling rows of the optimal-string-alignment table: row i is the first i letters of s.
  let before = new Array<number>(t.length + 1).fill(0);
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  let current = new Array<number>(t.length + 1).fill(0);
  for (let i = 1; i <= s.length; i++) {
    current[0] = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1])
        best = Math.min(best, (before[j - 2] ?? 0) + 1);
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[t.length] ?? 0;
}

/**
 * The closest known name to a mistyped one, if it is close enough to be a
 * likely typo (two slips, or one letter in three for long words), else undefined.
 */
export function closest(word: string, known: Iterable<string>): string | undefined {
  if (/^\d+$/.test(word)) return undefined; // "4" is not a typo of "1"
  if (word.length > MAX_WORD) return undefined;
  const allowed = word.length <= 3 ? 1 : Math.max(2, Math.floor(word.length / 3));
  const length = word.toLowerCase().length;
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    // The distance is at least the difference in length: skip what cannot be close enough.
    if (Math.abs(candidate.toLowerCase().length - length) > allowed) continue;
    const distance = editDistance(word, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= allowed ? best : undefined;
}

/** " (did you mean 'x'?)" or "" — ready to append to a message. */
export function didYouMean(word: string, known: Iterable<string>): string {
  const guess = closest(word, known);
  return guess === undefined ? '' : ` (did you mean '${guess}'?)`;
}

/**
 * `didYouMean` against one list for many words, as cheap as a tutor needs:
 * each word is looked up once, and after `budget` different words the rest
 * get no suggestion. A file with thousands of broken references would
 * otherwise cost thousands × thousands of comparisons.
 */
export function suggester(known: Iterable<string>, budget = 25): (word: string) => string {
  const list = [...known];
  const seen = new Map<string, string>();
  return (word) => {
    const earlier = seen.get(word);
    if (earlier !== undefined) return earlier;
    const suggestion = seen.size < budget ? didYouMean(word, list) : '';
    seen.set(word, suggestion);
    return suggestion;
  };
}
