import type { SpeakOptions, Voice } from './Voice.ts';

/** What the narrator needs to know each time it speaks (read fresh, so a change applies to the next line). */
export interface NarratorSettings extends SpeakOptions {
  readonly enabled: boolean;
}

/**
 * Says the customer's lines when the learner has turned the voice on. Each
 * new customer turn cuts off whatever was still being said, so the voice
 * never lags behind the captions.
 */
export class Narrator {
  constructor(
    readonly voice: Voice,
    private readonly settings: () => NarratorSettings,
  ) {}

  /** Speaks the lines of one customer turn, in order, one utterance per line; nothing when the voice is off. */
  sayTurn(lines: readonly string[]): void {
    const { enabled, rate, voiceId } = this.settings();
    this.voice.cancel();
    if (!enabled) return;
    for (const line of lines) this.voice.speak(line, { rate, voiceId });
  }

  stop(): void {
    this.voice.cancel();
  }
}
