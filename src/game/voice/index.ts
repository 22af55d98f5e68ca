export { attachVoice } from './attachVoice.ts';
export { BrowserVoice } from './BrowserVoice.ts';
export { createVoice, TEST_VOICE_HOOK } from './createVoice.ts';
export { currentNarrator, Narrator, type NarratorSettings, setNarrator } from './Narrator.ts';
export { SilentVoice } from './SilentVoice.ts';
export {
  chooseVoice,
  clampRate,
  RATE_MAX,
  RATE_MIN,
  type SpeakOptions,
  sortVoices,
  type Voice,
  type VoiceInfo,
} from './Voice.ts';
