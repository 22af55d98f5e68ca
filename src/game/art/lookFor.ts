import {
  type AgeGroup,
  type CustomerLook,
  type Mobility,
  type Pronouns,
  pronounsFromTitle,
} from '../../scenario/index.ts';

/** How one customer looks: every field is chosen deterministically from a key. */
export interface Look {
  /** young: no grey; older: grey or white hair and lines on the face. */
  readonly age: AgeGroup;
  /** wheelchair: drawn seated in a wheelchair. */
  readonly mobility: Mobility;
  /** What the drawing was steered by: the file's pronouns, or the title's; undefined leaves it open. */
  readonly pronouns: Pronouns | undefined;
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
  | 'ponytail'
  | 'bald';
export type Headwear = 'none' | 'hijab' | 'turban';
export type FacialHair = 'none' | 'stubble' | 'moustache' | 'beard' | 'fullBeard';
export type Glasses = 'none' | 'round' | 'square';
export type TopStyle = 'jumper' | 'shirt' | 'blazer' | 'cardigan' | 'hoodie';

/** Six skin tones, light to deep. */
export const SKIN_TONES = [0xf7d7c1, 0xeab791, 0xd29a6c, 0xae7651, 0x86563a, 0x5b3a28] as const;
/** Black, dark brown, brown, auburn, blonde: the colours a hash may pick. */
const HAIR_COLOURS = [0x1e1613, 0x3b271d, 0x6b3f25, 0x9c4a26, 0xcfa35e] as const;
const HAIR_WEIGHTS = [5, 5, 4, 2, 2] as const;
const GREY = 0x9a9590;
const WHITE = 0xd9d6d0;
/** The colours `look.hairColour` names. */
const NAMED_HAIR_COLOURS = {
  black: 0x1e1613,
  brown: 0x6b3f25,
  auburn: 0x9c4a26,
  blonde: 0xcfa35e,
  grey: GREY,
  white: WHITE,
} as const;
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
  'bald',
] as const;
/** Styles a hash gives a he/him customer: no long hair, buns or ponytails by chance. */
const HIS_HAIR = ['short', 'sidePart', 'curly', 'locs', 'shaved', 'short'] as const;
/** Styles a hash gives a she/her customer: short, shaved or side-parted hair reads as a man's at a distance. */
const HER_HAIR = ['long', 'bob', 'bun', 'curly', 'locs', 'ponytail'] as const;
/** Styles a hash gives anyone else; `bald` only by choice or, for he/him, with age. */
const ANY_HAIR = HAIR_STYLES.filter((h) => h !== 'bald');
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

/** What the scenario says about the customer, beyond the name: its `pronouns` and `look`. */
export interface LookTraits {
  readonly pronouns?: Pronouns | undefined;
  readonly look?: CustomerLook | undefined;
}

/**
 * The look for a customer: from `avatar` if given, else from `name`
 * (trimmed, case-insensitive), so "Mrs Patel" looks the same in every run.
 * The pronouns (the file's, else the title's) steer what the hash may pick:
 * he/him never gets long hair or earrings by chance, she/her never facial
 * hair or a turban; a name with neither is left open. Then `avatar` words,
 * then the file's `look`, pin features over the hash.
 */
export function lookFor(name: string, avatar?: string, traits: LookTraits = {}): Look {
  const key = (avatar ?? name).trim().toLowerCase();
  const rnd = random(hashKey(key));
  const pronouns = traits.pronouns ?? pronounsFromTitle(name);
  const his = pronouns === 'he/him';
  const hers = pronouns === 'she/her';
  const age: AgeGroup = traits.look?.age ?? 'middle';

  const skin = pick(rnd, SKIN_TONES);
  const headwearRoll = rnd();
  let headwear: Headwear = 'none';
  if (headwearRoll < 0.12 && hers) headwear = 'hijab';
  else if (headwearRoll >= 0.12 && headwearRoll < 0.2 && his) headwear = 'turban';
  const hairRoll = rnd();
  let hair: HairStyle = pick(() => hairRoll, his ? HIS_HAIR : hers ? HER_HAIR : ANY_HAIR);
  if (his && age === 'older' && hairRoll > 0.6) hair = 'bald';
  const colourRoll = rnd();
  const hairColour =
    age === 'older'
      ? colourRoll < 0.6
        ? GREY
        : WHITE
      : pickWeighted(() => colourRoll, HAIR_COLOURS, HAIR_WEIGHTS);
  const facialRoll = rnd();
  const shortHair =
    hair === 'short' || hair === 'sidePart' || hair === 'shaved' || hair === 'curly' || hair === 'bald';
  let facialHair: FacialHair = 'none';
  if (headwear === 'turban') facialHair = facialRoll < 0.8 ? 'fullBeard' : 'beard';
  else if (his && shortHair) facialHair = pickWeighted(rnd, FACIAL_HAIR, [5, 2, 1, 2, 1] as const);
  const glasses = pickWeighted(rnd, GLASSES, age === 'older' ? ([2, 3, 3] as const) : ([6, 2, 2] as const));
  const top = pick(rnd, TOPS);
  const topColour = pick(rnd, TOP_COLOURS);
  const trimColour = pick(rnd, TRIM_COLOURS);
  const earrings = !his && rnd() < 0.5;
  const eyeColour = pick(rnd, EYE_COLOURS);
  // Headwear never matches the top, so the two read as separate garments.
  const headwearChoices = HEADWEAR_COLOURS.filter((colour) => colourDistance(colour, topColour) > 90);
  const headwearColour = pick(rnd, headwearChoices.length > 0 ? headwearChoices : HEADWEAR_COLOURS);

  const look: Mutable<Look> = {
    age,
    mobility: traits.look?.mobility ?? 'standing',
    pronouns,
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
  if (hers && avatar === undefined) look.facialHair = 'none';
  if (traits.look !== undefined) applyLook(look, traits.look);
  if (look.headwear !== 'none') look.earrings = false;
  return look;
}

/** The file's `look:` over the hash: each field it gives wins. */
function applyLook(look: Mutable<Look>, pinned: CustomerLook): void {
  if (pinned.hair !== undefined) look.hair = pinned.hair;
  if (pinned.hairColour !== undefined) look.hairColour = NAMED_HAIR_COLOURS[pinned.hairColour];
  const tone = pinned.skin === undefined ? undefined : SKIN_TONES[pinned.skin - 1];
  if (tone !== undefined) look.skin = tone;
  if (pinned.facialHair !== undefined) look.facialHair = pinned.facialHair;
  if (pinned.glasses !== undefined) look.glasses = pinned.glasses;
  if (pinned.headwear !== undefined) look.headwear = pinned.headwear;
  if (pinned.headwear === 'hijab') look.facialHair = 'none';
  if (pinned.top !== undefined) look.top = pinned.top;
}

/**
 * The look as words, for the stage's `data-look` (tests, debugging):
 * `age:older mobility:wheelchair pronouns:he/him hair:short`.
 */
export function describeLook(look: Look): string {
  return [
    `age:${look.age}`,
    `mobility:${look.mobility}`,
    `pronouns:${look.pronouns ?? 'open'}`,
    `hair:${look.headwear === 'none' ? look.hair : look.headwear}`,
    `facialHair:${look.facialHair}`,
    `earrings:${look.earrings}`,
  ].join(' ');
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
  if (has('grey')) look.hairColour = GREY;
  SKIN_TONES.forEach((tone, i) => {
    if (has(`skin${i + 1}`)) look.skin = tone;
  });
}
