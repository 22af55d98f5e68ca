import * as Phaser from 'phaser';

type Point = { readonly x: number; readonly y: number };

/** A point for Graphics path calls. */
export function pt(x: number, y: number): Phaser.Math.Vector2 {
  return new Phaser.Math.Vector2(x, y);
}

/** Points along a quadratic Bézier from `a` through control `c` to `b`. */
export function quad(a: Point, c: Point, b: Point, steps = 14): Phaser.Math.Vector2[] {
  const out: Phaser.Math.Vector2[] = [];
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const u = 1 - t;
    out.push(pt(u * u * a.x + 2 * u * t * c.x + t * t * b.x, u * u * a.y + 2 * u * t * c.y + t * t * b.y));
  }
  return out;
}

/** Points on an elliptical arc, angles in radians (0 = right, clockwise on screen). */
export function arc(
  cx: number,
  cy: number,
  rx: number,
  ry: number,
  from: number,
  to: number,
  steps = 24,
): Phaser.Math.Vector2[] {
  const out: Phaser.Math.Vector2[] = [];
  for (let i = 0; i <= steps; i++) {
    const a = from + ((to - from) * i) / steps;
    out.push(pt(cx + rx * Math.cos(a), cy + ry * Math.sin(a)));
  }
  return out;
}

/** Fills a (possibly concave) polygon. */
export function fillPoly(
  g: Phaser.GameObjects.Graphics,
  points: Phaser.Math.Vector2[],
  colour: number,
  alpha = 1,
): void {
  g.fillStyle(colour, alpha);
  g.fillPoints(points, true, true);
}

/**
 * A thick polyline with round joins and caps, drawn as quads and discs so the
 * line weight stays even at every join (WebGL line joins can gap or spike).
 */
export function thickLine(
  g: Phaser.GameObjects.Graphics,
  points: readonly Point[],
  width: number,
  colour: number,
  alpha = 1,
): void {
  const r = width / 2;
  g.fillStyle(colour, alpha);
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i];
    const b = points[i + 1];
    if (a === undefined || b === undefined) continue;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    const nx = (-dy / len) * r;
    const ny = (dx / len) * r;
    g.fillPoints(
      [pt(a.x + nx, a.y + ny), pt(b.x + nx, b.y + ny), pt(b.x - nx, b.y - ny), pt(a.x - nx, a.y - ny)],
      true,
    );
  }
  for (const p of points) g.fillCircle(p.x, p.y, r);
}

/** Multiplies a colour's channels by `f` (< 1 darkens, > 1 lightens, clamped). */
export function shade(colour: number, f: number): number {
  const c = (v: number) => Math.max(0, Math.min(255, Math.round(v * f)));
  return (c((colour >> 16) & 255) << 16) | (c((colour >> 8) & 255) << 8) | c(colour & 255);
}

/** Mixes two colours, `t` = 0 gives `a`, 1 gives `b`. */
export function mix(a: number, b: number, t: number): number {
  const ch = (s: number) => Math.round(((a >> s) & 255) * (1 - t) + ((b >> s) & 255) * t);
  return (ch(16) << 16) | (ch(8) << 8) | ch(0);
}

export function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}
