import type * as Phaser from 'phaser';
import { arc, fillPoly, mix, pt, quad, shade, thickLine } from './geometry.ts';
import type { Look } from './lookFor.ts';
import type { Pose } from './poses.ts';

type G = Phaser.GameObjects.Graphics;

/** Figure-local layout (origin at the bottom centre, y up is negative). */
export const FIGURE = {
  /** Head centre. */
  headY: -312,
  /** The head is drawn larger than life so faces read from the back of a classroom. */
  headScale: 1.22,
  /** Shoulder joints. */
  shoulderX: 80,
  shoulderY: -184,
  /** Bounding box of the figure at scale 1, for layout. */
  width: 380,
  height: 460,
} as const;

const INK = 0x2a1f24;
const EYE_WHITE = 0xfbf8f4;
const MOUTH = 0x5b1f2a;
const TONGUE = 0xd9646a;
const BLUSH = 0xf08a7e;
const FLUSH = 0xd8412f;
const GOLD = 0xd4a437;

/** Relative luminance, 0 (black) to 1 (white). */
function luminance(colour: number): number {
  const ch = (s: number) => {
    const v = ((colour >> s) & 255) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * ch(16) + 0.7152 * ch(8) + 0.0722 * ch(0);
}

/**
 * Eyebrow colour: darker than the hair so light and grey hair still shows brows,
 * and nearer black on deeper skin so the brows keep their contrast.
 */
function browColour(look: Look): number {
  const depth = 1 - Math.min(1, luminance(look.skin) / 0.6);
  return mix(shade(look.hairColour, 0.55), 0x140d0c, 0.25 + depth * 0.6);
}

/** Hair and beard outline shade, for separation from skin of a similar tone. */
function hairShade(look: Look): number {
  return shade(look.hairColour, 0.78);
}

/** Hair that hangs behind the shoulders: drawn behind the torso, moves with the head. */
export function drawHeadBack(g: G, look: Look): void {
  if (look.headwear !== 'none') return;
  const c = look.hairColour;
  switch (look.hair) {
    case 'long':
      fillPoly(
        g,
        [
          ...arc(0, -8, 66, 72, Math.PI, 2 * Math.PI, 24),
          pt(70, 60),
          ...quad(pt(66, 130), pt(0, 150), pt(-66, 130), 10),
          pt(-70, 60),
        ],
        shade(c, 0.86),
      );
      break;
    case 'locs':
      g.fillStyle(shade(c, 0.7));
      g.fillRoundedRect(-62, -40, 124, 180, { tl: 50, tr: 50, bl: 20, br: 20 });
      for (let i = 0; i < 9; i++) {
        const x = -60 + i * 15;
        thickLine(
          g,
          quad(pt(x * 0.8, -30), pt(x * 1.1, 60), pt(x * 1.15, 150)),
          13,
          shade(c, i % 2 ? 0.85 : 0.95),
        );
      }
      break;
    case 'ponytail':
      thickLine(g, quad(pt(40, -52), pt(104, -10), pt(74, 96), 18), 30, shade(c, 0.9));
      thickLine(g, quad(pt(70, 40), pt(82, 80), pt(66, 118), 8), 18, shade(c, 0.9));
      break;
    default:
      break;
  }
}

/** Neck, torso and clothing. Static per look. */
export function drawTorso(g: G, look: Look): void {
  const top = look.topColour;
  const skinShadow = shade(look.skin, 0.86);
  if (look.top === 'hoodie') {
    g.fillStyle(shade(top, 0.8));
    g.fillEllipse(0, -214, 132, 46);
  }
  g.fillStyle(skinShadow);
  g.fillRoundedRect(-21, -266, 42, 76, 14);

  const body = [
    pt(-86, 0),
    pt(-94, -120),
    ...quad(pt(-96, -164), pt(-100, -208), pt(-54, -213)),
    ...quad(pt(54, -213), pt(100, -208), pt(96, -164)),
    pt(94, -120),
    pt(86, 0),
  ];
  fillPoly(g, body, top);
  // Soft shadow on the far side for a little depth.
  fillPoly(
    g,
    [pt(60, 0), pt(70, -150), ...quad(pt(86, -190), pt(98, -200), pt(96, -164)), pt(94, -120), pt(86, 0)],
    0x000000,
    0.06,
  );

  const neckline = (rx: number, ry: number, band: number) => {
    fillPoly(g, arc(0, -213, rx, ry, 0, Math.PI, 16), skinShadow);
    thickLine(g, arc(0, -213, rx, ry, 0, Math.PI, 16), band, shade(top, 0.84));
  };

  switch (look.top) {
    case 'jumper':
      neckline(26, 17, 7);
      break;
    case 'hoodie':
      neckline(24, 15, 6);
      thickLine(g, [pt(-14, -198), pt(-18, -140)], 4, look.trimColour);
      thickLine(g, [pt(14, -198), pt(18, -146)], 4, look.trimColour);
      g.lineStyle(3, shade(top, 0.8));
      g.strokeRoundedRect(-58, -74, 116, 56, 14);
      break;
    case 'shirt': {
      fillPoly(g, [pt(-22, -214), pt(22, -214), pt(0, -180)], skinShadow);
      const collar = shade(top, 1.18);
      fillPoly(g, [pt(-36, -214), pt(-22, -216), pt(0, -182), pt(-14, -164)], collar);
      fillPoly(g, [pt(36, -214), pt(22, -216), pt(0, -182), pt(14, -164)], collar);
      thickLine(g, [pt(0, -182), pt(0, 0)], 3, shade(top, 0.8));
      g.fillStyle(shade(top, 0.7));
      for (const y of [-150, -110, -70, -30]) g.fillCircle(5, y, 3);
      break;
    }
    case 'blazer':
      fillPoly(g, [pt(-36, -214), pt(36, -214), pt(0, -96)], look.trimColour);
      fillPoly(g, [pt(-16, -214), pt(16, -214), pt(0, -190)], skinShadow);
      fillPoly(
        g,
        [pt(-36, -214), pt(-44, -206), pt(-52, -150), pt(-32, -146), pt(-2, -96)],
        shade(top, 0.86),
      );
      fillPoly(g, [pt(36, -214), pt(44, -206), pt(52, -150), pt(32, -146), pt(2, -96)], shade(top, 0.86));
      g.fillStyle(shade(top, 0.7));
      g.fillCircle(0, -76, 4);
      g.fillCircle(0, -40, 4);
      break;
    case 'cardigan':
      fillPoly(g, [pt(-28, -213), pt(28, -213), pt(22, 0), pt(-22, 0)], look.trimColour);
      fillPoly(g, arc(0, -213, 22, 14, 0, Math.PI, 14), skinShadow);
      thickLine(g, [pt(-28, -212), pt(-22, 0)], 5, shade(top, 0.82));
      thickLine(g, [pt(28, -212), pt(22, 0)], 5, shade(top, 0.82));
      g.fillStyle(shade(look.trimColour, 0.62));
      for (const y of [-160, -115, -70, -25]) g.fillCircle(-34, y, 3.5);
      break;
  }
}

/** Head, ears, headwear, hair and beard. Static per look; the face goes on top. */
export function drawHead(g: G, look: Look): void {
  const skin = look.skin;
  const hc = look.hairColour;
  const hijab = look.headwear === 'hijab';

  if (hijab) {
    const wc = look.headwearColour;
    const drape = [
      ...arc(0, -6, 74, 84, Math.PI, 2 * Math.PI, 24),
      pt(80, 60),
      pt(102, 146),
      ...quad(pt(102, 146), pt(0, 170), pt(-102, 146)),
      pt(-80, 60),
    ];
    fillPoly(g, drape, wc);
    thickLine(g, quad(pt(-62, 40), pt(-20, 120), pt(40, 150), 12), 5, shade(wc, 0.82));
    thickLine(g, quad(pt(62, 44), pt(50, 100), pt(70, 150), 10), 4, shade(wc, 0.85));
  }

  if (!hijab) {
    // Hair mass around the head (in front of the torso, behind the face).
    if (look.headwear === 'none') {
      if (look.hair === 'bob') {
        g.fillStyle(shade(hc, 0.9));
        g.fillRoundedRect(-66, -50, 132, 98, { tl: 50, tr: 50, bl: 10, br: 10 });
      } else if (look.hair === 'curly') {
        g.fillStyle(hc);
        for (let a = 0; a <= 12; a++) {
          const t = Math.PI * (0.92 + (a / 12) * 1.16);
          g.fillCircle(Math.cos(t) * 62, -8 + Math.sin(t) * 70, 22);
        }
      }
    }
    g.fillStyle(skin);
    g.fillEllipse(-56, 2, 20, 32);
    g.fillEllipse(56, 2, 20, 32);
    g.fillStyle(shade(skin, 0.84));
    g.fillEllipse(-57, 3, 9, 18);
    g.fillEllipse(57, 3, 9, 18);
    if (look.earrings) {
      g.fillStyle(GOLD);
      g.fillCircle(-56, 20, 4.5);
      g.fillCircle(56, 20, 4.5);
    }
  }

  g.fillStyle(skin);
  if (hijab) g.fillEllipse(0, 2, 100, 124, 40);
  else g.fillEllipse(0, 0, 112, 132, 40);

  if (look.age === 'older') drawAgeLines(g, look);
  drawFacialHair(g, look);

  if (hijab) {
    const wc = look.headwearColour;
    fillPoly(
      g,
      [...arc(0, 0, 60, 72, Math.PI, 2 * Math.PI, 24), ...arc(0, 8, 48, 50, 2 * Math.PI, Math.PI, 24)],
      wc,
    );
    thickLine(g, arc(0, 8, 48, 50, Math.PI * 1.06, Math.PI * 1.94, 20), 3, shade(wc, 0.85));
    return;
  }
  if (look.headwear === 'turban') {
    drawTurban(g, look.headwearColour);
    return;
  }
  drawHair(g, look);
}

/** Lines an older face shows at any mood: crow's feet, soft bags under the eyes, smile lines. */
function drawAgeLines(g: G, look: Look): void {
  const line = shade(look.skin, 0.72);
  for (const side of [-1, 1]) {
    for (const dy of [-5, 2, 9]) {
      thickLine(g, [pt(side * 38, dy * 0.6), pt(side * 47, dy * 1.3)], 2.5, line, 0.7);
    }
    thickLine(g, quad(pt(side * 13, 13), pt(side * 22, 17), pt(side * 31, 13), 6), 2.5, line, 0.55);
    thickLine(g, quad(pt(side * 14, 22), pt(side * 27, 34), pt(side * 26, 50), 8), 3, line, 0.6);
  }
  if (look.headwear === 'none' && (look.hair === 'bald' || look.hair === 'shaved')) {
    for (const y of [-44, -36]) thickLine(g, quad(pt(-24, y), pt(0, y - 4), pt(24, y), 8), 2.5, line, 0.6);
  }
}

function drawFacialHair(g: G, look: Look): void {
  if (look.facialHair === 'none') return;
  const c = look.facialHair === 'stubble' ? shade(look.hairColour, 0.8) : look.hairColour;
  const alpha = look.facialHair === 'stubble' ? 0.28 : 1;
  const moustache = quad(pt(-22, 33), pt(0, 19), pt(22, 33), 10);
  if (look.facialHair === 'moustache') {
    thickLine(g, moustache, 9, c);
    return;
  }
  const deep = look.facialHair === 'fullBeard' ? 92 : 76;
  const outer = arc(0, 0, 58, deep, 0.02 * Math.PI, 0.98 * Math.PI, 24);
  const inner = [
    pt(-52, 8),
    ...quad(pt(-40, 30), pt(-30, 58), pt(0, 60), 8),
    ...quad(pt(0, 60), pt(30, 58), pt(40, 30), 8),
    pt(52, 8),
  ];
  fillPoly(g, [...outer, ...inner], c, alpha);
  thickLine(g, moustache, 9, c, alpha);
}

function drawTurban(g: G, c: number): void {
  // A dastar: wider than the head above the ears, a soft peak at the front,
  // and layered folds meeting in chevrons over the brow.
  const shape = [
    pt(-62, -10),
    ...quad(pt(-70, -40), pt(-80, -88), pt(-34, -104), 10),
    ...quad(pt(-34, -104), pt(0, -116), pt(34, -104), 8),
    ...quad(pt(34, -104), pt(80, -88), pt(70, -40), 10),
    pt(62, -10),
    ...quad(pt(62, -10), pt(30, -20), pt(0, -36), 6),
    ...quad(pt(0, -36), pt(-30, -20), pt(-62, -10), 6),
  ];
  fillPoly(g, shape, c);
  const fold = shade(c, 0.74);
  for (const [y, rise, w] of [
    [-26, 26, 5],
    [-50, 30, 5],
    [-76, 30, 4],
  ] as const) {
    thickLine(
      g,
      [
        ...quad(pt(-66, y), pt(-30, y - rise * 0.5), pt(0, y - rise), 8),
        ...quad(pt(0, y - rise), pt(30, y - rise * 0.5), pt(66, y), 8),
      ],
      w,
      fold,
    );
  }
  thickLine(g, quad(pt(-30, -22), pt(0, -32), pt(30, -22), 8), 3, shade(c, 1.15));
}

function cap(hairlineY: number, dip: number, rx: number, ry: number, cy = -2): Phaser.Math.Vector2[] {
  return [
    ...arc(0, cy, rx, ry, Math.PI, 2 * Math.PI, 28),
    pt(rx - 2, 4),
    pt(rx - 10, hairlineY + 6),
    ...quad(pt(rx - 14, hairlineY), pt(0, hairlineY - dip), pt(-(rx - 14), hairlineY), 14),
    pt(-(rx - 10), hairlineY + 6),
    pt(-(rx - 2), 4),
  ];
}

function drawHair(g: G, look: Look): void {
  const c = look.hairColour;
  switch (look.hair) {
    case 'short':
      fillPoly(g, cap(-30, 14, 59, 72), c);
      break;
    case 'shaved':
      fillPoly(g, cap(-34, 10, 57, 68), c, 0.55);
      break;
    case 'sidePart':
      fillPoly(
        g,
        [
          ...arc(0, -4, 60, 76, Math.PI, 2 * Math.PI, 28),
          pt(58, 2),
          pt(50, -22),
          ...quad(pt(46, -30), pt(10, -36), pt(-20, -58), 10),
          ...quad(pt(-20, -58), pt(-44, -34), pt(-50, -20), 8),
          pt(-58, 2),
        ],
        c,
      );
      thickLine(g, quad(pt(-20, -58), pt(-14, -70), pt(-10, -78)), 3, hairShade(look));
      break;
    case 'bob':
      fillPoly(
        g,
        [
          ...arc(0, -6, 66, 74, Math.PI, 2 * Math.PI, 28),
          pt(66, 46),
          pt(46, 46),
          pt(46, -26),
          pt(-46, -26),
          pt(-46, 46),
          pt(-66, 46),
        ],
        c,
      );
      break;
    case 'long':
      fillPoly(
        g,
        [
          ...arc(0, -6, 64, 74, Math.PI, 2 * Math.PI, 28),
          pt(68, 96),
          pt(52, 98),
          pt(50, 0),
          ...quad(pt(48, -14), pt(20, -34), pt(0, -56), 10),
          ...quad(pt(0, -56), pt(-20, -34), pt(-48, -14), 10),
          pt(-50, 0),
          pt(-52, 98),
          pt(-68, 96),
        ],
        c,
      );
      break;
    case 'bun':
      g.fillStyle(shade(c, 0.9));
      g.fillCircle(0, -76, 25);
      fillPoly(g, cap(-32, 8, 58, 70), c);
      break;
    case 'ponytail':
      fillPoly(g, cap(-32, 8, 58, 70), c);
      g.fillStyle(shade(c, 0.7));
      g.fillCircle(50, -44, 6);
      break;
    case 'curly':
      fillPoly(g, cap(-24, 16, 64, 76, -6), c);
      g.fillStyle(c);
      for (const [x, y] of [
        [-40, -34],
        [-14, -40],
        [14, -40],
        [40, -34],
      ] as const)
        g.fillCircle(x, y, 14);
      break;
    case 'bald':
      // A fringe of hair round the back and sides; the crown is bare.
      for (const side of [-1, 1]) {
        fillPoly(
          g,
          [pt(side * 44, -40), pt(side * 58, -28), pt(side * 60, -4), pt(side * 52, 6), pt(side * 48, -22)],
          c,
        );
      }
      thickLine(g, arc(0, -6, 38, 60, Math.PI * 1.18, Math.PI * 1.3, 6), 3, shade(look.skin, 0.9), 0.6);
      break;
    case 'locs':
      fillPoly(g, cap(-28, 14, 60, 72), c);
      for (const x of [-58, -48, 48, 58])
        thickLine(g, [pt(x, -10), pt(x * 1.04, 70)], 12, shade(c, x < 0 ? 0.92 : 0.86));
      break;
  }
}

/** Extras layered on the pose while animating. */
export interface FaceMotion {
  /** 0 closed … 1 open: multiplies eye openness for blinks. */
  readonly blink: number;
  /** Added to mouth openness while talking. */
  readonly talk: number;
}

/** Eyebrows, eyes, glasses, nose, mouth and cheeks for one pose. */
export function drawFace(g: G, look: Look, pose: Pose, motion: FaceMotion): void {
  const skin = look.skin;
  const ink = INK;
  const glassesDown = look.glasses === 'none' ? 0 : 2;

  // Flush and blush sit under the features.
  if (pose.flush > 0.01) {
    g.fillStyle(FLUSH, pose.flush * 0.1);
    g.fillEllipse(0, 0, look.headwear === 'hijab' ? 96 : 108, 120, 40);
    g.fillStyle(FLUSH, pose.flush * 0.3);
    g.fillEllipse(-33, 18, 30, 18);
    g.fillEllipse(33, 18, 30, 18);
  }
  if (pose.blush > 0.01) {
    g.fillStyle(BLUSH, pose.blush * 0.55);
    g.fillEllipse(-34, 22, 24, 13);
    g.fillEllipse(34, 22, 24, 13);
  }

  // Eyes: whites and dark irises keep the gaze readable on every skin tone.
  const open = Math.max(0, pose.eyeOpen * motion.blink);
  for (const side of [-1, 1]) {
    const x = side * 22;
    const h = 18 * open * (1 - 0.4 * pose.eyeSmile);
    if (h < 4) {
      thickLine(g, quad(pt(x - 9, 1), pt(x, 5), pt(x + 9, 1), 6), 4, ink);
      continue;
    }
    g.fillStyle(EYE_WHITE);
    g.fillEllipse(x, 0, 22, h, 24);
    const gy = Math.min(pose.gazeY, h / 2 - 4) + 0.5;
    g.fillStyle(look.eyeColour);
    g.fillEllipse(x + side * -1, gy, 13, Math.min(13, h), 20);
    g.fillStyle(ink);
    g.fillEllipse(x + side * -1, gy, 6.5, Math.min(6.5, h * 0.6), 16);
    if (h > 8) {
      g.fillStyle(0xffffff, 0.95);
      g.fillCircle(x + 2, -2.5, 2.2);
    }
    // A low, straight upper lid reads as a glare at a distance.
    if (pose.eyeOpen < 0.9) {
      const lid = (0.9 - pose.eyeOpen) * 16;
      fillPoly(
        g,
        [
          pt(x - 13, -13),
          pt(x + 13, -13),
          pt(x + 13, -h / 2 + lid - side * 2),
          pt(x - 13, -h / 2 + lid + side * 2),
        ],
        skin,
      );
      thickLine(g, [pt(x - 11, -h / 2 + lid + side * 1.7), pt(x + 11, -h / 2 + lid - side * 1.7)], 3, ink);
    } else {
      thickLine(g, arc(x, 0, 11, h / 2, Math.PI * 1.1, Math.PI * 1.9, 10), 3, ink);
    }
    if (pose.eyeSmile > 0.05) {
      g.fillStyle(skin);
      g.fillEllipse(x, h * 0.5 + 7 - pose.eyeSmile * 7, 26, 14, 20);
    }
  }

  // Eyebrows.
  const browY = -25 - glassesDown + pose.browLift;
  const brow = browColour(look);
  for (const side of [-1, 1]) {
    const inner = pt(side * 10, browY + pose.browInner);
    const outer = pt(side * 36, browY + pose.browOuter + 2);
    const mid = pt(side * 23, browY - 6 + (pose.browInner + pose.browOuter) / 2);
    thickLine(g, quad(inner, mid, outer, 10), 8.5, brow);
  }
  if (pose.crease > 0.05) {
    const cy = browY + 6;
    thickLine(g, [pt(-4, cy - 4), pt(-3, cy + 5)], 2.5, shade(skin, 0.7), pose.crease * 0.7);
    thickLine(g, [pt(4, cy - 4), pt(3, cy + 5)], 2.5, shade(skin, 0.7), pose.crease * 0.7);
  }

  // Glasses over the eyes.
  if (look.glasses !== 'none') {
    const frame = 0x2d2a32;
    g.lineStyle(4, frame);
    g.fillStyle(0xffffff, 0.14);
    if (look.glasses === 'round') {
      for (const x of [-22, 22]) {
        g.fillCircle(x, 1, 16);
        g.strokeCircle(x, 1, 16);
      }
    } else {
      for (const x of [-22, 22]) {
        g.fillRoundedRect(x - 18, -12, 36, 26, 7);
        g.strokeRoundedRect(x - 18, -12, 36, 26, 7);
      }
    }
    thickLine(g, quad(pt(-7, -1), pt(0, -5), pt(7, -1), 6), 4, frame);
    thickLine(g, [pt(-39, -3), pt(-54, -6)], 4, frame);
    thickLine(g, [pt(39, -3), pt(54, -6)], 4, frame);
  }

  // Nose.
  thickLine(g, quad(pt(-2, 8), pt(-8, 22), pt(4, 22), 8), 4, shade(skin, 0.76));

  drawMouth(g, look, pose, motion.talk);
}

function drawMouth(g: G, look: Look, pose: Pose, talk: number): void {
  const w = 40 * pose.mouthWidth * (1 - talk * 0.12);
  const curve = pose.mouthCurve;
  const open = Math.min(1, pose.mouthOpen + talk);
  const y = 42;
  const cornerY = y - curve * 6;
  const left = pt(-w / 2, cornerY);
  const right = pt(w / 2, cornerY);
  const upperC = pt(0, y + curve * 9 - open * 4);
  const lip = mix(look.skin, 0x3a1018, 0.72);
  // Lips show through a beard, so the mouth keeps its contrast on dark facial hair.
  if (look.facialHair === 'beard' || look.facialHair === 'fullBeard') {
    g.fillStyle(mix(look.skin, 0x8a3a40, 0.25));
    g.fillEllipse(0, (cornerY + y + curve * 9) / 2 + open * 10, w + 14, 16 + open * 30, 24);
  }

  if (open < 0.07) {
    thickLine(g, quad(left, upperC, right, 14), 5, lip);
    return;
  }
  const lowerC = pt(0, y + curve * 9 + open * 34 + Math.max(0, curve) * 6);
  const upper = quad(left, upperC, right, 14);
  const lower = quad(right, lowerC, left, 14);
  fillPoly(g, [...upper, ...lower], MOUTH);
  if (open > 0.35) {
    // Tongue: a small lobe resting on the lower lip.
    const tongueC = pt(0, lowerC.y - 6);
    fillPoly(
      g,
      [
        ...quad(
          pt(-w * 0.28, (cornerY + lowerC.y) / 2 + 4),
          pt(0, tongueC.y - 10),
          pt(w * 0.28, (cornerY + lowerC.y) / 2 + 4),
          8,
        ),
        ...quad(
          pt(w * 0.22, (cornerY + lowerC.y) / 2 + 8),
          tongueC,
          pt(-w * 0.22, (cornerY + lowerC.y) / 2 + 8),
          8,
        ),
      ],
      TONGUE,
    );
  }
  if (open > 0.2) {
    const teethDepth = Math.min(9, open * 14);
    const teeth = [
      ...quad(left, upperC, right, 14),
      ...quad(
        pt(right.x * 0.86, right.y + teethDepth * 0.6),
        pt(0, upperC.y + teethDepth),
        pt(left.x * 0.86, left.y + teethDepth * 0.6),
        14,
      ),
    ];
    fillPoly(g, teeth, 0xffffff);
  }
  g.lineStyle(3, lip);
  g.strokePoints([...upper, ...lower], true);
}

/** Both arms and hands for one pose, over the torso. */
export function drawArms(g: G, look: Look, pose: Pose): void {
  const sleeve = look.topColour;
  const outline = shade(sleeve, 0.7);
  const cuff = look.top === 'shirt' ? shade(sleeve, 1.15) : shade(sleeve, 0.86);
  const sy = FIGURE.shoulderY + pose.shoulderLift;
  const arm = (side: -1 | 1) => {
    const s = pt(side * FIGURE.shoulderX, sy);
    const e = side < 0 ? pt(pose.lElbowX, pose.lElbowY) : pt(pose.rElbowX, pose.rElbowY);
    const h = side < 0 ? pt(pose.lHandX, pose.lHandY) : pt(pose.rHandX, pose.rHandY);
    thickLine(g, [s, e, h], 40, outline);
    thickLine(g, [s, e], 34, sleeve);
    const dx = h.x - e.x;
    const dy = h.y - e.y;
    const len = Math.hypot(dx, dy) || 1;
    const cuffStart = pt(h.x - (dx / len) * 26, h.y - (dy / len) * 26);
    thickLine(g, [e, cuffStart], 32, sleeve);
    thickLine(g, [cuffStart, pt(h.x - (dx / len) * 14, h.y - (dy / len) * 14)], 31, cuff);
    drawHand(g, look, h, pose.fist, side);
  };
  if (pose.rightOnTop >= 0.5) {
    arm(-1);
    arm(1);
  } else {
    arm(1);
    arm(-1);
  }
}

function drawHand(g: G, look: Look, h: Phaser.Math.Vector2, fist: number, side: -1 | 1): void {
  const edge = shade(look.skin, 0.8);
  const w = 30 - fist * 3;
  const hh = 34 - fist * 8;
  g.fillStyle(edge);
  g.fillEllipse(h.x, h.y, w + 4, hh + 4, 20);
  g.fillStyle(look.skin);
  g.fillEllipse(h.x, h.y, w, hh, 20);
  // Thumb on the inner side when open; knuckle line when clenched.
  if (fist < 0.5) {
    g.fillStyle(edge);
    g.fillEllipse(h.x - side * 13, h.y - 4, 12, 18, 14);
    g.fillStyle(look.skin);
    g.fillEllipse(h.x - side * 12, h.y - 4, 9, 15, 14);
  } else {
    thickLine(g, [pt(h.x - 8, h.y - 3), pt(h.x + 8, h.y - 3)], 2.5, edge);
  }
}
