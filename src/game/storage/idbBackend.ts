import { clear, createStore, entries, promisifyRequest, type UseStore } from 'idb-keyval';
import type { KeyValueBackend } from './KeyValueBackend.ts';

/** The database and object store the simulator keeps progress in. */
export const DATABASE = { name: 'complaint-handling-simulator', store: 'progress' } as const;

/**
 * IndexedDB through idb-keyval. Opens and reads once to prove the browser
 * allows storage; rejects if it does not (private mode, storage disabled).
 */
export async function openIndexedDb(): Promise<KeyValueBackend> {
  if (typeof indexedDB === 'undefined') throw new Error('IndexedDB is not available');
  const store: UseStore = createStore(DATABASE.name, DATABASE.store);
  await entries(store);
  return {
    kind: 'indexeddb',
    async readAll() {
      const all = await entries<IDBValidKey, unknown>(store);
      return new Map(all.map(([k, v]) => [String(k), v]));
    },
    write(batch) {
      return store('readwrite', (objects) => {
        for (const [key, value] of batch.puts) objects.put(value, key);
        for (const key of batch.deletes) objects.delete(key);
        return promisifyRequest(objects.transaction);
      });
    },
    clear() {
      return clear(store);
    },
  };
}
