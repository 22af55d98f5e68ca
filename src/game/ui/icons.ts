import type { Channel } from '../../scenario/index.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** 24×24 outline paths, drawn for this project. */
const PATHS: Readonly<Record<Channel, string>> = {
  'face-to-face':
    'M8 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7Zm8 0a3 3 0 1 0 0-6 3 3 0 0 0 0 6ZM2 20c0-3.3 2.7-6 6-6s6 2.7 6 6M14.5 14.2c.5-.1 1-.2 1.5-.2 3.3 0 6 2.7 6 6',
  phone: 'M5 3h3l2 5-2.5 1.5a11 11 0 0 0 5 5L14 12l5 2v3a2 2 0 0 1-2 2A16 16 0 0 1 3 5a2 2 0 0 1 2-2Z',
  chat: 'M4 5h16v10H9l-5 4V5Zm4 4h8M8 12h5',
  email: 'M3 6h18v12H3V6Zm0 0 9 7 9-7',
};

/** A decorative channel icon (hidden from screen readers: the text beside it names the channel). */
export function channelIcon(channel: Channel): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', 'icon');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', PATHS[channel]);
  svg.append(path);
  return svg;
}
