/** The one place the game imports art from, so the scenes depend on a small, named surface. */
export {
  CustomerFigure,
  DESIGN,
  describeLook,
  drawChat,
  drawEmail,
  drawSetting,
  expressionForEnding,
  FIGURE,
  type MessageBox,
  preloadArt,
  settingArtKey,
  settingLayout,
} from '../art/index.ts';
