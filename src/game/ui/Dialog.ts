import { focusQuietly, focusTarget } from '../a11y/focus.ts';
import { type FocusPlace, tabWrap } from './dialogFocus.ts';
import './dialog.css';

/** Why a dialog closed: a button or code (`action`), Escape (`escape`) or a click on the backdrop (`backdrop`). */
export type CloseReason = 'action' | 'escape' | 'backdrop';

export interface DialogOptions {
  /** Its classes: the CSS and the browser tests know each dialog by them (`pause-menu`, `progress-dialog`...). */
  readonly className: string;
  /** The id of the heading inside that names it (aria-labelledby). */
  readonly labelledBy?: string;
  /** A name, for a dialog with no heading of its own (a loading box). */
  readonly label?: string;
  /** The id of the text inside that describes it (aria-describedby). */
  readonly describedBy?: string;
  readonly testId?: string;
  /**
   * A sheet covers the whole page (History, the evidence record, the map); a box sits in the middle
   * over a dimmed page (a question, the pause menu, the settings).
   */
  readonly look?: 'box' | 'sheet';
  /**
   * What Escape does: `close` (the default), or `ignore` where closing would lose something
   * (the self-assessment hides the result until it is answered).
   */
  readonly escape?: 'close' | 'ignore';
  /** Whether a click on the dimmed page outside the box closes it, as Escape does. */
  readonly closeOnBackdrop?: boolean;
  /** Where focus goes when it opens; the first control inside when not given or null. */
  readonly initialFocus?: (dialog: HTMLDialogElement) => HTMLElement | null;
  /** Runs once each time it closes, after focus has gone back. */
  readonly onClose?: (reason: CloseReason) => void;
  /** Kept in the page when closed, to open again (the pause menu, the settings); removed otherwise. */
  readonly reusable?: boolean;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * The one modal dialog of the game, on the browser's own <dialog> and
 * showModal(): the page behind is inert for the mouse, the keyboard and
 * screen readers. On top of that it
 * - is named by its heading (aria-labelledby) and described where asked;
 * - moves focus in when it opens, and keeps Tab and Shift+Tab inside (the
 *   browser would let Tab leave for its own toolbar);
 * - stops every key at its edge, so a digit typed in it never chooses a reply
 *   in the role-play behind (the game reads keys on the document);
 * - gives focus back to the control that opened it when it closes (or,
 *   when that control has gone, to the next sensible place: see a11y/focus.ts).
 */
export class Dialog {
  readonly element: HTMLDialogElement;
  private opener: HTMLElement | null = null;
  /** True from open() until the close is handled, so it is handled once (by close(), or the browser's own close). */
  private showing = false;
  private readonly onStrayKey: (event: KeyboardEvent) => void;

  constructor(
    private readonly options: DialogOptions,
    ...children: (Node | null)[]
  ) {
    const el = document.createElement('dialog');
    el.className = `${options.className} dialog dialog-${options.look ?? 'box'}`;
    if (options.labelledBy !== undefined) el.setAttribute('aria-labelledby', options.labelledBy);
    if (options.label !== undefined) el.setAttribute('aria-label', options.label);
    if (options.describedBy !== undefined) el.setAttribute('aria-describedby', options.describedBy);
    if (options.testId !== undefined) el.dataset.testid = options.testId;
    for (const child of children) if (child !== null) el.append(child);
    this.element = el;

    el.addEventListener('keydown', (event) => {
      event.stopPropagation();
      if (event.key === 'Escape') {
        // Handled here, not by the browser's "cancel", which a page may not refuse twice in a row.
        event.preventDefault();
        if ((options.escape ?? 'close') === 'close') this.close('escape');
      } else if (event.key === 'Tab') this.keepTabInside(event);
    });
    // A close request that is not a key (Android's back gesture) arrives as "cancel".
    el.addEventListener('cancel', (event) => {
      event.preventDefault();
      if ((options.escape ?? 'close') === 'close') this.close('escape');
    });
    if (options.closeOnBackdrop === true)
      el.addEventListener('click', (event) => {
        if (event.target === el) this.close('backdrop');
      });
    // Normally close() has handled it already; this is for a close the browser made itself.
    el.addEventListener('close', () => this.closed('escape'));
    // Keys typed while focus is outside every dialog (its control was removed) must not reach the scene either.
    this.onStrayKey = (event) => {
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest('dialog[open]') != null) return;
      event.stopPropagation();
      const first = this.firstFocus();
      if (first !== null) focusQuietly(first);
    };
  }

  get isOpen(): boolean {
    return this.element.open;
  }

  /** Opens it over the page; focus comes back to `opener` (the focused control, when not given) on closing. */
  open(opener: Element | null = document.activeElement, parent: HTMLElement = document.body): void {
    if (this.element.open) return;
    // Focus on <body> is no place to come back to (the next Tab would start from the top of the page).
    this.opener = opener instanceof HTMLElement && opener !== document.body ? opener : null;
    this.showing = true;
    if (!this.element.isConnected) parent.append(this.element);
    this.element.showModal();
    document.addEventListener('keydown', this.onStrayKey, true);
    const first = this.firstFocus();
    if (first !== null) focusQuietly(first);
  }

  /** Closes it; focus goes back at once (before `onClose`), so whatever runs next may move it on. */
  close(reason: CloseReason = 'action'): void {
    if (this.element.open) this.element.close();
    this.closed(reason);
  }

  /** Closes it without calling `onClose`, and takes it out of the page (a scene shutting down). */
  dispose(): void {
    document.removeEventListener('keydown', this.onStrayKey, true);
    this.opener = null;
    this.showing = false;
    if (this.element.open) this.element.close();
    this.element.remove();
  }

  private closed(reason: CloseReason): void {
    if (!this.showing) return;
    this.showing = false;
    document.removeEventListener('keydown', this.onStrayKey, true);
    if (this.options.reusable !== true) this.element.remove();
    const opener = this.opener;
    this.opener = null;
    if (opener?.isConnected === true) opener.focus({ preventScroll: true });
    // The opener may be gone, or hidden since (a folded top-bar menu closes when used).
    if (opener === null || document.activeElement !== opener) {
      const target = focusTarget(document);
      if (target !== null) focusQuietly(target);
    }
    this.options.onClose?.(reason);
  }

  private firstFocus(): HTMLElement | null {
    return this.options.initialFocus?.(this.element) ?? this.tabStops()[0] ?? this.element;
  }

  private tabStops(): HTMLElement[] {
    return [...this.element.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (el) => !el.closest('[hidden]') && el.getClientRects().length > 0,
    );
  }

  private keepTabInside(event: KeyboardEvent): void {
    const stops = this.tabStops();
    const active = document.activeElement;
    const index = active instanceof HTMLElement ? stops.indexOf(active) : -1;
    const at: FocusPlace =
      index >= 0
        ? { stop: index }
        : {
            before:
              active === null
                ? 0
                : stops.filter(
                    (el) => (el.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
                  ).length,
          };
    const next = tabWrap(stops.length, at, event.shiftKey);
    // Only at the two ends: in between the browser's own order (radio groups, arrow keys) is kept.
    if (next === null) return;
    event.preventDefault();
    stops[next]?.focus();
  }
}
