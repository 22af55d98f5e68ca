import type * as Phaser from 'phaser';
import { arc, fillPoly, pt, shade, thickLine } from './geometry.ts';

type G = Phaser.GameObjects.Graphics;
type Point = Phaser.Math.Vector2;

/** Figure-local (origin at the bottom centre, the counter line; y up is negative). */
const CHAIR = {
  frame: 0x3a4150,
  seat: 0x262b36,
  tyre: 0x22252b,
  rim: 0xb9c0c9,
  handRim: 0xd8dde3,
  /** The push handles sit just outside the shoulders. */
  handleX: 100,
  handleTop: -168,
  /** Each wheel, seen a little from the side: a tall ellipse beside the hips. */
  wheelX: 126,
  wheelY: 14,
  wheelRx: 40,
  wheelRy: 108,
} as const;

/** Keeps the part of a closed polygon above the counter line (y ≤ 0): the counter hides the rest. */
function aboveCounter(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (let i = 0; i < points.length; i++) {
    const a = points[i];
    const b = points[(i + 1) % points.length];
    if (a === undefined || b === undefined) continue;
    if (a.y <= 0) out.push(a);
    if (a.y <= 0 !== b.y <= 0) {
      const t = a.y / (a.y - b.y);
      out.push(pt(a.x + (b.x - a.x) * t, 0));
    }
  }
  return out;
}

function ellipse(cx: number, cy: number, rx: number, ry: number): Point[] {
  return arc(cx, cy, rx, ry, 0, 2 * Math.PI, 48).slice(0, -1);
}

/**
 * Behind the customer: the chair's back and its two push handles, so a seated
 * customer reads as a wheelchair user above the counter.
 */
export function drawWheelchairBack(g: G): void {
  g.fillStyle(CHAIR.seat);
  g.fillRoundedRect(-90, -150, 180, 150, { tl: 16, tr: 16, bl: 0, br: 0 });
  for (const side of [-1, 1]) {
    const x = side * CHAIR.handleX;
    thickLine(g, [pt(x, 0), pt(x, CHAIR.handleTop)], 10, CHAIR.frame);
    // The grips bend back towards whoever pushes, in black rubber.
    thickLine(g, [pt(x, CHAIR.handleTop + 4), pt(x + side * 16, CHAIR.handleTop - 10)], 14, CHAIR.tyre);
  }
}

/** Beside the customer's hips: the two big wheels with their hand rims, above the counter line. */
export function drawWheelchairWheels(g: G): void {
  for (const side of [-1, 1]) {
    const cx = side * CHAIR.wheelX;
    const { wheelY: cy, wheelRx: rx, wheelRy: ry } = CHAIR;
    fillPoly(g, aboveCounter(ellipse(cx, cy, rx, ry)), CHAIR.tyre);
    fillPoly(g, aboveCounter(ellipse(cx, cy, rx - 8, ry - 10)), shade(CHAIR.rim, 0.55));
    fillPoly(g, aboveCounter(ellipse(cx, cy, rx - 12, ry - 16)), 0xe9edf1, 0.35);
    for (let i = 0; i < 8; i++) {
      const t = Math.PI + (i / 8) * Math.PI;
      const end = pt(cx + Math.cos(t) * (rx - 10), cy + Math.sin(t) * (ry - 14));
      const spoke = aboveCounter([pt(cx, cy), end, pt(cx + 0.5, cy)]);
      if (spoke.length >= 2) thickLine(g, spoke.slice(0, 2), 2, CHAIR.rim);
    }
    // The hand rim sits just outside the wheel, nearer the viewer.
    const rim = arc(cx + side * 8, cy, rx - 4, ry - 6, Math.PI * 1.04, Math.PI * 1.96, 28).filter(
      (p) => p.y <= 0,
    );
    thickLine(g, rim, 6, CHAIR.handRim);
    // The armrest over the wheel, where the forearms rest.
    thickLine(g, [pt(side * 88, -62), pt(side * 150, -62)], 12, CHAIR.frame);
  }
}
