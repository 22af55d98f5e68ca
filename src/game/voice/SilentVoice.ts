import type { Voice, VoiceInfo } from './Voice.ts';

/** The voice of a browser with no speech synthesis: says nothing, offers no voices. */
export class SilentVoice implements Voice {
  speak(): void {}
  cancel(): void {}
  voices(): readonly VoiceInfo[] {
    return [];
  }
  onVoicesChanged(): () => void {
    return () => undefined;
  }
}
