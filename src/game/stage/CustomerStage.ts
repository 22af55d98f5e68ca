import * as Phaser from 'phaser';
import type { ConversationView } from '../../engine/index.ts';
import type { Channel, CustomerLook, Outcome, Pronouns, Scenario } from '../../scenario/index.ts';
import { prefersReducedMotion } from '../ui/dom.ts';
import {
  CustomerFigure,
  DESIGN,
  describeLook,
  drawChat,
  drawEmail,
  drawSetting,
  expressionForEnding,
  FIGURE,
  type MessageBox,
  preloadArt,
  settingArtKey,
  settingLayout,
} from './art.ts';
import { chatMessages, latestEmail } from './stageMessages.ts';

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
  readonly pronouns?: Pronouns | undefined;
  readonly look?: CustomerLook | undefined;
  readonly mood: number;
  /** Set when the conversation is already over (the debrief): the face follows the outcome. */
  readonly ending?: Outcome | undefined;
}

/** A scenario's customer, in their setting, at this mood (and, once it is over, its ending). */
export function castOf(
  scenario: Pick<Scenario, 'channel' | 'setting' | 'customer'>,
  mood: number,
  ending?: Outcome,
): StageCast {
  const { customer } = scenario;
  return {
    channel: scenario.channel,
    setting: scenario.setting,
    name: customer.name,
    avatar: customer.avatar,
    pronouns: customer.pronouns,
    look: customer.look,
    mood,
    ending,
  };
}

/**
 * The canvas half of a scene: the channel's setting with the customer in it,
 * and for chat and email the conversation itself in the window's message pane.
 * The art is drawn for 16:9; the stage is whatever box the page layout gives
 * it, so the setting is scaled to cover the box and cropped around the figure
 * (never stretched), and refitted whenever the canvas changes size.
 */
export class CustomerStage {
  /** Queues the one setting texture this cast needs on the scene's loader: call from the scene's `preload`. */
  static preload(scene: Phaser.Scene, cast: Pick<StageCast, 'channel' | 'setting'>): void {
    preloadArt(scene, [settingArtKey(cast.channel, cast.setting)]);
  }

  /**
   * Says on `#stage` that a scene's stage is on its way (the role-play builds its stage the frame
   * after its first turn's words): what the last scene's stage published there (its look, face,
   * expression, messages) is taken away, and the setting reads `loading` until the stage is built.
   */
  static coming(scene: Phaser.Scene): void {
    const parent = scene.game.canvas?.parentElement;
    if (parent === null || parent === undefined) return;
    for (const key of ['look', 'face', 'expression', 'messages']) delete parent.dataset[key];
    parent.dataset.setting = 'loading';
  }

  private setting: Phaser.GameObjects.Container | null = null;
  private messages: Phaser.GameObjects.Container | null = null;
  private conversation: ConversationView | null = null;
  /** The message pane in canvas pixels, from the last layout. */
  private pane: MessageBox | null = null;
  readonly figure: CustomerFigure;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly cast: StageCast,
  ) {
    this.figure = new CustomerFigure(scene, 0, 0, {
      name: cast.name,
      avatar: cast.avatar,
      pronouns: cast.pronouns,
      look: cast.look,
    });
    this.figure.setReducedMotion(prefersReducedMotion());
    const parent = this.parent();
    if (parent !== null) {
      // What this stage draws, replacing the last scene's (tests and debugging read them).
      parent.dataset.look = describeLook(this.figure.look);
      delete parent.dataset.messages;
      parent.dataset.setting = scene.textures.exists(settingArtKey(cast.channel, cast.setting))
        ? 'ready'
        : 'none';
    }
    this.setMood(cast.mood, cast.ending, false);
    this.layout(scene.scale.width, scene.scale.height);
    const onResize = (size: Phaser.Structs.Size): void => this.layout(size.width, size.height);
    scene.scale.on('resize', onResize);
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => scene.scale.off('resize', onResize));
    // Tells the browser tests (and anyone debugging) that this scene's stage has been painted.
    scene.game.events.once(Phaser.Core.Events.POST_RENDER, () => {
      const parent = this.parent();
      if (parent === null) return;
      parent.dataset.drawn = scene.sys.settings.key;
    });
  }

  /**
   * Fetches the setting's art now, when the scene's `preload` did not, and redraws the stage with it
   * once it arrives. The role-play does this so its first turn (the replies are DOM) never waits
   * for the art to download and rasterise (issue 18: the first reply within 1.3× a bare Phaser
   * page); until then the stage shows the plain backdrop `drawSetting` falls back to.
   * `#stage[data-setting]` says `loading` meanwhile, then `ready` (or `failed`: the plain backdrop
   * stays), so screenshots and tests can wait for the art.
   */
  fetchSetting(): void {
    const { scene } = this;
    const key = settingArtKey(this.cast.channel, this.cast.setting);
    if (scene.textures.exists(key)) return;
    let live = true;
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      live = false;
    });
    const mark = (state: 'loading' | 'ready' | 'failed'): void => {
      const parent = this.parent();
      if (parent !== null) parent.dataset.setting = state;
    };
    mark('loading');
    scene.load.once(Phaser.Loader.Events.COMPLETE, () => {
      if (!live) return;
      const arrived = scene.textures.exists(key);
      if (arrived) this.layout(scene.scale.width, scene.scale.height);
      mark(arrived ? 'ready' : 'failed');
    });
    preloadArt(scene, [key]);
    scene.load.start();
  }

  /** Shows a new mood with a short tween (none under reduced motion); at an ending the face follows the outcome. */
  setMood(mood: number, ending?: Outcome, animate = true): void {
    const expression = ending === undefined ? undefined : expressionForEnding(ending, mood);
    this.figure.setMood(mood, animate, expression);
    const parent = this.parent();
    if (parent !== null) parent.dataset.expression = this.figure.expression;
  }

  setTalking(on: boolean): void {
    this.figure.setTalking(on);
  }

  /** Chat and email: writes the conversation so far into the window (other channels have none to show). */
  showConversation(view: ConversationView): void {
    if (this.cast.channel !== 'chat' && this.cast.channel !== 'email') return;
    this.conversation = view;
    this.drawMessages();
  }

  private parent(): HTMLElement | null {
    return this.scene.game.canvas?.parentElement ?? null;
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
    // Centre the crop on the focus (the customer, or the customer and the messages), keeping the
    // whole figure in view, without uncovering the stage's edges; on a strip, on the head.
    const half = (place.figure.scale * FIGURE.width) / 2;
    const keepFigure = { min: half - place.figure.x, max: width - half - place.figure.x };
    // A phone's strip is zoomed on the head: it centres on the customer, and the messages (if any
    // column is left for them) stop at its edge.
    const wanted =
      !strip && keepFigure.min <= keepFigure.max
        ? clamp(width / 2 - place.focusX, keepFigure.min, keepFigure.max)
        : width / 2 - place.figure.x;
    const x = clamp(wanted, width - drawn.width, 0);
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
    // On a stage too narrow for the whole window, the pane ends at the stage's edge;
    // when less than a readable column is left, the page's own speech bubble carries the words alone.
    const paneX = x + place.message.x;
    const paneWidth = Math.min(place.message.width, width - paneX - 14 * scale);
    this.pane =
      paneWidth < 170 * scale
        ? null
        : { ...place.message, x: paneX, y: y + place.message.y, width: paneWidth, scale };
    this.messages?.destroy();
    this.messages = null;
    this.drawMessages();
  }

  /** Redraws only the window's messages, into the pane the last layout placed (the setting stays). */
  private drawMessages(): void {
    const { conversation: view, pane } = this;
    if (view === null || pane === null) return;
    this.messages?.destroy();
    const chat = chatMessages(view);
    this.messages =
      this.cast.channel === 'email'
        ? drawEmail(this.scene, latestEmail(view), pane)
        : drawChat(this.scene, chat, pane);
    this.messages.setDepth(1);
    // What the window holds, for the browser tests: the messages so far (an email shows the latest of them).
    const parent = this.parent();
    if (parent !== null) parent.dataset.messages = String(chat.length);
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
