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

/** Fetches a module once; a failed fetch is forgotten, so "Try again" really fetches again. */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
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
