import { type MigrationWarning, migrate } from './migrate.ts';
import { type Attempt, SCHEMA_VERSION, type Store } from './schema.ts';

/** Marks an export file so an import can tell it from any other JSON. */
export const EXPORT_APP = 'complaint-handling-simulator';

/** The whole history as JSON text, for the learner to keep or move to another browser. */
export function exportStore(store: Store, exportedAt: string): string {
  return JSON.stringify(
    {
      app: EXPORT_APP,
      exportedAt,
      schemaVersion: SCHEMA_VERSION,
      learnerName: store.learnerName,
      attempts: store.attempts,
      run: null,
    },
    null,
    2,
  );
}

export interface ImportResult {
  readonly store: Store;
  /** Attempt ids new to this browser. */
  readonly added: readonly string[];
  /** Attempt ids already here that the file had a newer edit of (e.g. a reflection added later). */
  readonly updated: readonly string[];
  /** Attempts already here, unchanged or newer here. */
  readonly unchanged: number;
  /** True when nothing was imported because the file is unreadable or from a newer version. */
  readonly refused: boolean;
  readonly warnings: readonly MigrationWarning[];
}

/**
 * Merges an export file into the store by attempt id. The file goes through
 * `migrate` (any version, damaged records set aside), so only valid attempts
 * can come in; an attempt already here is replaced only by a newer edit of it.
 * The run in progress and learner name here are kept.
 */
export function importStore(current: Store, text: string): ImportResult {
  const read = migrate(text);
  if (read.status === 'newer' || read.status === 'unreadable' || read.status === 'empty') {
    const warnings: MigrationWarning[] =
      read.status === 'empty' ? [{ code: 'unreadable', message: 'The file is empty.' }] : [...read.warnings];
    return { store: current, added: [], updated: [], unchanged: 0, refused: true, warnings };
  }
  const byId = new Map<string, Attempt>(current.attempts.map((a) => [a.id, a]));
  const added: string[] = [];
  const updated: string[] = [];
  let unchanged = 0;
  for (const attempt of read.store.attempts) {
    const known = byId.get(attempt.id);
    if (known === undefined) {
      byId.set(attempt.id, attempt);
      added.push(attempt.id);
    } else if (attempt.updatedAt > known.updatedAt) {
      byId.set(attempt.id, attempt);
      updated.push(attempt.id);
    } else {
      unchanged++;
    }
  }
  const attempts = [...byId.values()].sort((a, b) =>
    a.finishedAt < b.finishedAt ? -1 : a.finishedAt > b.finishedAt ? 1 : 0,
  );
  return {
    store: { ...current, attempts, learnerName: current.learnerName ?? read.store.learnerName },
    added,
    updated,
    unchanged,
    refused: false,
    warnings: read.warnings,
  };
}
