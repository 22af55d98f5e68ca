export { BrowserVoice } from './BrowserVoice.ts';
export { createVoice, TEST_VOICE_HOOK } from './createVoice.ts';
export { Narrator, type NarratorSettings } from './Narrator.ts';
export { RunVoice } from './RunVoice.ts';
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
