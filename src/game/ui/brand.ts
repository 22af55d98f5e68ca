import { STRINGS } from '../strings.ts';
import { h } from './dom.ts';

/** The app's name with its quotation-mark logo, as the top bar of the menu and the tutor tools show it. */
export function brand(): HTMLElement {
  return h(
    'div',
    { class: 'brand' },
    h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '“'),
    STRINGS.appTitle,
  );
}
