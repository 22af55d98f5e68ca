import type { Expression } from './expressionForMood.ts';

/**
 * Every number that changes with mood, so one expression can morph into
 * another by interpolation. Head-local face units: the head is 112×132.
 * Arm points are figure-local (origin at the bottom centre, y up is negative);
 * the right arm mirrors the left unless given.
 */
export interface Pose {
  /** Inner eyebrow end, px down (+) or up (−). */
  readonly browInner: number;
  readonly browOuter: number;
  /** Both eyebrows up (−) or down (+). */
  readonly browLift: number;
  /** 1 = relaxed, < 1 narrowed. */
  readonly eyeOpen: number;
  /** Irises down (+) or up (−), px: an upset customer looks down. */
  readonly gazeY: number;
  /** 0–1: cheeks push the lower lids up (smiling eyes). */
  readonly eyeSmile: number;
  /** −1 frown … 1 smile. */
  readonly mouthCurve: number;
  /** 0 closed … 1 wide open. */
  readonly mouthOpen: number;
  /** Width factor, 1 ≈ 40 px. */
  readonly mouthWidth: number;
  /** Pink cheeks (pleasure). */
  readonly blush: number;
  /** Red flush (anger). */
  readonly flush: number;
  /** Frown lines between the brows. */
  readonly crease: number;
  readonly headTilt: number;
  readonly headDrop: number;
  /** Shoulders up (−, tense) or down (+, slumped), px. */
  readonly shoulderLift: number;
  /** Extra scale: leaning in (+) or back (−). */
  readonly lean: number;
  /** 0 open hands … 1 fists. */
  readonly fist: number;
  readonly lElbowX: number;
  readonly lElbowY: number;
  readonly lHandX: number;
  readonly lHandY: number;
  readonly rElbowX: number;
  readonly rElbowY: number;
  readonly rHandX: number;
  readonly rHandY: number;
  /** 1 = right forearm drawn over the left (crossed arms). */
  readonly rightOnTop: number;
}

type Arms = Pick<
  Pose,
  'lElbowX' | 'lElbowY' | 'lHandX' | 'lHandY' | 'rElbowX' | 'rElbowY' | 'rHandX' | 'rHandY' | 'rightOnTop'
>;

function mirrored(elbowX: number, elbowY: number, handX: number, handY: number): Arms {
  return {
    lElbowX: -elbowX,
    lElbowY: elbowY,
    lHandX: -handX,
    lHandY: handY,
    rElbowX: elbowX,
    rElbowY: elbowY,
    rHandX: handX,
    rHandY: handY,
    rightOnTop: 0,
  };
}

/** Hands resting on the counter. */
const REST = mirrored(104, -92, 64, -14);
/** Arms folded across the chest. */
const CROSSED: Readonly<Arms> = {
  lElbowX: -104,
  lElbowY: -96,
  lHandX: 78,
  lHandY: -122,
  rElbowX: 104,
  rElbowY: -100,
  rHandX: -80,
  rHandY: -124,
  rightOnTop: 1,
};
/** Leaning on the counter, elbows out. */
const LEANING = mirrored(136, -80, 96, -12);
/** Hands clasped low in front. */
const CLASPED: Readonly<Arms> = { ...mirrored(92, -90, 14, -36), lHandX: -12, rHandX: 14, rHandY: -40 };
/** Relaxed, palms open to the sides. */
const OPEN = mirrored(120, -88, 146, -52);
/** Open welcome, hands raised. */
const WELCOME = mirrored(128, -104, 166, -128);

const NEUTRAL_FACE = {
  browInner: 0,
  browOuter: 0,
  browLift: 0,
  eyeOpen: 1,
  gazeY: 0,
  eyeSmile: 0,
  mouthCurve: 0.08,
  mouthOpen: 0,
  mouthWidth: 0.85,
  blush: 0,
  flush: 0,
  crease: 0,
  headTilt: 0,
  headDrop: 0,
  shoulderLift: 0,
  lean: 0,
  fist: 0.2,
} as const;

export const POSES: Readonly<Record<Expression, Pose>> = {
  furious: {
    ...NEUTRAL_FACE,
    ...LEANING,
    browInner: 10,
    browOuter: -7,
    browLift: 3,
    eyeOpen: 0.62,
    mouthCurve: -1,
    mouthOpen: 0.55,
    mouthWidth: 1.05,
    flush: 1,
    crease: 1,
    headDrop: 8,
    shoulderLift: -9,
    lean: 0.045,
    fist: 1,
  },
  angry: {
    ...NEUTRAL_FACE,
    ...CROSSED,
    browInner: 8,
    browOuter: -4,
    browLift: 1,
    eyeOpen: 0.78,
    mouthCurve: -0.75,
    mouthWidth: 0.8,
    flush: 0.45,
    crease: 0.6,
    headTilt: -2,
    headDrop: 2,
    shoulderLift: -5,
    lean: 0.015,
    fist: 0.6,
  },
  upset: {
    ...NEUTRAL_FACE,
    ...CLASPED,
    browInner: -8,
    browOuter: 4,
    browLift: -1,
    eyeOpen: 0.86,
    gazeY: 3.5,
    mouthCurve: -0.7,
    mouthOpen: 0.04,
    mouthWidth: 0.72,
    headTilt: 5,
    headDrop: 9,
    shoulderLift: 7,
    lean: -0.01,
    fist: 0.4,
  },
  neutral: { ...NEUTRAL_FACE, ...REST },
  pleased: {
    ...NEUTRAL_FACE,
    ...OPEN,
    browInner: -1,
    browLift: -3,
    eyeSmile: 0.4,
    mouthCurve: 0.75,
    mouthOpen: 0.14,
    mouthWidth: 0.98,
    blush: 0.55,
    headTilt: -4,
    headDrop: -1,
    fist: 0,
  },
  delighted: {
    ...NEUTRAL_FACE,
    ...WELCOME,
    browInner: -2,
    browLift: -7,
    eyeSmile: 0.85,
    mouthCurve: 1,
    mouthOpen: 0.62,
    mouthWidth: 1.12,
    blush: 0.9,
    headTilt: 4,
    headDrop: -4,
    shoulderLift: -2,
    lean: 0.01,
    fist: 0,
  },
};

/** Blends two poses, `t` from 0 (`a`) to 1 (`b`). */
export function blendPoses(a: Pose, b: Pose, t: number): Pose {
  const out: Record<string, number> = {};
  for (const key of Object.keys(a) as (keyof Pose)[]) out[key] = a[key] + (b[key] - a[key]) * t;
  return out as unknown as Pose;
}
