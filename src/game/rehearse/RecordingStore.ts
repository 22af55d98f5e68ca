import { makeRoom, RECORDING_LIMITS, type RecordingLimits, type RecordingMeta } from './limits.ts';

/** A recording as stored: what is known of it, and the audio. */
export interface Recording extends RecordingMeta {
  readonly audio: Blob;
}

/**
 * Where recordings live: their own IndexedDB database in the app
 * (`idbRecordings`), a Map in tests. Kept apart from saved progress so
 * progress, read whole at every start, never reads audio (see docs/progress.md).
 */
export interface RecordingBackend {
  /** What is stored, without the audio. */
  list(): Promise<RecordingMeta[]>;
  get(key: string): Promise<Recording | undefined>;
  /** One transaction: the removals and the new recording land together, or nothing changes. */
  write(put: Recording, deletes: readonly string[]): Promise<void>;
  clear(): Promise<void>;
}

/** What saving a recording did: kept (and how many old ones made room), or not kept and why. */
export type SaveResult =
  | { readonly kept: true; readonly dropped: number }
  | { readonly kept: false; readonly reason: 'too-big' | 'failed' };

/** The learner's recordings, within `limits`: the oldest are removed to make room for a new one. */
export class RecordingStore {
  constructor(
    private readonly backend: RecordingBackend,
    private readonly limits: RecordingLimits = RECORDING_LIMITS,
  ) {}

  async save(recording: Recording): Promise<SaveResult> {
    try {
      const room = makeRoom(await this.backend.list(), recording, this.limits);
      if (!room.fits) return { kept: false, reason: room.reason };
      await this.backend.write(recording, room.drop);
      return { kept: true, dropped: room.drop.length };
    } catch {
      // Storage refused or full: the learner keeps the audio on screen for this turn and is told.
      return { kept: false, reason: 'failed' };
    }
  }

  /** The recording at this key, or undefined (also when storage cannot be read). */
  async get(key: string): Promise<Recording | undefined> {
    try {
      return await this.backend.get(key);
    } catch {
      return undefined;
    }
  }

  list(): Promise<RecordingMeta[]> {
    return this.backend.list();
  }

  /** Removes every recording ("Erase all my data"). Rejects if the browser refuses, so the learner is told. */
  clear(): Promise<void> {
    return this.backend.clear();
  }
}

/** Recordings in a Map, for tests (and nothing else: the app keeps them in IndexedDB). */
export function memoryRecordings(): RecordingBackend & { readonly data: Map<string, Recording> } {
  const data = new Map<string, Recording>();
  return {
    data,
    async list() {
      return [...data.values()].map(({ audio: _audio, ...meta }) => meta);
    },
    async get(key) {
      return data.get(key);
    },
    async write(put, deletes) {
      for (const key of deletes) data.delete(key);
      data.set(put.key, put);
    },
    async clear() {
      data.clear();
    },
  };
}
