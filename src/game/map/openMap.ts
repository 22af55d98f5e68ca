import { TUTOR_STRINGS } from '../presenter/strings.ts';
import { STRINGS } from '../strings.ts';
import { h } from '../ui/dom.ts';
import { lazy, loadFailure, loadingNote } from '../ui/lazy.ts';
import type { MapDialog, MapDialogOptions } from './MapDialog.ts';

const L = TUTOR_STRINGS.loading.map;

/** The map and its graph layout library (dagre) are fetched the first time a map is opened. */
const loadMapDialog = lazy(() => import('./MapDialog.ts'));

/** An open (or opening) scenario map, as its callers hold it. */
export interface MapHandle {
  /** True while the map is loading, failed to load (the message is showing) or open. */
  readonly open: boolean;
  close(): void;
}

/**
 * Opens the scenario map over the page. The first time, its code is fetched:
 * a modal box says it is loading, and says so plainly (with "Try again") if the
 * fetch fails. Escape or "Close" leaves at any point.
 */
export function openMap(options: MapDialogOptions): MapHandle {
  return new LazyMap(options);
}

class LazyMap implements MapHandle {
  private dialog: MapDialog | null = null;
  private readonly box: HTMLElement;
  private closed = false;
  private readonly returnFocus: Element | null = document.activeElement;
  private readonly onKey = (event: KeyboardEvent): void => {
    if (this.dialog !== null) return;
    // Modal while loading: no key reaches the scene underneath.
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      this.close();
    }
  };

  constructor(private readonly options: MapDialogOptions) {
    this.box = h('div', {
      class: 'lazy-overlay',
      role: 'dialog',
      'aria-modal': 'true',
      'aria-label': L.what,
      'data-testid': 'map-loading',
    });
    document.addEventListener('keydown', this.onKey, true);
    document.body.append(this.box);
    this.load();
  }

  get open(): boolean {
    return !this.closed && (this.dialog === null || this.dialog.open);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.removeBox();
    if (this.dialog !== null) this.dialog.close();
    else if (this.returnFocus instanceof HTMLElement && this.returnFocus.isConnected)
      this.returnFocus.focus();
  }

  private removeBox(): void {
    document.removeEventListener('keydown', this.onKey, true);
    this.box.remove();
  }

  private load(): void {
    this.box.replaceChildren(loadingNote(L.loading));
    loadMapDialog().then(
      ({ MapDialog }) => {
        if (this.closed) return;
        this.removeBox();
        // The dialog gives focus back to where it was before the map was asked for.
        if (this.returnFocus instanceof HTMLElement && this.returnFocus.isConnected) this.returnFocus.focus();
        this.dialog = new MapDialog(this.options);
      },
      () => {
        if (this.closed) return;
        const failure = loadFailure({
          what: L.what,
          retry: () => this.load(),
          leave: { label: STRINGS.lazy.close, action: () => this.close() },
        });
        this.box.replaceChildren(failure);
        failure.querySelector<HTMLElement>('button')?.focus();
      },
    );
  }
}
