/** A voice the browser offers, described without tying callers to the Web Speech API. */
export interface VoiceInfo {
  /** Stable id (the Web Speech API's voiceURI). */
  readonly id: string;
  readonly name: string;
  /** BCP 47 language tag, e.g. `en-GB`. */
  readonly lang: string;
  readonly isDefault: boolean;
}

/** How to say a line: speed (1 is normal) and which voice (`null`: the best UK English one available). */
export interface SpeakOptions {
  readonly rate: number;
  readonly voiceId: string | null;
}

/**
 * Speech behind a small interface, so the game can be tested with a fake and
 * stays silent where the browser has no speech synthesis or no voices.
 * `speak` queues after anything already being said; `cancel` stops it all.
 */
export interface Voice {
  speak(text: string, options: SpeakOptions): void;
  cancel(): void;
  voices(): readonly VoiceInfo[];
  /** Calls `listener` when the list of voices changes (browsers load them late); returns an unsubscribe. */
  onVoicesChanged(listener: () => void): () => void;
}

/** Lowest and highest speaking rates offered (the Web Speech API allows 0.1–10, but beyond this is unintelligible). */
export const RATE_MIN = 0.5;
export const RATE_MAX = 2;

export function clampRate(rate: number): number {
  if (!Number.isFinite(rate)) return 1;
  return Math.min(RATE_MAX, Math.max(RATE_MIN, rate));
}

/**
 * The voice to use: the learner's choice if it is still there, else the first
 * UK English voice (the browser's default one first), else any English voice,
 * else the default, else the first. `undefined` when there are none.
 */
export function chooseVoice(voices: readonly VoiceInfo[], wanted: string | null): VoiceInfo | undefined {
  if (wanted !== null) {
    const chosen = voices.find((v) => v.id === wanted);
    if (chosen !== undefined) return chosen;
  }
  const lang = (v: VoiceInfo): string => v.lang.replace('_', '-').toLowerCase();
  const byDefaultFirst = [...voices].sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
  return (
    byDefaultFirst.find((v) => lang(v) === 'en-gb') ??
    byDefaultFirst.find((v) => lang(v).startsWith('en')) ??
    byDefaultFirst[0]
  );
}

/** Voices in the order a UK learner would want to pick from: UK English, other English, then the rest. */
export function sortVoices(voices: readonly VoiceInfo[]): VoiceInfo[] {
  const rank = (v: VoiceInfo): number => {
    const lang = v.lang.replace('_', '-').toLowerCase();
    return lang === 'en-gb' ? 0 : lang.startsWith('en') ? 1 : 2;
  };
  return [...voices].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}
