/**
 * Whether a cue ("so sorry", "apologi*", "sorry but .. policy", "^what|how",
 * "^^so") is written so the analyser can compile it. The one check for every
 * cue: a scenario's own (`reading:`, read here) and the cue file's (src/reading
 * compiles them, a layer above, and uses this as its `patternProblem`).
 */

/** Why a cue could not be compiled, in words for the tutor; undefined when it is fine. */
export function cueProblem(source: string): string | undefined {
  const body = source.trim().replace(/^\^{1,2}\s*/, '');
  if (body === '') return 'the cue has no words: write the words a learner would type, e.g. "so sorry".';
  const parts = body.split(/\s+/);
  if (parts[0] === '..' || parts.at(-1) === '..')
    return '\'..\' (any few words) must sit between words, e.g. "sorry but .. policy".';
  for (const part of parts) {
    if (part === '..') continue;
    for (const option of part.split('|')) {
      if (option === '' || option === '*')
        return `'${part}' has an empty choice: write words separated by '|', e.g. "what|how".`;
      if (option.slice(0, -1).includes('*'))
        return `'${option}': '*' may only end a word ("apologi*" matches apologise, apologies...).`;
    }
  }
  return undefined;
}
