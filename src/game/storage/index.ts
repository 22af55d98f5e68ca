/** Saved progress in the browser: IndexedDB (idb-keyval) with a memory fallback, behind `ProgressStorage`. */

export { DATABASE, openIndexedDb } from './idbBackend.ts';
export { type Batch, type KeyValueBackend, memoryBackend } from './KeyValueBackend.ts';
export {
  KEYS,
  type Notice,
  ProgressStorage,
  type Rescorer,
  type SaveOutcome,
  type StorageMode,
} from './ProgressStorage.ts';
export { STORAGE_STRINGS } from './strings.ts';
