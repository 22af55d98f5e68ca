import * as Phaser from 'phaser';
import type { CustomerLook, Pronouns } from '../../scenario/index.ts';
import { drawArms, drawFace, drawHead, drawHeadBack, drawTorso, FIGURE } from './drawCustomer.ts';
import { drawWheelchairBack, drawWheelchairWheels } from './drawWheelchair.ts';
import { type Expression, expressionForMood } from './expressionForMood.ts';
import { type Look, lookFor } from './lookFor.ts';
import { blendPoses, POSES, type Pose } from './poses.ts';

export interface CustomerFigureOptions {
  readonly name: string;
  /** Art key from the scenario; the look is derived from it, or from `name` when absent. */
  readonly avatar?: string | undefined;
  /** The scenario's `customer.pronouns` (or the title's): steers the look. */
  readonly pronouns?: Pronouns | undefined;
  /** The scenario's `customer.look`: pins features (age, wheelchair, hair ...). */
  readonly look?: CustomerLook | undefined;
  /** 1 ≈ 460 px tall at most (top of the hair to the counter line), drawn for a 1280×720 canvas. */
  readonly scale?: number;
}

const MOOD_TWEEN_MS = 450;
const BREATH_MS = 1900;
const TALK_MS = 140;

/**
 * A customer seen across the counter, from the waist up. The container's origin
 * is the bottom centre (where the counter top meets the figure), so place it on
 * the counter line; the figure fits a 380 × 460 px box at scale 1 (`FIGURE`).
 */
export class CustomerFigure extends Phaser.GameObjects.Container {
  /** The look drawn, derived from `avatar` or `name`. */
  readonly look: Look;
  /** Leans and breathes inside the figure, so callers' setScale/setPosition stay theirs. */
  private readonly rig: Phaser.GameObjects.Container;
  private readonly headBackLayer: Phaser.GameObjects.Container;
  private readonly headLayer: Phaser.GameObjects.Container;
  private readonly torso: Phaser.GameObjects.Graphics;
  private readonly arms: Phaser.GameObjects.Graphics;
  private readonly face: Phaser.GameObjects.Graphics;
  private pose: Pose = POSES.neutral;
  private moodValue = 50;
  private expressionValue: Expression = 'neutral';
  private talking = false;
  private talkAmount = 0;
  private blinkAmount = 1;
  private breath = 0;
  private reducedMotion = false;
  private moodTween: Phaser.Tweens.Tween | undefined;
  private breathTween: Phaser.Tweens.Tween | undefined;
  private talkTween: Phaser.Tweens.Tween | undefined;
  private blinkTween: Phaser.Tweens.Tween | undefined;
  private blinkTimer: Phaser.Time.TimerEvent | undefined;

  constructor(scene: Phaser.Scene, x: number, y: number, options: CustomerFigureOptions) {
    super(scene, x, y);
    this.look = lookFor(options.name, options.avatar, { pronouns: options.pronouns, look: options.look });
    this.setScale(options.scale ?? 1);
    this.setSize(FIGURE.width, FIGURE.height);
    this.setName(`customer:${options.name}`);

    const headBack = new Phaser.GameObjects.Graphics(scene);
    drawHeadBack(headBack, this.look);
    this.headBackLayer = new Phaser.GameObjects.Container(scene, 0, FIGURE.headY, [headBack]);

    this.torso = new Phaser.GameObjects.Graphics(scene);
    drawTorso(this.torso, this.look);

    const head = new Phaser.GameObjects.Graphics(scene);
    drawHead(head, this.look);
    this.face = new Phaser.GameObjects.Graphics(scene);
    this.headLayer = new Phaser.GameObjects.Container(scene, 0, FIGURE.headY, [head, this.face]);

    this.arms = new Phaser.GameObjects.Graphics(scene);
    this.rig = new Phaser.GameObjects.Container(scene, 0, 0, [
      this.headBackLayer,
      this.torso,
      this.headLayer,
      this.arms,
    ]);
    if (this.look.mobility === 'wheelchair') {
      // The chair's back stays still behind the body; the wheels go in front of
      // the torso but behind the arms resting on them.
      const back = new Phaser.GameObjects.Graphics(scene);
      drawWheelchairBack(back);
      const wheels = new Phaser.GameObjects.Graphics(scene);
      drawWheelchairWheels(wheels);
      this.rig.addAt(wheels, this.rig.getIndex(this.headLayer));
      this.add([back, this.rig]);
    } else {
      this.add(this.rig);
    }

    this.render();
    this.startIdle();
    scene.add.existing(this);
  }

  /** The current mood, 0–100. */
  get mood(): number {
    return this.moodValue;
  }

  /** The expression the current mood shows. */
  get expression(): Expression {
    return this.expressionValue;
  }

  /**
   * Shows the face and body language for `mood` (0–100); `animate` morphs over ~0.45 s.
   * `expression` overrides the mood's own face (an ending: see `expressionForEnding`).
   */
  setMood(mood: number, animate = false, expression?: Expression): this {
    this.moodValue = Number.isNaN(mood) ? 50 : Math.min(100, Math.max(0, mood));
    this.expressionValue = expression ?? expressionForMood(this.moodValue);
    const target = POSES[this.expressionValue];
    this.moodTween?.stop();
    this.moodTween = undefined;
    if (!animate || this.reducedMotion) {
      this.pose = target;
      this.render();
      return this;
    }
    const from = this.pose;
    this.moodTween = this.scene.tweens.addCounter({
      from: 0,
      to: 1,
      duration: MOOD_TWEEN_MS,
      ease: 'Cubic.easeOut',
      onUpdate: (tween) => {
        this.pose = blendPoses(from, target, tween.getValue() ?? 1);
        this.render();
      },
      onComplete: () => {
        this.pose = target;
        this.moodTween = undefined;
        this.render();
      },
    });
    return this;
  }

  /** While on, the mouth moves and the head nods slightly (a still, half-open mouth under reduced motion). */
  setTalking(on: boolean): this {
    if (on === this.talking) return this;
    this.talking = on;
    this.talkTween?.stop();
    this.talkTween = undefined;
    this.talkAmount = 0;
    if (on && this.reducedMotion) this.talkAmount = 0.18;
    else if (on) {
      this.talkTween = this.scene.tweens.addCounter({
        from: 0,
        to: 1,
        duration: TALK_MS,
        yoyo: true,
        repeat: -1,
        ease: 'Sine.easeInOut',
        onUpdate: (tween) => {
          this.talkAmount = (tween.getValue() ?? 0) * 0.3;
          this.render();
        },
      });
    }
    this.render();
    return this;
  }

  /** Off: breathing, blinking and talking bob; mood changes snap instead of morphing. */
  setReducedMotion(on: boolean): this {
    if (on === this.reducedMotion) return this;
    this.reducedMotion = on;
    this.stopIdle();
    if (!on) this.startIdle();
    if (this.talking) {
      this.talking = false;
      this.setTalking(true);
    }
    if (on && this.moodTween !== undefined) {
      this.moodTween.stop();
      this.moodTween = undefined;
      this.pose = POSES[this.expressionValue];
    }
    this.render();
    return this;
  }

  /**
   * The figure's box (380 × 460 at scale 1, bottom centre on the origin) in
   * world space. Graphics have no bounds of their own, so the Container default would be empty.
   */
  override getBounds(output?: Phaser.Geom.Rectangle): Phaser.Geom.Rectangle {
    const out = output ?? new Phaser.Geom.Rectangle();
    const m = this.getWorldTransformMatrix();
    const w = FIGURE.width / 2;
    const xs: number[] = [];
    const ys: number[] = [];
    for (const [x, y] of [
      [-w, -FIGURE.height],
      [w, -FIGURE.height],
      [w, 0],
      [-w, 0],
    ] as const) {
      const p = m.transformPoint(x, y);
      xs.push(p.x);
      ys.push(p.y);
    }
    const left = Math.min(...xs);
    const top = Math.min(...ys);
    return out.setTo(left, top, Math.max(...xs) - left, Math.max(...ys) - top);
  }

  protected override preDestroy(): void {
    this.stopIdle();
    this.moodTween?.stop();
    this.talkTween?.stop();
    this.moodTween = undefined;
    this.talkTween = undefined;
    super.preDestroy();
  }

  private startIdle(): void {
    if (this.reducedMotion) return;
    this.breathTween = this.scene.tweens.addCounter({
      from: 0,
      to: 1,
      duration: BREATH_MS,
      yoyo: true,
      repeat: -1,
      ease: 'Sine.easeInOut',
      onUpdate: (tween) => {
        this.breath = tween.getValue() ?? 0;
        this.applyTransforms();
      },
    });
    this.scheduleBlink();
  }

  private stopIdle(): void {
    this.breathTween?.stop();
    this.blinkTween?.stop();
    this.blinkTimer?.remove(false);
    this.breathTween = undefined;
    this.blinkTween = undefined;
    this.blinkTimer = undefined;
    this.breath = 0;
    this.blinkAmount = 1;
  }

  private scheduleBlink(): void {
    this.blinkTimer = this.scene.time.delayedCall(2200 + Math.random() * 3200, () => {
      this.blinkTween = this.scene.tweens.addCounter({
        from: 1,
        to: 0,
        duration: 70,
        yoyo: true,
        onUpdate: (tween) => {
          this.blinkAmount = tween.getValue() ?? 1;
          this.render();
        },
        onComplete: () => {
          this.blinkAmount = 1;
          this.blinkTween = undefined;
          this.render();
        },
      });
      this.scheduleBlink();
    });
  }

  private applyTransforms(): void {
    const p = this.pose;
    const bob = this.talking && !this.reducedMotion ? this.talkAmount * 6 : 0;
    const breathe = this.breath;
    const headY = FIGURE.headY + p.headDrop + bob - breathe * 2.5;
    const headX = p.headTilt * 0.6;
    const angle = Phaser.Math.DegToRad(p.headTilt);
    for (const layer of [this.headLayer, this.headBackLayer]) {
      layer.setPosition(headX, headY);
      layer.setRotation(angle);
      layer.setScale(FIGURE.headScale);
    }
    // Torso and arms scale from the counter line, so shoulders rise and fall.
    const lift = 1 - p.shoulderLift / 212 + breathe * 0.012;
    this.torso.setScale(1, lift);
    this.arms.setScale(1, 1 + breathe * 0.01);
    this.rig.setScale(1 + p.lean);
  }

  private render(): void {
    drawArms(this.arms.clear(), this.look, this.pose);
    drawFace(this.face.clear(), this.look, this.pose, { blink: this.blinkAmount, talk: this.talkAmount });
    this.applyTransforms();
  }
}
