/**
 * What the page starts before anything else: the library file and saved
 * progress's IndexedDB, the two things a deep link's first turn waits for that
 * need neither Phaser nor the app. main.ts takes both over.
 *
 * Why a page entry of its own: a module runs only once every module it
 * imports has arrived and run, Phaser's 1.4 MB chunk among them, and each
 * round trip to IndexedDB waits for a free moment of the page's one thread,
 * which Phaser's evaluation and boot rarely leave. Opened from main.ts, saved
 * progress came back 100–300 ms after the role-play was ready
 * (docs/benchmarks.md, "Time to the first reply"). This module is loaded by an
 * `async` script of its own (src/game/build/earlyScriptPlugin.ts), so it runs
 * as soon as its few small modules arrive, while Phaser still downloads; and
 * since main.ts imports it too, it runs exactly once, whichever comes first.
 */
import { fetchLibrary } from './game/library/fetchLibrary.ts';
import { openIndexedDb } from './game/storage/idbBackend.ts';

/** The library file, fetched (index.html preloads it; this reuses that request) and parsed. */
export const EARLY_LIBRARY = fetchLibrary(document);
/** IndexedDB, opened and read once; saved progress takes it (a refusal is met there, as memory-only). */
export const EARLY_INDEXED_DB = openIndexedDb();
// Kept from the console until main.ts meets them: it shows a library that did not arrive, and
// saved progress falls back to memory, saying so.
EARLY_LIBRARY.catch(() => undefined);
EARLY_INDEXED_DB.catch(() => undefined);
