import { STRINGS } from '../strings.ts';
import { h } from './dom.ts';

/**
 * On a narrow screen (a phone) the top bar keeps the screen's title and the
 * step tracker and folds every other control (Pause, Map, Hint, Accessibility…)
 * behind one "Menu" button. The folding is CSS (`styles.css`, "Top bar on a
 * phone"): this only keeps the button first in the bar and says whether the
 * menu is open (`#topbar[data-menu]`), so no module has to know which
 * controls the others put there. The button is hidden on wider screens.
 * Call once, before the game starts.
 */
export function installTopbarMenu(topbar: HTMLElement): void {
  const S = STRINGS.topbarMenu;
  if (topbar.id === '') topbar.id = 'topbar';
  const button = h(
    'button',
    {
      type: 'button',
      class: 'button ghost topbar-menu',
      'aria-expanded': 'false',
      'aria-controls': topbar.id,
      'data-testid': 'topbar-menu',
    },
    h('span', { class: 'topbar-menu-icon', 'aria-hidden': 'true' }, '☰'),
    S.open,
  );
  const setOpen = (open: boolean): void => {
    topbar.dataset.menu = open ? 'open' : 'closed';
    button.setAttribute('aria-expanded', String(open));
  };
  button.addEventListener('click', () => setOpen(topbar.dataset.menu !== 'open'));
  // A control chosen from the menu closes it (its own click handler has already run by now).
  topbar.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('button') : null;
    if (target !== null && target !== button && topbar.dataset.menu === 'open') setOpen(false);
  });
  topbar.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || topbar.dataset.menu !== 'open') return;
    event.stopPropagation();
    setOpen(false);
    button.focus();
  });
  topbar.addEventListener('focusout', (event) => {
    const next = event.relatedTarget;
    if (next instanceof Node && !topbar.contains(next)) setOpen(false);
  });
  // Each screen empties the top bar: put the button back first, closed.
  const mount = (): void => {
    if (topbar.firstElementChild === button) return;
    topbar.prepend(button);
    setOpen(false);
  };
  new MutationObserver(mount).observe(topbar, { childList: true });
  mount();
}
