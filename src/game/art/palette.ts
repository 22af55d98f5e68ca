/**
 * The shared colour palette: warm neutrals, a teal accent and a coral highlight.
 * Every `text*` colour has at least 4.5:1 contrast on `background`, `surface`
 * and `surfaceAlt`; `textOnAccent` has at least 4.5:1 on `accent`, `accentDark`,
 * `success`, `danger` and `warning` (checked in tests/browser/art.browser.test.ts).
 */
export const PALETTE = {
  /** Page and canvas backdrop: warm off-white. */
  background: 0xf6f1ea,
  /** Cards, panels, speech bubbles. */
  surface: 0xffffff,
  /** Secondary panels, customer speech bubble. */
  surfaceAlt: 0xeaf3f1,
  /** Hairlines and panel borders. */
  border: 0xd6d0c6,
  /** Body text (≈14:1 on surface). */
  text: 0x1f2a37,
  /** Secondary text (≈7:1 on surface). */
  textMuted: 0x4b5563,
  /** Text on accent, success, danger and warning fills. */
  textOnAccent: 0xffffff,
  /** Primary buttons, links, focus rings (white text ≈5.5:1). */
  accent: 0x0f766e,
  /** Hover / pressed accent. */
  accentDark: 0x115e59,
  /** Soft accent tint for selected rows and chips. */
  accentSoft: 0xcdebe6,
  /** Warm highlight for decoration only (not for text). */
  highlight: 0xf2a541,
  /** Coral decoration (not for text). */
  coral: 0xe8755a,
  /** Good outcome (white text ≈5:1). */
  success: 0x15803d,
  /** Poor outcome / critical fault (white text ≈6.5:1). */
  danger: 0xb91c1c,
  /** Caution (white text ≈5:1). */
  warning: 0xa35207,
  /** Mood meter: furious → delighted, decoration only. */
  moodLow: 0xd9534f,
  moodMid: 0xf0ad4e,
  moodHigh: 0x3aa56b,
} as const;

export type PaletteColour = keyof typeof PALETTE;

/** `0x0f766e` → `'#0f766e'`, for CSS and Phaser text styles. */
export function toCss(colour: number): string {
  return `#${colour.toString(16).padStart(6, '0')}`;
}

/** The palette as CSS hex strings, for HTML overlays (reply buttons, panels). */
export const PALETTE_CSS = Object.fromEntries(
  Object.entries(PALETTE).map(([name, colour]) => [name, toCss(colour)]),
) as { readonly [K in PaletteColour]: string };

/** Font stack for Phaser text and HTML overlays: the platform UI font, no download. */
/**
 * The page colour as a CSS image layer, for a transparent WebGL canvas's
 * background (main.ts sets it, drawSetting puts it back under a setting):
 * Chromium paints an opaque `background-color` into a WebGL canvas itself,
 * hiding anything beneath its transparent pixels.
 */
export const PAGE_LAYER_CSS = `linear-gradient(${PALETTE_CSS.background}, ${PALETTE_CSS.background})`;

export const FONT_FAMILY = 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif';
