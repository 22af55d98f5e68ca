import { describe, expect, it } from 'vitest';
import { SETTINGS_KEY, type SettingsBackend, SettingsStore } from '../../src/game/a11y/SettingsStore.ts';
import { DEFAULT_SETTINGS, mergeSettings, parseSettings } from '../../src/game/a11y/settings.ts';

class MapBackend implements SettingsBackend {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

describe('accessibility settings', () => {
  it('start with the voice off, normal text, standard contrast, motion as the device says, and the call clock shown', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      textSize: 100,
      highContrast: false,
      motion: 'system',
      showCallTimer: true,
      voice: { enabled: false, rate: 1, voiceId: null },
    });
  });

  it('fall back field by field when stored data is damaged or from another version', () => {
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('200')).toEqual(DEFAULT_SETTINGS);
    expect(
      parseSettings({
        textSize: 300,
        highContrast: 'yes',
        motion: 'reduce',
        voice: { rate: 9, voiceId: '' },
      }),
    ).toEqual({ ...DEFAULT_SETTINGS, motion: 'reduce', voice: { enabled: false, rate: 2, voiceId: null } });
    expect(parseSettings({ textSize: 200, voice: 'on' })).toEqual({ ...DEFAULT_SETTINGS, textSize: 200 });
  });

  it('merge a change to one voice field without losing the others', () => {
    const on = mergeSettings(DEFAULT_SETTINGS, { voice: { enabled: true } });
    const faster = mergeSettings(on, { voice: { rate: 1.25 } });
    expect(faster.voice).toEqual({ enabled: true, rate: 1.25, voiceId: null });
  });

  it('are saved on every change, read back on the next visit, and told to subscribers', () => {
    const backend = new MapBackend();
    const store = new SettingsStore(backend);
    const seen: number[] = [];
    store.subscribe((s) => seen.push(s.textSize));
    store.update({ textSize: 150 });
    store.update({ highContrast: true });
    expect(seen).toEqual([150, 150]);
    expect(JSON.parse(backend.items.get(SETTINGS_KEY) ?? '{}')).toMatchObject({
      textSize: 150,
      highContrast: true,
    });
    expect(new SettingsStore(backend).settings).toMatchObject({ textSize: 150, highContrast: true });
  });

  it('still apply for this visit when storage is refused or broken', () => {
    const refusing: SettingsBackend = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const store = new SettingsStore(refusing);
    expect(store.update({ textSize: 200 }).textSize).toBe(200);
    expect(store.settings.textSize).toBe(200);
    expect(new SettingsStore(null).settings).toEqual(DEFAULT_SETTINGS);
    const garbled = new MapBackend();
    garbled.setItem(SETTINGS_KEY, '{not json');
    expect(new SettingsStore(garbled).settings).toEqual(DEFAULT_SETTINGS);
  });
});
