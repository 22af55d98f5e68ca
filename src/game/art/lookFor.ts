/** How one customer looks: every field is chosen deterministically from a key. */
export interface Look {
  readonly skin: number;
  readonly hair: HairStyle;
  readonly hairColour: number;
  readonly headwear: Headwear;
  readonly headwearColour: number;
  readonly facialHair: FacialHair;
  readonly glasses: Glasses;
  readonly top: TopStyle;
  readonly topColour: number;
  /** Collar, cardigan or blazer colour, contrasting with `topColour`. */
  readonly trimColour: number;
  readonly earrings: boolean;
  readonly eyeColour: number;
}

export type HairStyle =
  | 'short'
  | 'sidePart'
  | 'long'
  | 'bob'
  | 'bun'
  | 'curly'
  | 'locs'
  | 'shaved'
  | 'ponytail';
export type Headwear = 'none' | 'hijab' | 'turban';
export type FacialHair = 'none' | 'stubble' | 'moustache' | 'beard' | 'fullBeard';
export type Glasses = 'none' | 'round' | 'square';
export type TopStyle = 'jumper' | 'shirt' | 'blazer' | 'cardigan' | 'hoodie';

/** Six skin tones, light to deep. */
export const SKIN_TONES = [0xf7d7c1, 0xeab791, 0xd29a6c, 0xae7651, 0x86563a, 0x5b3a28] as const;
const HAIR_COLOURS = [0x1e1613, 0x3b271d, 0x6b3f25, 0x9c4a26, 0xcfa35e, 0x9a9590, 0xd9d6d0] as const;
/** Greys appear less often: older customers, not the default. */
const HAIR_WEIGHTS = [5, 5, 4, 2, 2, 2, 1] as const;
const TOP_COLOURS = [
  0x2f6f8f, 0xc9a227, 0x35477d, 0x7b4b8e, 0xd9694f, 0x3f7d5a, 0x5c6f82, 0x8e3b4a, 0x2b8a86,
] as const;
const TRIM_COLOURS = [0xf3efe7, 0x2d3440, 0xe0c9a6, 0x8a9bb0] as const;
const EYE_COLOURS = [0x2a1d17, 0x3d2a1e, 0x4a3322, 0x2d4660, 0x3e5a3a] as const;
const HEADWEAR_COLOURS = [0x2f4b7c, 0x7a2e46, 0x1f6f6a, 0x5a4a7a, 0xb5651d, 0x3a3a48] as const;

/** FNV-1a, 32-bit: the same key gives the same look in every browser. */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast, good enough to pick features. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rnd: () => number, items: readonly T[]): T {
  const item = items[Math.floor(rnd() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function pickWeighted<T>(rnd: () => number, items: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = rnd() * total;
  for (let i = 0; i < items.length; i++) {
    r -= weights[i] ?? 0;
    const item = items[i];
    if (r < 0 && item !== undefined) return item;
  }
  return pick(rnd, items);
}

const HAIR_STYLES = [
  'short',
  'sidePart',
  'long',
  'bob',
  'bun',
  'curly',
  'locs',
  'shaved',
  'ponytail',
] as const;
const FACIAL_HAIR = ['none', 'stubble', 'moustache', 'beard', 'fullBeard'] as const;
const GLASSES = ['none', 'round', 'square'] as const;
const TOPS = ['jumper', 'shirt', 'blazer', 'cardigan', 'hoodie'] as const;

/**
 * Words an `avatar` key may contain (separated by `-`, `_` or spaces) to pin
 * a feature; every other feature still comes from the key's hash. For example
 * `hijab-glasses`, `turban-fullBeard`, `skin6-locs`, `grey-bob-cardigan`.
 */
export const AVATAR_WORDS = [
  ...HAIR_STYLES,
  ...FACIAL_HAIR.filter((f) => f !== 'none'),
  'noBeard',
  'hijab',
  'turban',
  'glasses',
  'roundGlasses',
  'noGlasses',
  ...TOPS,
  'grey',
  'skin1',
  'skin2',
  'skin3',
  'skin4',
  'skin5',
  'skin6',
] as const;

/**
 * The look for a customer: from `avatar` if given, else from `name`
 * (trimmed, case-insensitive), so "Mrs Patel" looks the same in every run.
 * A title steers only what could jar with it: no facial hair for Mrs, Ms or
 * Miss, no hijab for Mr; facial hair and the turban come by hash only with Mr.
 */
export function lookFor(name: string, avatar?: string): Look {
  const key = (avatar ?? name).trim().toLowerCase();
  const rnd = random(hashKey(key));
  const title = /^(mrs|ms|miss|mr)\b/i.exec(name.trim())?.[1]?.toLowerCase();
  const mister = title === 'mr';
  const missus = title !== undefined && !mister;

  const skin = pick(rnd, SKIN_TONES);
  const headwearRoll = rnd();
  let headwear: Headwear = 'none';
  if (headwearRoll < 0.12 && !mister) headwear = 'hijab';
  else if (headwearRoll >= 0.12 && headwearRoll < 0.2 && mister) headwear = 'turban';
  const hair = pick(rnd, HAIR_STYLES);
  const hairColour = pickWeighted(rnd, HAIR_COLOURS, HAIR_WEIGHTS);
  const facialRoll = rnd();
  const shortHair = hair === 'short' || hair === 'sidePart' || hair === 'shaved' || hair === 'curly';
  let facialHair: FacialHair = 'none';
  if (headwear === 'turban') facialHair = facialRoll < 0.8 ? 'fullBeard' : 'beard';
  else if (mister && shortHair) facialHair = pickWeighted(rnd, FACIAL_HAIR, [5, 2, 1, 2, 1] as const);
  const glasses = pickWeighted(rnd, GLASSES, [6, 2, 2] as const);
  const top = pick(rnd, TOPS);
  const topColour = pick(rnd, TOP_COLOURS);
  const trimColour = pick(rnd, TRIM_COLOURS);
  const earrings = !mister && rnd() < 0.5;
  const eyeColour = pick(rnd, EYE_COLOURS);
  // Headwear never matches the top, so the two read as separate garments.
  const headwearChoices = HEADWEAR_COLOURS.filter((colour) => colourDistance(colour, topColour) > 90);
  const headwearColour = pick(rnd, headwearChoices.length > 0 ? headwearChoices : HEADWEAR_COLOURS);

  const look: Mutable<Look> = {
    skin,
    hair,
    hairColour,
    headwear,
    headwearColour,
    facialHair,
    glasses,
    top,
    topColour,
    trimColour,
    earrings,
    eyeColour,
  };
  if (avatar !== undefined) applyWords(look, avatar);
  if (missus && avatar === undefined) look.facialHair = 'none';
  if (look.headwear !== 'none') look.earrings = false;
  return look;
}

function colourDistance(a: number, b: number): number {
  const d = (s: number) => ((a >> s) & 255) - ((b >> s) & 255);
  return Math.hypot(d(16), d(8), d(0));
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function applyWords(look: Mutable<Look>, avatar: string): void {
  const words = new Set(avatar.split(/[-_\s]+/).map((w) => w.toLowerCase()));
  const has = (w: string) => words.has(w.toLowerCase());
  for (const h of HAIR_STYLES) if (has(h)) look.hair = h;
  for (const f of FACIAL_HAIR) if (f !== 'none' && has(f)) look.facialHair = f;
  if (has('noBeard')) look.facialHair = 'none';
  if (has('hijab')) {
    look.headwear = 'hijab';
    look.facialHair = 'none';
  }
  if (has('turban')) look.headwear = 'turban';
  if (has('glasses')) look.glasses = look.glasses === 'none' ? 'square' : look.glasses;
  if (has('roundGlasses')) look.glasses = 'round';
  if (has('noGlasses')) look.glasses = 'none';
  for (const t of TOPS) if (has(t)) look.top = t;
  if (has('grey')) look.hairColour = 0x9a9590;
  SKIN_TONES.forEach((tone, i) => {
    if (has(`skin${i + 1}`)) look.skin = tone;
  });
}
