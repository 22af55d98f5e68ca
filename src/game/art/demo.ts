/**
 * Dev-only gallery for art.html: `?view=faces`, `?view=cast`, or
 * `?view=setting&channel=phone&setting=cafe&name=Mrs%20Patel&mood=20`.
 * Sets `window.artReady` once drawn, for screenshots.
 */
import * as Phaser from 'phaser';
import { CHANNELS, type Channel } from '../../scenario/index.ts';
import {
  CustomerFigure,
  drawSetting,
  EXPRESSIONS,
  FONT_FAMILY,
  PALETTE,
  preloadArt,
  settingLayout,
  toCss,
} from './index.ts';

declare global {
  interface Window {
    artReady?: boolean;
    artFigures?: CustomerFigure[];
    /** Setting view only: redraw with another channel and setting. */
    artShow?: (channel: Channel, setting: string | undefined) => void;
  }
}

/** The page's query, read once: the demo never changes it. */
const params: ReadonlyMap<string, string> = new Map(new URLSearchParams(location.search));
const view = params.get('view') ?? 'faces';
const still = params.get('still') !== '0';
const MOODS = { furious: 5, angry: 25, upset: 42, neutral: 57, pleased: 75, delighted: 95 } as const;
const DEFAULT_NAMES: readonly string[] = ['Mrs Patel', 'Kwame Mensah', 'Mr Gareth Pryce', 'Priya Nair'];
const faceScale = Number(params.get('scale') ?? 0.6);
const faceNames = params.get('names')?.split('|') ?? DEFAULT_NAMES;
const cellW = Math.round(250 * (faceScale / 0.6));
const cellH = Math.round(270 * (faceScale / 0.6));

function label(
  scene: Phaser.Scene,
  x: number,
  y: number,
  text: string,
  size = 22,
  colour: number = PALETTE.text,
) {
  return scene.add
    .text(x, y, text, {
      fontFamily: FONT_FAMILY,
      fontSize: `${size}px`,
      fontStyle: 'bold',
      color: toCss(colour),
      resolution: 2,
    })
    .setOrigin(0.5, 0.5);
}

class FacesScene extends Phaser.Scene {
  create(): void {
    const names = faceNames;
    const avatars = params.get('avatars')?.split('|') ?? [];
    const left = 170;
    const top = 50;
    EXPRESSIONS.forEach((e, col) => {
      label(this, left + col * cellW + cellW / 2, 26, `${e} (${MOODS[e]})`);
    });
    const figures: CustomerFigure[] = [];
    names.forEach((name, row) => {
      const y = top + row * cellH;
      this.add
        .rectangle(0, y, 1700, cellH - 6, row % 2 ? PALETTE.surface : PALETTE.surfaceAlt)
        .setOrigin(0, 0);
      label(this, 85, y + cellH / 2, name.replace(' ', '\n'), 20);
      EXPRESSIONS.forEach((e, col) => {
        const avatar = avatars[row];
        const f = new CustomerFigure(this, left + col * cellW + cellW / 2, y + cellH - 16, {
          name,
          ...(avatar ? { avatar } : {}),
          scale: faceScale,
        });
        f.setReducedMotion(still).setMood(MOODS[e]);
        figures.push(f);
      });
    });
    window.artFigures = figures;
    window.artReady = true;
  }
}

class CastScene extends Phaser.Scene {
  create(): void {
    const names = (
      params.get('names') ??
      'Mrs Patel|Kwame Mensah|Marcus Greene|Mr Gareth Pryce|Mrs Nadia Hussain|Harjeet Sandhu|Tomasz Nowak|Graham Pearce|Lauren Walsh|Priya Nair|Mr Amrit Singh|Ms Chen|Mr Okafor|Siobhan Kelly|Mrs Evans|Mr Ahmed'
    ).split('|');
    const mood = Number(params.get('mood') ?? 57);
    const perRow = 8;
    names.forEach((name, i) => {
      const x = 100 + (i % perRow) * 200;
      const y = 40 + Math.floor(i / perRow) * 300;
      this.add.rectangle(x, y + 130, 190, 290, i % 2 ? PALETTE.surface : PALETTE.surfaceAlt);
      new CustomerFigure(this, x, y + 250, { name, scale: 0.48 }).setReducedMotion(still).setMood(mood);
      label(this, x, y + 266, name, 16);
    });
    window.artReady = true;
  }
}

class SettingScene extends Phaser.Scene {
  private shown: Phaser.GameObjects.GameObject[] = [];

  preload(): void {
    preloadArt(this);
  }

  create(): void {
    const channelParam = params.get('channel') ?? 'face-to-face';
    const channel: Channel = (CHANNELS as readonly string[]).includes(channelParam)
      ? (channelParam as Channel)
      : 'face-to-face';
    this.show(channel, params.get('setting') ?? undefined);
    window.artShow = (c, s) => this.show(c, s);
    window.artReady = true;
  }

  /** Draws one setting with its customer (and stand-in words and buttons), replacing the last. */
  private show(channel: Channel, setting: string | undefined): void {
    for (const object of this.shown) object.destroy();
    const name = params.get('name') ?? 'Mrs Patel';
    const mood = Number(params.get('mood') ?? 30);
    const { width, height } = this.scale;
    const backdrop = drawSetting(this, channel, setting, width, height);
    const layout = settingLayout(channel, setting, width, height);
    const figure = new CustomerFigure(this, layout.figure.x, layout.figure.y, {
      name,
      scale: layout.figure.scale,
    });
    figure.setReducedMotion(still).setMood(mood);
    if (params.get('talk') === '1') figure.setTalking(true);
    window.artFigures = [figure];
    this.shown = [backdrop, figure];
    if (params.get('mock') === '0') return;
    // Stand-ins for what the scene engineer draws: the customer's words and the reply buttons.
    const m = layout.message;
    const g = this.add.graphics();
    this.shown.push(g);
    g.fillStyle(PALETTE.surface, 0.96).fillRoundedRect(m.x, m.y, m.width, Math.min(m.height, 150), 18);
    g.lineStyle(2, PALETTE.border).strokeRoundedRect(m.x, m.y, m.width, Math.min(m.height, 150), 18);
    const style = { fontFamily: FONT_FAMILY, color: toCss(PALETTE.text), resolution: 2 };
    this.shown.push(
      this.add
        .text(
          m.x + 20,
          m.y + 18,
          `${name}: "I bought this kettle last week and it's already stopped working."`,
          {
            ...style,
            fontSize: '22px',
            wordWrap: { width: m.width - 40 },
          },
        )
        .setOrigin(0, 0),
    );
    const replies = [
      '"I\'m sorry to hear that."',
      '"What seems to be the problem?"',
      '"That\'s not our fault."',
    ];
    replies.forEach((reply, i) => {
      const y = height * 0.7 + i * 62;
      g.fillStyle(PALETTE.surface, 0.97).fillRoundedRect(width * 0.18, y, width * 0.64, 50, 12);
      g.fillStyle(PALETTE.accent).fillRoundedRect(width * 0.18, y, 8, 50, { tl: 12, bl: 12, tr: 0, br: 0 });
      this.shown.push(
        this.add.text(width * 0.18 + 28, y + 25, reply, { ...style, fontSize: '20px' }).setOrigin(0, 0.5),
      );
    });
  }
}

const sizes: Readonly<Record<string, [number, number]>> = {
  faces: [170 + cellW * 6, 50 + cellH * faceNames.length],
  cast: [1640, 620],
  setting: [1280, 720],
};
const [width, height] = sizes[view] ?? [1280, 720];
const scene = view === 'cast' ? CastScene : view === 'setting' ? SettingScene : FacesScene;
new Phaser.Game({
  type: Phaser.AUTO,
  parent: 'art',
  width,
  height,
  backgroundColor: PALETTE.background,
  antialias: true,
  scene,
});
