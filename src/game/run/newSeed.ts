/**
 * A fresh reply-order seed for a run: 32 random bits from the browser's CSPRNG
 * (never `Math.random`, which some engines seed predictably per page).
 */
export function newSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;
}

/**
 * `?seed=<0–4294967295>` in the address fixes the reply order, for browser
 * tests and classroom demos that need the same order each time. Anything else
 * is ignored (null): a learner's run draws its own seed.
 */
export function seedParam(search: string): number | null {
  const text = new URLSearchParams(search).get('seed');
  if (text === null || !/^\d{1,10}$/.test(text)) return null;
  const seed = Number(text);
  return seed <= 0xffff_ffff ? seed : null;
}
