import * as Phaser from 'phaser';
import type { Channel } from '../../scenario/index.ts';
import { ART_KEYS, type ArtKey, artUrl, DESIGN } from './artKeys.ts';
import { FONT_FAMILY, PAGE_LAYER_CSS, PALETTE, toCss } from './palette.ts';

/** Face-to-face settings a scenario can name in `setting:`; other keys fall back to the channel default. */
export const FACE_TO_FACE_SETTINGS = {
  'shop-counter': ART_KEYS.shopCounter,
  restaurant: ART_KEYS.restaurant,
  'hotel-reception': ART_KEYS.hotelReception,
  cafe: ART_KEYS.cafe,
} as const satisfies Record<string, ArtKey>;

/** Where things go on a setting, in canvas pixels for the size asked for. */
export interface SettingLayout {
  /** Where to put the CustomerFigure (its origin is the bottom centre) and at what scale. */
  readonly figure: { readonly x: number; readonly y: number; readonly scale: number };
  /** Where the stage's crop centres across: the figure, or for chat and email the figure and the messages together. */
  readonly focusX: number;
  /** A calm area for the customer's words: speech bubble, call transcript, chat messages or email body. */
  readonly message: {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
  };
}

interface Label {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly colour: number;
  readonly bold?: boolean;
  readonly originX?: number;
}

interface SettingSpec {
  readonly key: ArtKey;
  readonly figure: SettingLayout['figure'];
  /** Design x to centre on; the figure's x when absent. */
  readonly focusX?: number;
  readonly message: SettingLayout['message'];
  readonly labels: readonly Label[];
}

const COUNTER = { x: 640, y: 440, scale: 0.95 } as const;
const BUBBLE = { x: 860, y: 70, width: 390, height: 330 } as const;

function faceToFace(key: ArtKey, labels: readonly Label[] = []): SettingSpec {
  return { key, figure: COUNTER, message: BUBBLE, labels };
}

const SPECS = {
  [ART_KEYS.shopCounter]: faceToFace(ART_KEYS.shopCounter),
  [ART_KEYS.restaurant]: faceToFace(ART_KEYS.restaurant),
  [ART_KEYS.hotelReception]: faceToFace(ART_KEYS.hotelReception),
  [ART_KEYS.cafe]: faceToFace(ART_KEYS.cafe),
  [ART_KEYS.callCentre]: {
    key: ART_KEYS.callCentre,
    figure: { x: 640, y: 450, scale: 0.88 },
    message: { x: 930, y: 160, width: 280, height: 210 },
    labels: [],
  },
  [ART_KEYS.chatWindow]: {
    key: ART_KEYS.chatWindow,
    figure: { x: 640, y: 450, scale: 0.8 },
    // The card (466–814) and the message pane together.
    focusX: 843,
    message: { x: 846, y: 96, width: 374, height: 350 },
    labels: [
      { text: 'Live chat', x: 596, y: 50, size: 22, colour: PALETTE.textOnAccent, bold: true },
      { text: 'Online', x: 740, y: 120, size: 17, colour: PALETTE.accentDark, bold: true },
    ],
  },
  [ART_KEYS.emailClient]: {
    key: ART_KEYS.emailClient,
    figure: { x: 640, y: 450, scale: 0.76 },
    focusX: 844,
    message: { x: 836, y: 98, width: 380, height: 348 },
    labels: [
      { text: 'Mail', x: 604, y: 50, size: 22, colour: PALETTE.textOnAccent, bold: true },
      { text: 'Inbox', x: 98, y: 118, size: 19, colour: PALETTE.text, bold: true },
      { text: 'Sent', x: 98, y: 170, size: 19, colour: PALETTE.textMuted },
      { text: 'Drafts', x: 98, y: 222, size: 19, colour: PALETTE.textMuted },
      { text: 'Archive', x: 98, y: 274, size: 19, colour: PALETTE.textMuted },
    ],
  },
} as const satisfies Record<ArtKey, SettingSpec>;

function specFor(channel: Channel, setting: string | undefined): SettingSpec {
  switch (channel) {
    case 'face-to-face': {
      const key =
        setting !== undefined && Object.hasOwn(FACE_TO_FACE_SETTINGS, setting)
          ? FACE_TO_FACE_SETTINGS[setting as keyof typeof FACE_TO_FACE_SETTINGS]
          : ART_KEYS.shopCounter;
      return SPECS[key];
    }
    case 'phone':
      return SPECS[ART_KEYS.callCentre];
    case 'chat':
      return SPECS[ART_KEYS.chatWindow];
    case 'email':
      return SPECS[ART_KEYS.emailClient];
  }
}

/** The texture `drawSetting` draws for a channel and setting: what a scene's `preload` should queue. */
export function settingArtKey(channel: Channel, setting: string | undefined): ArtKey {
  return specFor(channel, setting).key;
}

/** Where the figure and the customer's words go on the setting `drawSetting` draws for the same arguments. */
export function settingLayout(
  channel: Channel,
  setting: string | undefined,
  width: number,
  height: number,
): SettingLayout {
  const spec = specFor(channel, setting);
  const sx = width / DESIGN.width;
  const sy = height / DESIGN.height;
  return {
    figure: { x: spec.figure.x * sx, y: spec.figure.y * sy, scale: spec.figure.scale * Math.min(sx, sy) },
    focusX: (spec.focusX ?? spec.figure.x) * sx,
    message: {
      x: spec.message.x * sx,
      y: spec.message.y * sy,
      width: spec.message.width * sx,
      height: spec.message.height * sy,
    },
  };
}

/**
 * The backdrop for a channel (face-to-face: `setting` picks shop-counter, restaurant,
 * hotel-reception or cafe), stretched to `width` × `height` (drawn for 1280 × 720).
 * Busy art stays in the upper 60%; the lower part is calm for the reply buttons.
 * Queue `preloadArt(scene, [settingArtKey(...)])` first; without the texture a plain panel is drawn instead.
 */
export function drawSetting(
  scene: Phaser.Scene,
  channel: Channel,
  setting: string | undefined,
  width: number,
  height: number,
): Phaser.GameObjects.Container {
  const spec = specFor(channel, setting);
  const container = new Phaser.GameObjects.Container(scene, 0, 0);
  container.setName(`setting:${spec.key}`);
  if (scene.textures.exists(spec.key)) {
    const image = new Phaser.GameObjects.Image(scene, 0, 0, spec.key)
      .setOrigin(0, 0)
      .setDisplaySize(width, height);
    container.add(image);
    const game = scene.sys.game;
    if (game.renderer.type === Phaser.WEBGL && game.config.transparent)
      showBehindCanvas(scene, image, artUrl(spec.key));
  } else {
    const g = new Phaser.GameObjects.Graphics(scene);
    g.fillStyle(PALETTE.background).fillRect(0, 0, width, height);
    g.fillStyle(PALETTE.accentSoft).fillRect(0, height * 0.62, width, height * 0.38);
    container.add(g);
  }
  const sx = width / DESIGN.width;
  const sy = height / DESIGN.height;
  for (const label of spec.labels) {
    const text = new Phaser.GameObjects.Text(scene, label.x * sx, label.y * sy, label.text, {
      fontFamily: FONT_FAMILY,
      fontSize: `${Math.round(label.size * Math.min(sx, sy))}px`,
      fontStyle: label.bold ? 'bold' : 'normal',
      color: toCss(label.colour),
      resolution: 2,
    });
    text.setOrigin(label.originX ?? 0, 0.5);
    container.add(text);
  }
  scene.add.existing(container);
  return container;
}

/** Where the game keeps which backdrop its canvas shows, so a destroyed one never clears its successor. */
const BACKDROP_KEY = 'setting-backdrop';

/**
 * WebGL with a transparent canvas (main.ts opts in): the browser paints the
 * backdrop as the canvas's CSS background instead of WebGL drawing it as a
 * full-canvas textured quad every frame. With software WebGL (SwiftShader)
 * that quad cost several times the rest of a role-play frame (issue 9). The
 * image stays in the container, hidden, so the scene still owns its position,
 * size and bounds; each frame the CSS follows it, and is removed with it.
 */
function showBehindCanvas(scene: Phaser.Scene, image: Phaser.GameObjects.Image, url: string): void {
  const canvas = scene.sys.game.canvas;
  // The game's own registry (one per game, not per module): the image its canvas shows now.
  const registry = scene.sys.game.registry;
  // The page colour main.ts gives the canvas, kept as the lower layer.
  const page = PAGE_LAYER_CSS;
  image.setVisible(false);
  let shown = '';
  const follow = (): void => {
    const box = image.getBounds();
    // CSS pixels per canvas pixel, in case the page scales the canvas.
    const ratio = canvas.width > 0 ? canvas.clientWidth / canvas.width : 1;
    const position = `${box.x * ratio}px ${box.y * ratio}px`;
    const size = `${box.width * ratio}px ${box.height * ratio}px`;
    if (`${position} / ${size}` === shown && registry.get(BACKDROP_KEY) === image) return;
    shown = `${position} / ${size}`;
    registry.set(BACKDROP_KEY, image);
    canvas.style.backgroundImage = `url("${url}"), ${page}`;
    canvas.style.backgroundPosition = `${position}, 0 0`;
    canvas.style.backgroundSize = `${size}, auto`;
    canvas.style.backgroundRepeat = 'no-repeat, repeat';
  };
  follow();
  scene.sys.events.on(Phaser.Scenes.Events.PRE_RENDER, follow);
  image.once(Phaser.GameObjects.Events.DESTROY, () => {
    scene.sys.events.off(Phaser.Scenes.Events.PRE_RENDER, follow);
    // A new setting may already have replaced this one.
    if (registry.get(BACKDROP_KEY) !== image) return;
    registry.remove(BACKDROP_KEY);
    canvas.style.backgroundImage = page;
    canvas.style.backgroundPosition = '';
    canvas.style.backgroundSize = '';
    canvas.style.backgroundRepeat = '';
  });
}
