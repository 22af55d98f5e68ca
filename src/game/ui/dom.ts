/** A tiny element builder: text always goes in as text, never as HTML (scenario files are content, not markup). */
type Attrs = Record<string, string | number | boolean | null | undefined>;
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | readonly Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') el.className = String(value);
    else if (name === 'text') el.textContent = String(value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el: HTMLElement, children: readonly (Child | readonly Child[])[]): void {
  for (const child of children) {
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else if (typeof child === 'string') el.appendChild(document.createTextNode(child));
  }
}

/** Whether the learner asked for less motion: in the system, or in the simulator's accessibility settings. */
export function prefersReducedMotion(): boolean {
  if (document.documentElement.dataset.motion === 'reduce') return true;
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Whether the screen is touched rather than pointed at (a phone or tablet): no keyboard hints there.
 * The primary pointer decides, so a touch laptop used with its mouse still shows them.
 */
export function isTouchScreen(): boolean {
  return window.matchMedia('(pointer: coarse)').matches || window.matchMedia('(hover: none)').matches;
}
