/**
 * Code only some visits need (the tutor tools, the scenario map, the scenario
 * editor with CodeMirror and the YAML loader) is fetched with `import()` the
 * first time it is used, so a learner's first load is the menu and the
 * role-play only. These helpers show that such a part is loading, and say so
 * plainly when it cannot be fetched (offline before it was ever cached, or a
 * newer build has replaced the files): never a blank screen.
 */
import { STRINGS } from '../strings.ts';
import { h } from './dom.ts';

/**
 * Fetches a module once and makes what the caller needs of it (`use`); a failed
 * fetch is forgotten, so "Try again" really fetches again.
 *
 * Why the module and `use` come apart: some browsers (Chromium before about
 * version 155, older Firefox and Safari) keep a failed `import()` in the page's
 * module map, so importing the same address again fails at once without asking
 * the network, and "Try again" could never work there. A retry that meets that
 * failure imports the address the error names with a `retry` query of its own,
 * an address the module map has not seen, and makes the same thing of it.
 * (A failed chunk that the module imports in turn stays failed in such a
 * browser until the page is reloaded; the message's advice covers that.)
 */
export function lazy<M, T = M>(
  importModule: () => Promise<M>,
  use: (module: M) => T = (module) => module as unknown as T,
): () => Promise<T> {
  let pending: Promise<T> | null = null;
  let failures = 0;
  return () => {
    pending ??= importAgain(importModule, failures)
      .then(use)
      .catch((error: unknown) => {
        pending = null;
        failures += 1;
        throw error;
      });
    return pending;
  };
}

async function importAgain<M>(importModule: () => Promise<M>, failures: number): Promise<M> {
  try {
    return await importModule();
  } catch (error) {
    const address = failures > 0 ? failedModuleAddress(error) : null;
    if (address === null) throw error;
    const retry = `${address}${address.includes('?') ? '&' : '?'}retry=${failures}`;
    return (await import(/* @vite-ignore */ retry)) as M;
  }
}

/**
 * The address of the module a failed `import()` names (Chromium: "Failed to
 * fetch dynamically imported module: URL"; Firefox: "error loading dynamically
 * imported module: URL"), or null when the message names none (Safari).
 */
export function failedModuleAddress(error: unknown): string | null {
  const message = error instanceof Error ? error.message : String(error);
  const match = /\b(https?:\/\/[^\s'"]+)/.exec(message);
  return match?.[1] ?? null;
}

/** "Loading the … " as a polite status. */
export function loadingNote(text: string): HTMLElement {
  return h('p', { class: 'loading', role: 'status', 'data-testid': 'lazy-loading' }, text);
}

export interface LoadFailureOptions {
  /** What could not be loaded, as the subject of a sentence ("The scenario map"). */
  readonly what: string;
  readonly retry: () => void;
  /** The way out: back to the menu, or close. */
  readonly leave: { readonly label: string; readonly action: () => void };
}

/** The message shown when a part of the app could not be fetched, with "Try again" and a way out. */
export function loadFailure(options: LoadFailureOptions): HTMLElement {
  const retry = h(
    'button',
    { type: 'button', class: 'button primary', 'data-testid': 'lazy-retry' },
    STRINGS.lazy.retry,
  );
  retry.addEventListener('click', () => options.retry());
  const leave = h('button', { type: 'button', class: 'button secondary' }, options.leave.label);
  leave.addEventListener('click', () => options.leave.action());
  return h(
    'div',
    { class: 'notice lazy-error', role: 'alert', 'data-testid': 'lazy-error' },
    h('h2', {}, STRINGS.lazy.failedHeading(options.what)),
    h('p', {}, STRINGS.lazy.failedBody),
    h('div', { class: 'lazy-actions' }, retry, leave),
  );
}
