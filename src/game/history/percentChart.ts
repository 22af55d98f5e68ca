import type { HistoryPoint } from '../../progress/index.ts';

const NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Band thresholds drawn as guide lines (scoring contract: Pass 50, Merit 70, Distinction 85). */
const GUIDES = [
  { at: 85, label: 'Distinction' },
  { at: 70, label: 'Merit' },
  { at: 50, label: 'Pass' },
] as const;

/**
 * Percent over attempts as an inline SVG line chart: a dozen points need no
 * chart library, and SVG prints crisply on the evidence page. The numbers are
 * also given as text (title, desc and the table beside it) for screen readers.
 */
export function percentChart(points: readonly HistoryPoint[], title: string, desc: string): SVGSVGElement {
  const width = 560;
  const height = 220;
  const left = 44;
  const right = 86;
  const top = 12;
  const bottom = 30;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const x = (i: number): number =>
    left + (points.length <= 1 ? plotW / 2 : (i * plotW) / (points.length - 1));
  const y = (p: number): number => top + plotH - (p / 100) * plotH;
  const id = `chart-${Math.random().toString(36).slice(2)}`;
  const root = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    class: 'percent-chart',
    role: 'img',
    'aria-labelledby': `${id}-t ${id}-d`,
  });
  root.append(svg('title', { id: `${id}-t` }, title), svg('desc', { id: `${id}-d` }, desc));
  for (const tick of [0, 25, 50, 75, 100]) {
    root.append(
      svg('line', { x1: left, x2: left + plotW, y1: y(tick), y2: y(tick), class: 'grid' }),
      svg('text', { x: left - 6, y: y(tick) + 4, 'text-anchor': 'end', class: 'axis' }, `${tick}%`),
    );
  }
  for (const guide of GUIDES) {
    root.append(
      svg('line', { x1: left, x2: left + plotW, y1: y(guide.at), y2: y(guide.at), class: 'guide' }),
      svg('text', { x: left + plotW + 6, y: y(guide.at) + 4, class: 'guide-label' }, guide.label),
    );
  }
  if (points.length > 1) {
    root.append(
      svg('polyline', { points: points.map((p, i) => `${x(i)},${y(p.percent)}`).join(' '), class: 'line' }),
    );
  }
  points.forEach((p, i) => {
    root.append(
      svg('circle', {
        cx: x(i),
        cy: y(p.percent),
        r: 5,
        class: `point ${p.mode}${p.scoring === 'earlier' ? ' earlier' : ''}`,
      }),
      svg('text', { x: x(i), y: height - 10, 'text-anchor': 'middle', class: 'axis' }, String(i + 1)),
    );
  });
  return root;
}
