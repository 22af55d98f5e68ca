import { PALETTE_CSS, type PaletteColour } from '../art/palette.ts';
import type { A11ySettings } from './settings.ts';

/**
 * The high-contrast palette: black on white, with every accent dark enough for
 * white text at 7:1 or more (WCAG 1.4.6, beyond the 4.5:1 AA asks for).
 * Decoration-only colours (highlight, coral, mood) keep their hue.
 */
export const HIGH_CONTRAST: Readonly<Partial<Record<PaletteColour, string>>> = {
  background: '#ffffff',
  surface: '#ffffff',
  surfaceAlt: '#ffffff',
  border: '#000000',
  text: '#000000',
  textMuted: '#000000',
  textOnAccent: '#ffffff',
  accent: '#00403b',
  accentDark: '#000000',
  accentSoft: '#d9f2ee',
  success: '#0a4d22',
  danger: '#7f0000',
  warning: '#5c2d00',
};

/**
 * Shows the settings on the page: attributes of <html> that a11y.css reads
 * (`data-text-size`, `data-contrast`, `data-motion`, `data-call-timer`), and
 * the palette's CSS variables (which main.ts sets inline) for high contrast.
 */
export function applySettings(root: HTMLElement, settings: A11ySettings): void {
  root.dataset.textSize = String(settings.textSize);
  root.dataset.contrast = settings.highContrast ? 'high' : 'standard';
  if (settings.motion === 'reduce') root.dataset.motion = 'reduce';
  else delete root.dataset.motion;
  root.dataset.callTimer = settings.showCallTimer ? 'shown' : 'hidden';
  for (const [name, value] of Object.entries(PALETTE_CSS)) {
    const high = HIGH_CONTRAST[name as PaletteColour];
    root.style.setProperty(`--${name}`, settings.highContrast && high !== undefined ? high : value);
  }
}
