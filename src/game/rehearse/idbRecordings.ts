import type { RecordingMeta } from './limits.ts';
import type { Recording, RecordingBackend } from './RecordingStore.ts';

/**
 * Recordings get a database of their own, not a store beside progress:
 * progress is opened with idb-keyval, which makes one object store per
 * database and reads every record at start-up; audio there would be read on
 * every page load and could not be added without a version change to the
 * progress database. Here each record holds its `Blob` (IndexedDB keeps
 * blobs natively), keyed by `key`.
 */
export const RECORDINGS_DATABASE = {
  name: 'complaint-handling-simulator-recordings',
  store: 'recordings',
} as const;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((done, fail) => {
    req.onsuccess = () => done(req.result);
    req.onerror = () => fail(req.error);
  });
}

function finished(tx: IDBTransaction): Promise<void> {
  return new Promise((done, fail) => {
    tx.oncomplete = () => done();
    tx.onerror = () => fail(tx.error);
    tx.onabort = () => fail(tx.error ?? new Error('the recording was not saved'));
  });
}

function open(): Promise<IDBDatabase> {
  if (typeof indexedDB === 'undefined') return Promise.reject(new Error('IndexedDB is not available'));
  const req = indexedDB.open(RECORDINGS_DATABASE.name, 1);
  req.onupgradeneeded = () => {
    if (!req.result.objectStoreNames.contains(RECORDINGS_DATABASE.store))
      req.result.createObjectStore(RECORDINGS_DATABASE.store, { keyPath: 'key' });
  };
  return request(req);
}

/**
 * Opens the database for one piece of work and closes it after, so no
 * connection is left open to block another tab or the browser's own
 * "clear site data".
 */
async function withStore<T>(
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore) => Promise<T>,
): Promise<T> {
  const db = await open();
  try {
    const tx = db.transaction(RECORDINGS_DATABASE.store, mode);
    const [result] = await Promise.all([work(tx.objectStore(RECORDINGS_DATABASE.store)), finished(tx)]);
    return result;
  } finally {
    db.close();
  }
}

const isRecording = (value: unknown): value is Recording =>
  typeof value === 'object' &&
  value !== null &&
  'key' in value &&
  typeof value.key === 'string' &&
  'bytes' in value &&
  typeof value.bytes === 'number' &&
  'audio' in value &&
  value.audio instanceof Blob;

export function idbRecordings(): RecordingBackend {
  return {
    list: () =>
      withStore('readonly', async (store) => {
        const all: unknown[] = await request(store.getAll());
        // A record this build cannot read counts as nothing: the limit is kept by what it can read.
        return all.filter(isRecording).map(({ audio: _audio, ...meta }): RecordingMeta => meta);
      }),
    get: (key) =>
      withStore('readonly', async (store) => {
        const value: unknown = await request(store.get(key));
        return isRecording(value) ? value : undefined;
      }),
    write: (put, deletes) =>
      withStore('readwrite', async (store) => {
        for (const key of deletes) store.delete(key);
        store.put(put);
      }),
    clear: () =>
      withStore('readwrite', async (store) => {
        await request(store.clear());
      }),
  };
}

/** "Erase all my data": every recording goes. Rejects if the browser refuses. */
export async function eraseRecordings(): Promise<void> {
  let db: IDBDatabase;
  try {
    db = await open();
  } catch {
    // No IndexedDB, or the browser refuses to open it (some private windows): nothing can have been recorded there.
    return;
  }
  try {
    const tx = db.transaction(RECORDINGS_DATABASE.store, 'readwrite');
    tx.objectStore(RECORDINGS_DATABASE.store).clear();
    await finished(tx);
  } finally {
    db.close();
  }
}
