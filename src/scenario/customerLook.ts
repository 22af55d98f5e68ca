/**
 * The words a scenario's `customer.pronouns` and `customer.look` may use: the
 * single list the loader checks, the JSON Schema offers and the art draws.
 * Every `look` field is optional; what is left out comes from the name.
 */

export const PRONOUNS = ['she/her', 'he/him', 'they/them'] as const;
export type Pronouns = (typeof PRONOUNS)[number];

export const AGES = ['young', 'middle', 'older'] as const;
export type AgeGroup = (typeof AGES)[number];

export const MOBILITY = ['standing', 'wheelchair'] as const;
export type Mobility = (typeof MOBILITY)[number];

export const HAIR = [
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
export type Hair = (typeof HAIR)[number];

export const HAIR_COLOURS = ['black', 'brown', 'auburn', 'blonde', 'grey', 'white'] as const;
export type HairColour = (typeof HAIR_COLOURS)[number];

export const FACIAL_HAIR = ['none', 'stubble', 'moustache', 'beard', 'fullBeard'] as const;
export type FacialHairWord = (typeof FACIAL_HAIR)[number];

export const GLASSES = ['none', 'square', 'round'] as const;
export type GlassesWord = (typeof GLASSES)[number];

export const HEADWEAR = ['none', 'hijab', 'turban'] as const;
export type HeadwearWord = (typeof HEADWEAR)[number];

export const TOPS = ['jumper', 'shirt', 'blazer', 'cardigan', 'hoodie'] as const;
export type Top = (typeof TOPS)[number];

/** `customer.look` as written: each field pins one feature of the drawing. */
export interface CustomerLook {
  readonly age?: AgeGroup;
  readonly mobility?: Mobility;
  readonly hair?: Hair;
  readonly hairColour?: HairColour;
  /** 1 (lightest) to 6 (deepest). */
  readonly skin?: number;
  readonly facialHair?: FacialHairWord;
  readonly glasses?: GlassesWord;
  readonly headwear?: HeadwearWord;
  readonly top?: Top;
}

/**
 * The pronouns a title implies: Mr → he/him; Mrs, Ms, Miss → she/her;
 * Mx → they/them. Undefined for other names (Dr, a first name): the author
 * says, or the art leaves it open.
 */
export function pronounsFromTitle(name: string): Pronouns | undefined {
  const title = /^(mrs|ms|miss|mr|mx)\.?(?=\s|$)/i.exec(name.trim())?.[1]?.toLowerCase();
  if (title === 'mr') return 'he/him';
  if (title === 'mx') return 'they/them';
  if (title === undefined) return undefined;
  return 'she/her';
}
