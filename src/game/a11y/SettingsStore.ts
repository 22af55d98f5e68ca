import { type A11ySettings, mergeSettings, parseSettings, type SettingsPatch } from './settings.ts';

/** Where settings are kept between visits: localStorage in the browser, a map in tests. */
export interface SettingsBackend {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The localStorage key (versioned, so a future format can migrate). */
export const SETTINGS_KEY = 'complaint-sim.a11y.v1';

/**
 * The learner's accessibility settings: read once, saved on every change, and
 * kept in memory when storage is refused (private browsing, a locked-down PC).
 * Nothing leaves the device.
 */
export class SettingsStore {
  private current: A11ySettings;
  private readonly listeners = new Set<(settings: A11ySettings) => void>();

  constructor(private readonly backend: SettingsBackend | null) {
    this.current = parseSettings(read(backend));
  }

  get settings(): A11ySettings {
    return this.current;
  }

  update(patch: SettingsPatch): A11ySettings {
    this.current = mergeSettings(this.current, patch);
    try {
      this.backend?.setItem(SETTINGS_KEY, JSON.stringify(this.current));
    } catch {
      // Storage full or refused: the setting still applies for this visit.
    }
    for (const listener of this.listeners) listener(this.current);
    return this.current;
  }

  subscribe(listener: (settings: A11ySettings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function read(backend: SettingsBackend | null): unknown {
  try {
    const text = backend?.getItem(SETTINGS_KEY) ?? null;
    return text === null ? null : JSON.parse(text);
  } catch {
    return null;
  }
}
