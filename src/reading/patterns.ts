import { cueProblem } from '../scenario/index.ts';
import { normalise, type Token, tokenise } from './tokens.ts';

/**
 * A cue as a tutor writes it ("I'm so sorry", "apologi*", "sorry but .. policy",
 * "^what|how", "^^so you") compiled to a sequence of steps matched against a reply's tokens.
 */
export interface Pattern {
  readonly source: string;
  /** `^`: the match must start its clause (after filler words such as "ok", "so"). */
  readonly anchored: boolean;
  /**
   * `^^`: the match must start its sentence (after fillers, which may stand in
   * clauses of their own: "Sorry, so the engineer never came?"). A "so" in the
   * middle of a sentence ("…, so it should be looked at soon") is a
   * consequence, not a summary.
   */
  readonly sentenceStart?: true;
  readonly steps: readonly Step[];
}

type Step =
  | { readonly kind: 'word'; readonly options: readonly WordOption[] }
  /** `..`: up to GAP words of the same sentence. */
  | { readonly kind: 'gap' };

interface WordOption {
  readonly word: string;
  /** Written with a trailing `*`: any word that starts with `word`. */
  readonly prefix: boolean;
}

/** How many words `..` may skip. */
export const GAP = 5;

/** Why a cue could not be compiled, in words for the tutor (the scenario folder's check, the one for every cue). */
export const patternProblem = cueProblem;

/** Compiles a cue; call `patternProblem` first (the loader does). Words are respelt as replies are. */
export function compilePattern(source: string, spellings: ReadonlyMap<string, string>): Pattern {
  const trimmed = source.trim();
  const anchored = trimmed.startsWith('^');
  const sentenceStart = trimmed.startsWith('^^');
  const steps: Step[] = [];
  for (const part of trimmed.replace(/^\^{1,2}\s*/, '').split(/\s+/)) {
    if (part === '..') {
      steps.push({ kind: 'gap' });
      continue;
    }
    // A part with options stays one step; a plain word may respell to several ("I'm" → i am).
    const options = part.split('|');
    if (options.length === 1 && !part.endsWith('*')) {
      for (const token of tokenise(part, spellings))
        steps.push({ kind: 'word', options: [{ word: token.norm, prefix: false }] });
      continue;
    }
    steps.push({
      kind: 'word',
      options: options.map((option) => {
        const prefix = option.endsWith('*');
        const word = normalise(prefix ? option.slice(0, -1) : option);
        return { word: prefix ? word : (spellings.get(word) ?? word), prefix };
      }),
    });
  }
  return sentenceStart ? { source, anchored, sentenceStart, steps } : { source, anchored, steps };
}

/** Every match of the pattern in the tokens, as [first, last] token indexes, in order of their first token. */
export function findMatches(
  pattern: Pattern,
  tokens: readonly Token[],
  fillers: ReadonlySet<string>,
): [number, number][] {
  const found: [number, number][] = [];
  for (let first = 0; first < tokens.length; first++) {
    if (
      pattern.sentenceStart === true
        ? !startsSentence(tokens, first, fillers)
        : pattern.anchored && !startsClause(tokens, first, fillers)
    )
      continue;
    const last = matchFrom(pattern.steps, 0, tokens, first, tokens[first]?.sentence ?? 0);
    if (last !== undefined) found.push([first, last]);
  }
  return found;
}

/** The index of the last token matched, or undefined. Gaps try the shortest skip first. */
function matchFrom(
  steps: readonly Step[],
  at: number,
  tokens: readonly Token[],
  index: number,
  sentence: number,
): number | undefined {
  const step = steps[at];
  if (step === undefined) return index - 1;
  if (step.kind === 'gap') {
    for (let skip = 0; skip <= GAP; skip++) {
      const found = matchFrom(steps, at + 1, tokens, index + skip, sentence);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  const token = tokens[index];
  if (token === undefined || token.sentence !== sentence) return undefined;
  const fits = step.options.some((o) => (o.prefix ? token.norm.startsWith(o.word) : token.norm === o.word));
  return fits ? matchFrom(steps, at + 1, tokens, index + 1, sentence) : undefined;
}

/** True when every earlier token of the sentence is a filler ("Sorry, so the engineer never came?"). */
function startsSentence(tokens: readonly Token[], index: number, fillers: ReadonlySet<string>): boolean {
  const sentence = tokens[index]?.sentence;
  for (let i = index - 1; i >= 0; i--) {
    const token = tokens[i];
    if (token === undefined || token.sentence !== sentence) return true;
    if (!fillers.has(token.norm)) return false;
  }
  return true;
}

/** True when every earlier token of the clause is a filler ("ok so what happened?"). */
function startsClause(tokens: readonly Token[], index: number, fillers: ReadonlySet<string>): boolean {
  const clause = tokens[index]?.clause;
  for (let i = index - 1; i >= 0; i--) {
    const token = tokens[i];
    if (token === undefined || token.clause !== clause) return true;
    if (!fillers.has(token.norm)) return false;
  }
  return true;
}
