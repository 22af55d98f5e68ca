import { h } from '../dom.ts';

/**
 * A folded section of the debrief's details: a native `<details>` (keyboard
 * and screen readers get a disclosure for free), closed by default, its
 * heading inside the summary so the page outline keeps it.
 */
export function fold(name: string, heading: string, ...content: (HTMLElement | null)[]): HTMLDetailsElement {
  return h(
    'details',
    { class: `block fold fold-${name}`, 'data-testid': `fold-${name}` },
    h('summary', {}, h('h3', { id: `${name}-heading` }, heading)),
    h('div', { class: 'fold-body' }, content),
  );
}
