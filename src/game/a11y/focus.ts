/**
 * Focus management helpers. The scenes replace the DOM wholesale on each
 * screen and turn; a keyboard user whose focused control disappears must not
 * be dropped on <body> (or the canvas), where the next Tab starts again from
 * the top of the page.
 */

/** Where focus goes when it is lost: the open dialog, else the screen's main heading or replies heading, else the panel. */
export function focusTarget(doc: Document): HTMLElement | null {
  const dialog = doc.querySelector<HTMLDialogElement>('dialog[open], [role="dialog"][aria-modal="true"]');
  if (dialog !== null) return dialog.querySelector<HTMLElement>('h1, h2') ?? dialog;
  return (
    doc.querySelector<HTMLElement>('#replies-heading') ??
    doc.querySelector<HTMLElement>('#panel h1') ??
    doc.querySelector<HTMLElement>('#panel')
  );
}

/** Focuses an element that may not be focusable yet (a heading), without scrolling the page about. */
export function focusQuietly(el: HTMLElement): void {
  if (el.tabIndex < 0 && !el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  el.focus({ preventScroll: true });
}

/** Whether focus is nowhere useful: on <body>, nothing, or a canvas (which does nothing with keys). */
export function focusIsLost(doc: Document): boolean {
  const active = doc.activeElement;
  return active === null || active === doc.body || active instanceof HTMLCanvasElement;
}

/**
 * Watches the page and, whenever the focused element is removed (a reply
 * chosen, a screen changed, a dialog closed), puts focus somewhere sensible.
 * Returns a function that stops watching.
 */
export function rescueLostFocus(doc: Document): () => void {
  let last: Element | null = null;
  const onFocusIn = (event: FocusEvent): void => {
    last = event.target instanceof Element ? event.target : null;
  };
  const check = (): void => {
    if (last === null || last.isConnected || !focusIsLost(doc)) return;
    last = null;
    const target = focusTarget(doc);
    if (target !== null) focusQuietly(target);
  };
  doc.addEventListener('focusin', onFocusIn);
  const observer = new MutationObserver(check);
  observer.observe(doc.body, { childList: true, subtree: true });
  return () => {
    doc.removeEventListener('focusin', onFocusIn);
    observer.disconnect();
  };
}
