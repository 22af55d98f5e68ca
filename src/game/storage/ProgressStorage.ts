import {
  type Attempt,
  AttemptSchema,
  emptyStore,
  type ImportResult,
  importStore,
  type MigrationWarning,
  migrate,
  type SavedRun,
  SavedRunSchema,
  SCHEMA_VERSION,
  type Store,
  withAttempt,
  withRun,
} from '../../progress/index.ts';
import type { KeyValueBackend } from './KeyValueBackend.ts';
import { memoryBackend } from './KeyValueBackend.ts';
import { STORAGE_STRINGS } from './strings.ts';

/** Record keys: one per attempt, so a damaged record costs that attempt only. */
export const KEYS = {
  meta: 'meta',
  run: 'run',
  profile: 'profile',
  attempt: (id: string) => `attempt:${id}`,
  attemptPrefix: 'attempt:',
  quarantinePrefix: 'quarantine:',
  backupPrefix: 'backup:',
} as const;

/**
 * - `saving`: records are written to the browser's storage.
 * - `memory-only`: the browser refuses storage; progress lives until the tab closes.
 * - `read-only`: a newer version's data is here; it is never written over.
 */
export type StorageMode = 'saving' | 'memory-only' | 'read-only';

export interface Notice {
  readonly kind: 'info' | 'warning' | 'error';
  readonly code:
    | 'unavailable'
    | 'newer'
    | 'salvaged'
    | 'run-damaged'
    | 'unreadable'
    | 'migrated'
    | 'quota'
    | 'write-failed'
    | 'erased'
    | 'erase-failed';
  readonly text: string;
}

/** The outcome of a write: `saved`, or `kept-in-memory` with the reason shown to the learner. */
export type SaveOutcome = 'saved' | 'kept-in-memory';

/** Rescores what it can of the attempts (with the scenario library), returning only the attempts it rescored. */
export type Rescorer = (attempts: readonly Attempt[]) => readonly Attempt[];

const DELETE = Symbol('delete');

const isQuota = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  'name' in error &&
  (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED');

/**
 * Saved progress for the game: loads and migrates what the browser holds,
 * keeps the current `Store` in memory, and writes every change as one
 * transaction. Damaged records are moved aside, never deleted; a newer
 * version's data is never written over; a failed write is retried with the
 * next one, and the learner is told in plain words.
 */
export class ProgressStorage {
  private current: Store = emptyStore();
  private modeNow: StorageMode;
  private readonly noticeList: Notice[] = [];
  private readonly pending = new Map<string, unknown>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<() => void>();
  private rescorer: Rescorer | null = null;
  /** Other data this site keeps, erased with progress (Rehearse aloud's recordings: see `alsoErase`). */
  private readonly erasers: (() => Promise<void>)[] = [];

  private constructor(
    private backend: KeyValueBackend,
    mode: StorageMode,
  ) {
    this.modeNow = mode;
  }

  /** Opens storage with `open` (IndexedDB in the app); falls back to memory, saying so, if the browser refuses. */
  static async open(open: () => Promise<KeyValueBackend>): Promise<ProgressStorage> {
    let storage: ProgressStorage;
    try {
      storage = new ProgressStorage(await open(), 'saving');
    } catch {
      storage = new ProgressStorage(memoryBackend(), 'memory-only');
      storage.notice({ kind: 'warning', code: 'unavailable', text: STORAGE_STRINGS.unavailable });
    }
    await storage.load();
    return storage;
  }

  get store(): Store {
    return this.current;
  }

  get mode(): StorageMode {
    return this.modeNow;
  }

  get notices(): readonly Notice[] {
    return this.noticeList;
  }

  /** True while some change is only in memory (the last write failed). */
  get unsaved(): boolean {
    return this.pending.size > 0;
  }

  /** Called after any change to the store, mode or notices; returns an unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dismissNotice(notice: Notice): void {
    const at = this.noticeList.indexOf(notice);
    if (at >= 0) this.noticeList.splice(at, 1);
    this.changed();
  }

  /** Saves (or with null, forgets) the run in progress. */
  saveRun(run: SavedRun | null): Promise<SaveOutcome> {
    if (run !== null) SavedRunSchema.parse(run);
    this.current = withRun(this.current, run);
    return this.write([[KEYS.run, run ?? DELETE]]);
  }

  /** Stores a finished attempt and forgets the run in progress, together. */
  finishRun(attempt: Attempt): Promise<SaveOutcome> {
    AttemptSchema.parse(attempt);
    this.current = withRun(withAttempt(this.current, attempt), null);
    return this.write([
      [KEYS.attempt(attempt.id), attempt],
      [KEYS.run, DELETE],
    ]);
  }

  /** Saves an edit to a finished attempt (self-assessment, reflection). */
  saveAttempt(attempt: Attempt): Promise<SaveOutcome> {
    AttemptSchema.parse(attempt);
    this.current = withAttempt(this.current, attempt);
    return this.write([[KEYS.attempt(attempt.id), attempt]]);
  }

  saveLearnerName(name: string | null): Promise<SaveOutcome> {
    const trimmed = name === null ? null : name.trim().slice(0, 200) || null;
    this.current = { ...this.current, learnerName: trimmed };
    return this.write([[KEYS.profile, { learnerName: trimmed }]]);
  }

  /**
   * Rescores, with `rescorer`, the attempts under the earlier scoring rules
   * whose runs still replay, now and after every import, and writes each
   * rescored attempt back (once: it is then under the current rules).
   */
  useRescorer(rescorer: Rescorer): Promise<SaveOutcome> {
    this.rescorer = rescorer;
    const rescored = this.rescore();
    if (rescored.length === 0) return Promise.resolve('saved');
    return this.write(rescored.map((a) => [KEYS.attempt(a.id), a]));
  }

  /** Merges an export file; writes only the attempts it adds or updates (rescored where they replay). */
  async importText(text: string): Promise<ImportResult> {
    const result = importStore(this.current, text);
    if (result.refused) return result;
    this.current = result.store;
    const changed = new Set([...result.added, ...result.updated, ...this.rescore().map((a) => a.id)]);
    const writes: [string, unknown][] = this.current.attempts
      .filter((a) => changed.has(a.id))
      .map((a) => [KEYS.attempt(a.id), a]);
    if (result.store.learnerName !== null)
      writes.push([KEYS.profile, { learnerName: result.store.learnerName }]);
    await this.write(writes);
    return result;
  }

  /**
   * Adds other data this site keeps in its own store (Rehearse aloud's
   * recordings) to "Erase all my data": `eraseAll` erases it too, and says
   * the erase failed if it cannot.
   */
  alsoErase(eraser: () => Promise<void>): void {
    this.erasers.push(eraser);
  }

  /** Erases everything this site saved, set-aside and backup records included, and starts afresh. */
  async eraseAll(): Promise<boolean> {
    await this.queue.catch(() => undefined);
    try {
      // Every store is tried, even when one refuses, so as much as possible is gone.
      const results = await Promise.allSettled([
        this.backend.clear(),
        ...this.erasers.map((erase) => erase()),
      ]);
      if (results.some((result) => result.status === 'rejected'))
        throw new Error('not everything was erased');
    } catch {
      this.notice({ kind: 'error', code: 'erase-failed', text: STORAGE_STRINGS.eraseFailed });
      return false;
    }
    this.pending.clear();
    this.current = emptyStore();
    this.noticeList.length = 0;
    if (this.modeNow === 'read-only') this.modeNow = 'saving';
    this.notice({ kind: 'info', code: 'erased', text: STORAGE_STRINGS.erased });
    return true;
  }

  /** Applies the rescorer to the attempts in memory; returns the ones it changed, each checked before it is kept. */
  private rescore(): readonly Attempt[] {
    if (this.rescorer === null || this.current.attempts.length === 0) return [];
    let rescored: readonly Attempt[];
    try {
      rescored = this.rescorer(this.current.attempts);
      for (const attempt of rescored) AttemptSchema.parse(attempt);
    } catch {
      // A programming error in rescoring must not stop the app or touch the data: the stored marks stay.
      return [];
    }
    for (const attempt of rescored) this.current = withAttempt(this.current, attempt);
    return rescored;
  }

  private async load(): Promise<void> {
    let records: Map<string, unknown>;
    try {
      records = await this.backend.readAll();
    } catch {
      this.backend = memoryBackend();
      this.modeNow = 'memory-only';
      this.notice({ kind: 'warning', code: 'unavailable', text: STORAGE_STRINGS.unavailable });
      return;
    }
    const attemptKeys = [...records.keys()].filter((k) => k.startsWith(KEYS.attemptPrefix)).sort();
    const meta = records.get(KEYS.meta);
    const metaVersion =
      typeof meta === 'object' && meta !== null && 'schemaVersion' in meta ? meta.schemaVersion : undefined;
    const hasData = attemptKeys.length > 0 || records.has(KEYS.run) || records.has(KEYS.profile);
    if (metaVersion === undefined && !hasData) return;
    const profile = records.get(KEYS.profile);
    const doc = {
      // Records without a readable version marker are checked as the current version, one by one.
      schemaVersion: typeof metaVersion === 'number' ? metaVersion : SCHEMA_VERSION,
      attempts: attemptKeys.map((k) => records.get(k)),
      run: records.get(KEYS.run) ?? null,
      learnerName:
        typeof profile === 'object' && profile !== null && 'learnerName' in profile
          ? profile.learnerName
          : null,
    };
    const result = migrate(doc);
    if (result.status === 'newer') {
      this.modeNow = 'read-only';
      this.notice({ kind: 'warning', code: 'newer', text: STORAGE_STRINGS.newer });
      return;
    }
    this.current = result.store;
    const stamp = new Date().toISOString();
    const aside = new Map<string, unknown>();
    const deletes: string[] = [];
    if (result.status === 'unreadable') {
      // Nothing could be read: set every record aside so it cannot be misread later, and start afresh.
      for (const [key, value] of records) {
        if (key.startsWith(KEYS.quarantinePrefix) || key.startsWith(KEYS.backupPrefix)) continue;
        aside.set(`${KEYS.quarantinePrefix}${stamp}:${key}`, value);
        deletes.push(key);
      }
      this.notice({ kind: 'warning', code: 'unreadable', text: STORAGE_STRINGS.unreadable });
    }
    for (const warning of result.warnings) {
      const key = keyFor(warning, attemptKeys);
      if (key === null || !records.has(key)) continue;
      aside.set(`${KEYS.quarantinePrefix}${stamp}:${key}`, records.get(key));
      deletes.push(key);
    }
    if (result.warnings.some((w) => w.code === 'bad-run')) {
      this.notice({ kind: 'warning', code: 'run-damaged', text: STORAGE_STRINGS.runDamaged });
    }
    const badAttempts = result.warnings.filter((w) => w.code === 'bad-record').length;
    if (badAttempts > 0) {
      this.notice({
        kind: 'warning',
        code: 'salvaged',
        text: STORAGE_STRINGS.salvaged(result.store.attempts.length, badAttempts),
      });
    }
    if (result.status === 'migrated') {
      // Keep the old records as they were, beside the new ones, in the same transaction.
      aside.set(`${KEYS.backupPrefix}v${result.fromVersion}:${stamp}`, doc);
      for (const a of result.store.attempts) aside.set(KEYS.attempt(a.id), a);
      if (result.store.run !== null) aside.set(KEYS.run, result.store.run);
      this.notice({ kind: 'info', code: 'migrated', text: STORAGE_STRINGS.migrated });
    }
    if (aside.size > 0 || deletes.length > 0 || metaVersion !== SCHEMA_VERSION) {
      aside.set(KEYS.meta, { schemaVersion: SCHEMA_VERSION });
      try {
        await this.backend.write({ puts: aside, deletes: deletes.filter((k) => !aside.has(k)) });
      } catch (error) {
        this.failed(error);
      }
    }
  }

  /** Queues the records, then writes everything not yet saved in one transaction. */
  private write(entries: readonly (readonly [string, unknown])[]): Promise<SaveOutcome> {
    this.changed();
    if (this.modeNow !== 'saving') return Promise.resolve('kept-in-memory');
    for (const [key, value] of entries) this.pending.set(key, value);
    const next = this.queue.then(() => this.flush());
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async flush(): Promise<SaveOutcome> {
    if (this.pending.size === 0) return 'saved';
    const batch = new Map(this.pending);
    const puts = new Map<string, unknown>([[KEYS.meta, { schemaVersion: SCHEMA_VERSION }]]);
    const deletes: string[] = [];
    for (const [key, value] of batch) {
      if (value === DELETE) deletes.push(key);
      else puts.set(key, value);
    }
    try {
      await this.backend.write({ puts, deletes });
    } catch (error) {
      this.failed(error);
      return 'kept-in-memory';
    }
    for (const [key, value] of batch) if (this.pending.get(key) === value) this.pending.delete(key);
    this.clearNotices('quota', 'write-failed');
    return 'saved';
  }

  private failed(error: unknown): void {
    if (isQuota(error)) this.notice({ kind: 'error', code: 'quota', text: STORAGE_STRINGS.quota });
    else this.notice({ kind: 'error', code: 'write-failed', text: STORAGE_STRINGS.writeFailed });
  }

  private notice(notice: Notice): void {
    if (!this.noticeList.some((n) => n.code === notice.code)) this.noticeList.push(notice);
    this.changed();
  }

  private clearNotices(...codes: Notice['code'][]): void {
    const before = this.noticeList.length;
    for (let i = this.noticeList.length - 1; i >= 0; i--) {
      const n = this.noticeList[i];
      if (n !== undefined && codes.includes(n.code)) this.noticeList.splice(i, 1);
    }
    if (this.noticeList.length !== before) this.changed();
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

/** The storage key of the record a migration warning is about. */
function keyFor(warning: MigrationWarning, attemptKeys: readonly string[]): string | null {
  if (warning.code === 'bad-run') return KEYS.run;
  if (warning.code !== 'bad-record' || warning.path === undefined) return null;
  const match = /^attempts\[(\d+)\]$/.exec(warning.path);
  return match === null ? null : (attemptKeys[Number(match[1])] ?? null);
}
