import { BrowserVoice } from './BrowserVoice.ts';
import { SilentVoice } from './SilentVoice.ts';
import type { Voice } from './Voice.ts';

/**
 * The name of a window property a test can set (before the app loads, e.g. with
 * Playwright's `addInitScript`) to a `Voice` that records what would be said.
 * Headless Chromium has no voices, so this is how the browser tests hear the game.
 */
export const TEST_VOICE_HOOK = '__simTestVoice';

/** The test's voice if one was injected, else the browser's speech synthesis, else silence. */
export function createVoice(win: Window): Voice {
  const injected = (win as unknown as Record<string, unknown>)[TEST_VOICE_HOOK];
  if (isVoice(injected)) return injected;
  const Utterance = (win as Window & { SpeechSynthesisUtterance?: typeof SpeechSynthesisUtterance })
    .SpeechSynthesisUtterance;
  if ('speechSynthesis' in win && typeof Utterance === 'function') {
    return new BrowserVoice(win.speechSynthesis, Utterance);
  }
  return new SilentVoice();
}

function isVoice(value: unknown): value is Voice {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.speak === 'function' &&
    typeof v.cancel === 'function' &&
    typeof v.voices === 'function' &&
    typeof v.onVoicesChanged === 'function'
  );
}
