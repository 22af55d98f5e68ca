/**
 * Fetches the library the build checked (src/game/build/libraryPlugin.ts): a
 * JSON file that index.html names in `<link rel="preload" as="fetch"
 * id="library-data">`, so its download starts while the page is parsed, in
 * parallel with the scripts; this fetch reuses that request. The library is
 * data, not code: JSON.parse of fetched text costs less than compiling the
 * same data as JavaScript, and it keeps the first load's JavaScript within its
 * budget as the library grows (docs/benchmarks.md, "Budgets in CI").
 */
import { STRINGS } from '../strings.ts';
import { h } from '../ui/dom.ts';
import { LIBRARY_LINK_ID, type LibraryData } from './libraryData.ts';

/** Why the library could not be loaded, as the end of "The role-plays could not be loaded: …". */
export class LibraryLoadError extends Error {
  override readonly name = 'LibraryLoadError';
  constructor(
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(`The role-plays could not be loaded: ${reason}`, options);
  }
}

/** The address of the library file, from the page's preload link. */
export function libraryUrl(doc: Document): string {
  const link = doc.getElementById(LIBRARY_LINK_ID);
  if (!(link instanceof HTMLLinkElement) || link.href === '')
    throw new LibraryLoadError(STRINGS.startup.noLink);
  return link.href;
}

function isLibraryData(value: unknown): value is LibraryData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Record<string, unknown>;
  return (
    typeof data.catalogue === 'object' &&
    data.catalogue !== null &&
    Array.isArray(data.scenarios) &&
    Array.isArray(data.broken) &&
    Array.isArray(data.catalogueProblems)
  );
}

/** Fetches and parses the library; rejects with a LibraryLoadError saying why in plain words. */
export async function fetchLibrary(
  doc: Document,
  fetcher: typeof fetch = (input, init) => fetch(input, init),
): Promise<LibraryData> {
  const url = libraryUrl(doc);
  let response: Response;
  try {
    // The preload's mode and credentials (`crossorigin`: cors, same-origin): the browser reuses its response.
    response = await fetcher(url, { credentials: 'same-origin' });
  } catch (error) {
    throw new LibraryLoadError(STRINGS.startup.network, { cause: error });
  }
  if (!response.ok) throw new LibraryLoadError(STRINGS.startup.status(response.status, response.statusText));
  let data: unknown;
  try {
    data = JSON.parse(await response.text());
  } catch (error) {
    throw new LibraryLoadError(STRINGS.startup.damaged, { cause: error });
  }
  if (!isLibraryData(data)) throw new LibraryLoadError(STRINGS.startup.damaged);
  return data;
}

/**
 * The message that replaces "Loading the role-plays…" when the library cannot
 * be loaded (a damaged deploy, a network drop before the service worker has
 * cached it): what happened and a Reload button, never a blank screen.
 */
export function libraryFailure(error: unknown, reload: () => void): HTMLElement {
  const reason = error instanceof LibraryLoadError ? error.reason : STRINGS.startup.unexpected;
  const button = h(
    'button',
    { type: 'button', class: 'button primary', 'data-testid': 'library-reload' },
    STRINGS.startup.reload,
  );
  button.addEventListener('click', () => reload());
  return h(
    'div',
    { class: 'notice lazy-error', role: 'alert', 'data-testid': 'library-error' },
    h('h2', {}, STRINGS.startup.failedHeading),
    h('p', {}, STRINGS.startup.failed(reason)),
    h('div', { class: 'lazy-actions' }, button),
  );
}
