export { applySettings } from './applySettings.ts';
export { focusIsLost, focusQuietly, focusTarget, rescueLostFocus } from './focus.ts';
export { type Accessibility, installAccessibility } from './installAccessibility.ts';
export { SettingsPanel } from './SettingsPanel.ts';
export { SETTINGS_KEY, type SettingsBackend, SettingsStore } from './SettingsStore.ts';
export {
  type A11ySettings,
  DEFAULT_SETTINGS,
  mergeSettings,
  parseSettings,
  type SettingsPatch,
  TEXT_SIZES,
  type TextSize,
  VOICE_RATES,
} from './settings.ts';
export { A11Y_STRINGS } from './strings.ts';
