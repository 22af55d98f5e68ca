import { clampRate } from '../voice/Voice.ts';

/** Text sizes offered, as a percentage of the normal size (WCAG 1.4.4 asks for up to 200% without loss). */
export const TEXT_SIZES = [100, 125, 150, 175, 200] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

/** Speaking rates offered in the settings panel (1 is the voice's normal speed). */
export const VOICE_RATES = [0.75, 1, 1.25, 1.5] as const;

/** What the learner has chosen about how the simulator looks, moves and sounds. */
export interface A11ySettings {
  readonly textSize: TextSize;
  readonly highContrast: boolean;
  /** `system` follows the device's reduced-motion setting; `reduce` always reduces motion. */
  readonly motion: 'system' | 'reduce';
  /** The phone call clock (a clock, not a time limit) can be hidden (WCAG 2.2.2). */
  readonly showCallTimer: boolean;
  readonly voice: {
    /** Off until the learner turns it on. */
    readonly enabled: boolean;
    readonly rate: number;
    /** A voice id, or `null` for the best UK English voice available. */
    readonly voiceId: string | null;
  };
}

export const DEFAULT_SETTINGS: Readonly<A11ySettings> = {
  textSize: 100,
  highContrast: false,
  motion: 'system',
  showCallTimer: true,
  voice: { enabled: false, rate: 1, voiceId: null },
};

/**
 * Settings from whatever was stored (any JSON value, possibly damaged or from
 * an older version): every field that is missing or wrong falls back to its default.
 */
export function parseSettings(raw: unknown): A11ySettings {
  const d = DEFAULT_SETTINGS;
  if (typeof raw !== 'object' || raw === null) return d;
  const r = raw as Record<string, unknown>;
  const v = typeof r.voice === 'object' && r.voice !== null ? (r.voice as Record<string, unknown>) : {};
  const textSize = TEXT_SIZES.find((size) => size === r.textSize) ?? d.textSize;
  return {
    textSize,
    highContrast: typeof r.highContrast === 'boolean' ? r.highContrast : d.highContrast,
    motion: r.motion === 'reduce' ? 'reduce' : 'system',
    showCallTimer: typeof r.showCallTimer === 'boolean' ? r.showCallTimer : d.showCallTimer,
    voice: {
      enabled: typeof v.enabled === 'boolean' ? v.enabled : d.voice.enabled,
      rate: typeof v.rate === 'number' ? clampRate(v.rate) : d.voice.rate,
      voiceId: typeof v.voiceId === 'string' && v.voiceId.length > 0 ? v.voiceId : null,
    },
  };
}

/** A settings change: any top-level field, and any voice field. */
export type SettingsPatch = Partial<Omit<A11ySettings, 'voice'>> & { voice?: Partial<A11ySettings['voice']> };

export function mergeSettings(settings: A11ySettings, patch: SettingsPatch): A11ySettings {
  return parseSettings({ ...settings, ...patch, voice: { ...settings.voice, ...patch.voice } });
}
