/** A write of several records: every put and delete lands together, or none does. */
export interface Batch {
  readonly puts: ReadonlyMap<string, unknown>;
  readonly deletes: readonly string[];
}

/** Where progress records live: IndexedDB in the app, memory in tests or when the browser refuses storage. */
export interface KeyValueBackend {
  readonly kind: 'indexeddb' | 'memory';
  readAll(): Promise<Map<string, unknown>>;
  /** Atomic: one transaction. Rejects (with the browser's error, e.g. `QuotaExceededError`) and changes nothing on failure. */
  write(batch: Batch): Promise<void>;
  clear(): Promise<void>;
}

/** Records kept in a Map (structured-cloned, as IndexedDB would), lost when the page closes. */
export function memoryBackend(initial: Iterable<[string, unknown]> = []): KeyValueBackend & {
  readonly data: Map<string, unknown>;
} {
  const data = new Map<string, unknown>(initial);
  return {
    kind: 'memory',
    data,
    async readAll() {
      return new Map([...data].map(([k, v]) => [k, structuredClone(v)]));
    },
    async write(batch) {
      const puts = [...batch.puts].map(([k, v]) => [k, structuredClone(v)] as const);
      for (const [k, v] of puts) data.set(k, v);
      for (const k of batch.deletes) data.delete(k);
    },
    async clear() {
      data.clear();
    },
  };
}
