import { h } from './dom.ts';

/** A decorative symbol beside a button's words, hidden from screen readers so the name stays the words. */
export function glyph(symbol: string): HTMLSpanElement {
  return h('span', { class: 'glyph', 'aria-hidden': 'true' }, symbol);
}
