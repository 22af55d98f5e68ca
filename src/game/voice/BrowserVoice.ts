import { chooseVoice, clampRate, type SpeakOptions, type Voice, type VoiceInfo } from './Voice.ts';

/**
 * Speech through the Web Speech API's `speechSynthesis`, preferring a UK
 * English voice. With no voices installed (headless browsers, some Linux
 * desktops) the browser says nothing, and neither does this.
 */
export class BrowserVoice implements Voice {
  constructor(
    private readonly synth: SpeechSynthesis,
    private readonly Utterance: typeof SpeechSynthesisUtterance,
  ) {}

  speak(text: string, options: SpeakOptions): void {
    const line = text.trim();
    if (line.length === 0) return;
    const utterance = new this.Utterance(line);
    const info = chooseVoice(this.voices(), options.voiceId);
    const voice = info === undefined ? undefined : this.synth.getVoices().find((v) => v.voiceURI === info.id);
    if (voice !== undefined) utterance.voice = voice;
    utterance.lang = voice?.lang ?? 'en-GB';
    utterance.rate = clampRate(options.rate);
    // Chrome stops speaking after some idle time and needs a nudge (it is a no-op elsewhere).
    if (this.synth.paused) this.synth.resume();
    this.synth.speak(utterance);
  }

  cancel(): void {
    this.synth.cancel();
  }

  voices(): readonly VoiceInfo[] {
    return this.synth.getVoices().map((v) => ({
      id: v.voiceURI,
      name: v.name,
      lang: v.lang,
      isDefault: v.default,
    }));
  }

  onVoicesChanged(listener: () => void): () => void {
    this.synth.addEventListener('voiceschanged', listener);
    return () => this.synth.removeEventListener('voiceschanged', listener);
  }
}
