import type { StepSeries } from '../../progress/index.ts';
import { svg } from './percentChart.ts';

/**
 * Each step's marks over the attempts as small multiples: one row per step,
 * one bar per attempt (0, 1 or 2 marks), so a step that keeps losing marks
 * stands out. Inline SVG for the same reasons as the percent chart.
 */
export function stepMarksChart(steps: readonly StepSeries[], title: string, desc: string): SVGSVGElement {
  const attempts = Math.max(1, ...steps.map((s) => s.marks.length));
  const labelW = 120;
  const rowH = 34;
  const barGap = 4;
  const barW = Math.max(6, Math.min(28, Math.floor((520 - labelW) / attempts) - barGap));
  const width = labelW + attempts * (barW + barGap) + 10;
  const height = steps.length * rowH + 8;
  const id = `steps-${Math.random().toString(36).slice(2)}`;
  const root = svg('svg', {
    viewBox: `0 0 ${width} ${height}`,
    // Drawn at its own size (never stretched), so a few attempts do not make giant labels.
    width,
    height,
    class: 'steps-chart',
    role: 'img',
    'aria-labelledby': `${id}-t ${id}-d`,
  });
  root.append(svg('title', { id: `${id}-t` }, title), svg('desc', { id: `${id}-d` }, desc));
  steps.forEach((step, row) => {
    const base = 4 + row * rowH + rowH - 8;
    const full = rowH - 12;
    root.append(svg('text', { x: 0, y: base - full / 2 + 4, class: 'axis step-label' }, step.name));
    root.append(svg('line', { x1: labelW, x2: width - 6, y1: base, y2: base, class: 'grid' }));
    step.marks.forEach((marks, i) => {
      const x = labelW + i * (barW + barGap);
      if (marks === null) return;
      const h = marks <= 0 ? 2 : (marks / step.max) * full;
      const level = marks >= step.max ? 'full' : marks > 0 ? 'part' : 'none';
      root.append(svg('rect', { x, y: base - h, width: barW, height: h, class: `bar ${level}` }));
    });
  });
  return root;
}
