import { TUTOR_STRINGS } from '../presenter/strings.ts';
import { STRINGS } from '../strings.ts';
import { Dialog } from '../ui/Dialog.ts';
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
  /** Modal while loading (ui/Dialog.ts): no key reaches the scene underneath. */
  private readonly box: Dialog;
  private closed = false;

  constructor(private readonly options: MapDialogOptions) {
    this.box = new Dialog({
      className: 'lazy-overlay',
      look: 'sheet',
      label: L.what,
      testId: 'map-loading',
      // Escape leaves while it loads, as "Close" does when it failed.
      onClose: (reason) => {
        if (reason !== 'action') this.close();
      },
    });
    this.box.open();
    this.load();
  }

  get open(): boolean {
    return !this.closed && (this.dialog === null || this.dialog.open);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.box.close();
    this.dialog?.close();
  }

  private load(): void {
    this.box.element.replaceChildren(loadingNote(L.loading));
    loadMapDialog().then(
      ({ MapDialog }) => {
        if (this.closed) return;
        // Focus goes back to where it was before the map was asked for; the map takes it from there.
        this.box.close();
        this.dialog = new MapDialog(this.options);
      },
      () => {
        if (this.closed) return;
        const failure = loadFailure({
          what: L.what,
          retry: () => this.load(),
          leave: { label: STRINGS.lazy.close, action: () => this.close() },
        });
        this.box.element.replaceChildren(failure);
        failure.querySelector<HTMLElement>('button')?.focus();
      },
    );
  }
}
