import * as Phaser from 'phaser';
import type { Channel } from '../../scenario/index.ts';
import { prefersReducedMotion } from '../ui/dom.ts';
import {
  CustomerFigure,
  DESIGN,
  drawSetting,
  FIGURE,
  preloadArt,
  settingArtKey,
  settingLayout,
} from './art.ts';

/**
 * A stage much wider than it is tall (a phone's strip above the customer's words) would show a small
 * figure over a lot of counter: such a stage zooms in so the head and shoulders fill it, head near the top.
 */
const STRIP_RATIO = 1.4;
/** On such a strip, the design height (of 720) that fills the stage: the head and shoulders. */
const STRIP_DESIGN_HEIGHT = 470;
/** The face around the head's centre, in the head's own units (before `FIGURE.headScale`), for the layout tests. */
const FACE = { halfWidth: 60, above: 70, below: 76 } as const;

/** Who is on stage, and where. */
export interface StageCast {
  readonly channel: Channel;
  readonly setting?: string | undefined;
  readonly name: string;
  readonly avatar?: string | undefined;
  readonly mood: number;
}

/**
 * The canvas half of a scene: the channel's setting with the customer in it.
 * The art is drawn for 16:9; the stage is whatever box the page layout gives
 * it, so the setting is scaled to cover the box and cropped around the figure
 * (never stretched), and refitted whenever the canvas changes size.
 */
export class CustomerStage {
  /** Queues the one setting texture this cast needs on the scene's loader: call from the scene's `preload`. */
  static preload(scene: Phaser.Scene, cast: Pick<StageCast, 'channel' | 'setting'>): void {
    preloadArt(scene, [settingArtKey(cast.channel, cast.setting)]);
  }

  private setting: Phaser.GameObjects.Container | null = null;
  readonly figure: CustomerFigure;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly cast: StageCast,
  ) {
    const options =
      cast.avatar === undefined ? { name: cast.name } : { name: cast.name, avatar: cast.avatar };
    this.figure = new CustomerFigure(scene, 0, 0, options);
    this.figure.setReducedMotion(prefersReducedMotion());
    this.figure.setMood(cast.mood);
    this.layout(scene.scale.width, scene.scale.height);
    const onResize = (size: Phaser.Structs.Size): void => this.layout(size.width, size.height);
    scene.scale.on('resize', onResize);
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => scene.scale.off('resize', onResize));
    // Tells the browser tests (and anyone debugging) that this scene's stage has been painted.
    scene.game.events.once(Phaser.Core.Events.POST_RENDER, () => {
      const parent = scene.game.canvas.parentElement;
      if (parent !== null) parent.dataset.drawn = scene.sys.settings.key;
    });
  }

  /** Shows a new mood with a short tween (none under reduced motion). */
  setMood(mood: number): void {
    this.figure.setMood(mood, true);
  }

  setTalking(on: boolean): void {
    this.figure.setTalking(on);
  }

  /**
   * Where the face is, in CSS pixels from the stage's top left (`#stage[data-face]="x y width height"`),
   * so the browser tests can check that nothing on the page covers it.
   */
  private publishFace(cx: number, cy: number, scale: number): void {
    const parent = this.scene.game.canvas.parentElement;
    if (parent === null) return;
    const box = [
      cx - FACE.halfWidth * scale,
      cy - FACE.above * scale,
      2 * FACE.halfWidth * scale,
      (FACE.above + FACE.below) * scale,
    ];
    parent.dataset.face = box.map((n) => Math.round(n)).join(' ');
  }

  private layout(width: number, height: number): void {
    if (width <= 0 || height <= 0) return;
    const strip = width / height > STRIP_RATIO && width < DESIGN.width;
    const cover = Math.max(width / DESIGN.width, height / DESIGN.height);
    const scale = strip ? Math.max(cover, height / STRIP_DESIGN_HEIGHT) : cover;
    const drawn = { width: DESIGN.width * scale, height: DESIGN.height * scale };
    const place = settingLayout(this.cast.channel, this.cast.setting, drawn.width, drawn.height);
    const headAbove = -FIGURE.headY * place.figure.scale;
    // Centre the crop on the customer (on a strip, on the head), without uncovering the stage's edges.
    const x = clamp(width / 2 - place.figure.x, width - drawn.width, 0);
    const y = strip
      ? clamp(height * 0.4 - (place.figure.y - headAbove), height - drawn.height, 0)
      : clamp(height * 0.62 - place.figure.y, height - drawn.height, 0);
    this.publishFace(
      x + place.figure.x,
      y + place.figure.y - headAbove,
      place.figure.scale * FIGURE.headScale,
    );
    this.setting?.destroy();
    this.setting = drawSetting(this.scene, this.cast.channel, this.cast.setting, drawn.width, drawn.height);
    this.setting.setPosition(x, y).setDepth(0);
    this.figure
      .setDepth(1)
      .setScale(place.figure.scale)
      .setPosition(x + place.figure.x, y + place.figure.y);
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
