import { rescoreAttempts, type SavedRun, scenarioFingerprint } from '../../progress/index.ts';
import type { Scenario } from '../../scenario/index.ts';
import type { Library } from '../library/Library.ts';
import { openIndexedDb, ProgressStorage } from '../storage/index.ts';

/**
 * The one `ProgressStorage` of the page, opened on first use, and the hand-over
 * of a run to resume or retry between scenes (scenes are started with plain data).
 */
let opening: Promise<ProgressStorage> | null = null;
let rescoring: Promise<ProgressStorage> | null = null;
let pending: SavedRun | null = null;
let active: SavedRun | null = null;
const fingerprints = new WeakMap<Scenario, string>();

/**
 * With the library (the menu and the role-play pass it), attempts scored by the
 * earlier rules whose runs still replay are rescored once, before anything reads them.
 */
export function progress(library?: Pick<Library, 'scenario' | 'catalogue'>): Promise<ProgressStorage> {
  opening ??= ProgressStorage.open(openIndexedDb);
  if (library === undefined) return rescoring ?? opening;
  rescoring ??= opening.then(async (storage) => {
    await storage.useRescorer(
      (attempts) =>
        rescoreAttempts(attempts, (id) => library.scenario(id), library.catalogue, nowIso()).rescored,
    );
    return storage;
  });
  return rescoring;
}

/** A run the next role-play of this scenario, model and mode should continue (resume or "try again from here"). */
export function setPendingRun(run: SavedRun | null): void {
  pending = run;
}

export function takePendingRun(scenarioId: string, model: string, mode: string): SavedRun | null {
  const run = pending;
  pending = null;
  return run !== null && run.scenarioId === scenarioId && run.model === model && run.mode === mode
    ? run
    : null;
}

/** The run the role-play on screen is saving into. */
export function activeRun(): SavedRun | null {
  return active;
}

export function setActiveRun(run: SavedRun | null): void {
  active = run;
}

export function fingerprintOf(scenario: Scenario): string {
  let print = fingerprints.get(scenario);
  if (print === undefined) {
    print = scenarioFingerprint(scenario);
    fingerprints.set(scenario, print);
  }
  return print;
}

/** A random id; `crypto.randomUUID` needs a secure context, `getRandomValues` does not. */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export const nowIso = (): string => new Date().toISOString();
