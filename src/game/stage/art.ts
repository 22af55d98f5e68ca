/** The one place the game imports art from, so the scenes depend on a small, named surface. */
export {
  CustomerFigure,
  DESIGN,
  drawSetting,
  FIGURE,
  preloadArt,
  settingArtKey,
  settingLayout,
} from '../art/index.ts';
