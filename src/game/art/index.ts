/**
 * The art door: customer figures, settings, palette. Everything is original,
 * drawn in code (the figure) or as SVG in assets/settings (credits in assets/CREDITS.md).
 */
export { ART_KEYS, type ArtKey, DESIGN, preloadArt } from './artKeys.ts';
export { CustomerFigure, type CustomerFigureOptions } from './CustomerFigure.ts';
export { FIGURE } from './drawCustomer.ts';
export { drawChat, drawEmail, type MessageBox, type StageEmail, type StageMessage } from './drawMessages.ts';
export {
  drawSetting,
  FACE_TO_FACE_SETTINGS,
  type SettingLayout,
  settingArtKey,
  settingLayout,
} from './drawSetting.ts';
export { EXPRESSIONS, type Expression, expressionForEnding, expressionForMood } from './expressionForMood.ts';
export { AVATAR_WORDS, describeLook, type Look, type LookTraits, lookFor } from './lookFor.ts';
export { FONT_FAMILY, PAGE_LAYER_CSS, PALETTE, PALETTE_CSS, toCss } from './palette.ts';
