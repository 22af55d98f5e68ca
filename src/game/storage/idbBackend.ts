import { clear, createStore, entries, promisifyRequest, type UseStore } from 'idb-keyval';
import type { KeyValueBackend } from './KeyValueBackend.ts';

/** The database and object store the simulator keeps progress in. */
export const DATABASE = { name: 'complaint-handling-simulator', store: 'progress' } as const;

/**
 * IndexedDB through idb-keyval. Opens and reads once to prove the browser
 * allows storage; rejects if it does not (private mode, storage disabled).
 * That first reading is also the answer to the first `readAll` (saved
 * progress's load), unless something is written first: each round trip to
 * IndexedDB waits for a gap in the page's start-up, and a deep link's first
 * turn waits for saved progress (docs/benchmarks.md, "Time to the first reply").
 */
export async function openIndexedDb(): Promise<KeyValueBackend> {
  if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available');
  const store: UseStore = createStore(DATABASE.name, DATABASE.store);
  let firstReading: Map<string, unknown> | null = asRecords(await entries<IDBValidKey, unknown>(store));
  return {
    kind: 'indexeddb',
    async readAll() {
      const kept = firstReading;
      firstReading = null;
      return kept ?? asRecords(await entries<IDBValidKey, unknown>(store));
    },
    write(batch) {
      firstReading = null;
      return store('readwrite', (objects) => {
        for (const [key, value] of batch.puts) objects.put(value, key);
        for (const key of batch.deletes) objects.delete(key);
        return promisifyRequest(objects.transaction);
      });
    },
    clear() {
      firstReading = null;
      return clear(store);
    },
  };
}

function asRecords(all: [IDBValidKey, unknown][]): Map<string, unknown> {
  return new Map(all.map(([k, v]) => [String(k), v]));
}
