/**
 * A reply → words, each with its place in the text (for highlighting) and
 * the sentence and clause it belongs to (for anchors and negation scope).
 * Written by hand rather than taken from an NLP library: see
 * docs/benchmarks.md, "Reading a reply".
 */

export interface Token {
  /** The word as matched: lower case, apostrophes dropped, text-speak respelt ("u" → "you"). */
  readonly norm: string;
  /** Offsets of the word in the original text, `end` exclusive. */
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
  readonly clause: number;
  /** The token's sentence ends with a question mark (a clause rule may count only in a question, or only outside one). */
  readonly asks: boolean;
}

/** A word: letters or digits, with inner apostrophes or hyphens ("don't", "follow-up", "100%"). */
const WORD = /[\p{L}\p{N}]+(?:['’‘-][\p{L}\p{N}]+)*%?/gu;
/** Ends a sentence: . ! ? or a line break (learners often skip the full stop). */
const SENTENCE_END = /[.!?\n]/;
/** Ends a clause: a sentence end, or , ; : ( ) and dashes. */
const CLAUSE_END = /[.!?\n,;:()–—]/;
/** Words that start a new clause even without a comma: what comes after "but" is not negated by what came before. */
const CLAUSE_WORDS = new Set(['but', 'although', 'though', 'however', 'because', 'cos', 'coz']);

/** The form a word is matched in: lower case, without apostrophes, so "I'm", "i'm" and "im" agree. */
export function normalise(word: string): string {
  return word.toLowerCase().replace(/['’‘]/g, '');
}

/**
 * Splits text into tokens. `spellings` maps a normalised word to the word or
 * words cues are written with ("u" → "you", "dont" → "do not").
 */
export function tokenise(text: string, spellings: ReadonlyMap<string, string>): Token[] {
  const tokens: { -readonly [K in keyof Token]: Token[K] }[] = [];
  // The question mark comes after a sentence's words: they are marked when it ends.
  const ended = (mark: string) => {
    if (!mark.includes('?')) return;
    for (const token of tokens) if (token.sentence === sentence) token.asks = true;
  };
  let sentence = 0;
  let clause = 0;
  let last = 0;
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const between = text.slice(last, start);
    // A full stop between two digits ("£2.50") is not the end of a sentence.
    const decimal = between === '.' && /\d$/.test(text.slice(0, last)) && /^\d/.test(match[0]);
    const endsSentence = SENTENCE_END.test(between) && !decimal;
    if (tokens.length > 0 && endsSentence) {
      ended(between);
      sentence++;
      clause++;
    } else if (tokens.length > 0 && CLAUSE_END.test(between)) clause++;
    const raw = normalise(match[0]);
    if (tokens.length > 0 && CLAUSE_WORDS.has(raw)) clause++;
    // A respelling may be several words ("im" → "i am"): each keeps the whole word's place.
    const end = start + match[0].length;
    for (const norm of (spellings.get(raw) ?? raw).split(' '))
      tokens.push({ norm, start, end, sentence, clause, asks: false });
    last = start + match[0].length;
  }
  ended(text.slice(last));
  return tokens;
}
