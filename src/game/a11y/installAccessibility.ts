import { h } from '../ui/dom.ts';
import { createVoice } from '../voice/createVoice.ts';
import { Narrator } from '../voice/Narrator.ts';
import type { Voice } from '../voice/Voice.ts';
import { applySettings } from './applySettings.ts';
import { rescueLostFocus } from './focus.ts';
import { SettingsPanel } from './SettingsPanel.ts';
import { type SettingsBackend, SettingsStore } from './SettingsStore.ts';
import { A11Y_STRINGS as S } from './strings.ts';
import './a11y.css';

/** What installAccessibility sets up, for callers that need it (the role-play's voice uses it through the narrator). */
export interface Accessibility {
  readonly store: SettingsStore;
  readonly voice: Voice;
  /** Says the customer's lines when the learner turns the voice on (main.ts makes it follow every run). */
  readonly narrator: Narrator;
}

/** Windows this narrow (at the browser's default text size) stack the stage above the panel. */
const NARROW = '(max-width: 60rem)';
/** From this text size up, the page scrolls as a whole. */
const FLOW_TEXT_SIZE = 150;

function localStorageOf(win: Window): SettingsBackend | null {
  try {
    return win.localStorage;
  } catch {
    return null;
  }
}

/**
 * Applies the learner's saved settings (text size, contrast, motion, call
 * clock), puts an "Accessibility" button in the top bar of every screen,
 * installs the customer's voice and keeps keyboard focus from getting lost.
 * Call once, before the game starts.
 */
export function installAccessibility(win: Window, topbar: HTMLElement): Accessibility {
  const doc = win.document;
  const store = new SettingsStore(localStorageOf(win));
  applySettings(doc.documentElement, store.settings);
  store.subscribe((settings) => applySettings(doc.documentElement, settings));
  // Large text or a narrow window: one scrolling page instead of fixed panes (see a11y.css).
  const narrow = win.matchMedia(NARROW);
  const layout = (): void => {
    const flow = store.settings.textSize >= FLOW_TEXT_SIZE || narrow.matches;
    doc.documentElement.dataset.layout = flow ? 'flow' : 'panes';
  };
  layout();
  store.subscribe(layout);
  narrow.addEventListener('change', layout);

  const voice = createVoice(win);
  const narrator = new Narrator(voice, () => store.settings.voice);
  store.subscribe((settings) => {
    if (!settings.voice.enabled) voice.cancel();
  });

  // Built when first opened: about 15–25 ms of DOM that a deep link's first turn need not wait for.
  let panel: SettingsPanel | null = null;
  const button = h(
    'button',
    {
      type: 'button',
      class: 'button ghost a11y-open',
      'aria-haspopup': 'dialog',
      'data-testid': 'a11y-open',
    },
    h('span', { class: 'a11y-icon', 'aria-hidden': 'true' }, 'Aa'),
    S.open,
  );
  button.setAttribute('aria-label', S.openLabel);
  button.addEventListener('click', () => {
    panel ??= new SettingsPanel(doc.body, store, voice);
    panel.open(button);
  });
  // Each screen empties the top bar: put the button back (last, so the screen's own controls come first).
  const mount = (): void => {
    if (button.parentElement !== topbar) topbar.append(button);
  };
  new MutationObserver(mount).observe(topbar, { childList: true });
  mount();

  rescueLostFocus(doc);
  return { store, voice, narrator };
}
