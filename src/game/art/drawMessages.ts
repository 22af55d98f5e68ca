import * as Phaser from 'phaser';
import { FONT_FAMILY, PALETTE, toCss } from './palette.ts';

/** One message of a chat, as the stage shows it. */
export interface StageMessage {
  readonly from: 'customer' | 'learner';
  readonly text: string;
}

/** The email a customer sent, as the stage shows it. */
export interface StageEmail {
  readonly from: string;
  readonly subject: string;
  readonly body: readonly string[];
}

/** A box in canvas pixels, and how many canvas pixels one design pixel is. */
export interface MessageBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly scale: number;
}

const LEARNER_BUBBLE = PALETTE.accent;
const CUSTOMER_BUBBLE = 0xeef1f3;

function text(
  scene: Phaser.Scene,
  content: string,
  size: number,
  colour: number,
  width: number,
  bold = false,
): Phaser.GameObjects.Text {
  return new Phaser.GameObjects.Text(scene, 0, 0, content, {
    fontFamily: FONT_FAMILY,
    fontSize: `${Math.max(1, Math.round(size))}px`,
    fontStyle: bold ? 'bold' : 'normal',
    color: toCss(colour),
    wordWrap: { width, useAdvancedWrap: true },
    lineSpacing: size * 0.2,
    resolution: 2,
  });
}

/** Cuts a wrapped text to at most `maxLines` lines, ending with an ellipsis when cut. */
function clampLines(label: Phaser.GameObjects.Text, maxLines: number): void {
  const lines = label.getWrappedText();
  if (lines.length <= maxLines) return;
  const kept = lines.slice(0, Math.max(1, maxLines));
  const last = kept.length - 1;
  kept[last] = `${(kept[last] ?? '').replace(/\s*\S*$/, '')}…`;
  label.setText(kept.join('\n'));
}

/**
 * A live chat, newest at the bottom: the customer's messages on the left in
 * grey, the learner's on the right in the accent colour. What no longer fits
 * scrolls off the top, as in a real chat window. The words are decoration
 * here: the page itself carries the conversation for screen readers.
 */
export function drawChat(
  scene: Phaser.Scene,
  messages: readonly StageMessage[],
  box: MessageBox,
): Phaser.GameObjects.Container {
  const container = new Phaser.GameObjects.Container(scene, 0, 0).setName('stage:chat');
  const s = box.scale;
  const pad = 12 * s;
  const gap = 10 * s;
  const maxBubble = box.width * 0.8;
  let bottom = box.y + box.height;
  for (const message of [...messages].reverse()) {
    const mine = message.from === 'learner';
    const label = text(
      scene,
      message.text,
      17 * s,
      mine ? PALETTE.textOnAccent : PALETTE.text,
      maxBubble - 2 * pad,
    );
    const room = bottom - box.y - 2 * pad;
    const lineHeight = label.height / Math.max(1, label.getWrappedText().length);
    if (room < lineHeight) break;
    clampLines(label, Math.floor(room / lineHeight));
    const w = label.width + 2 * pad;
    const h = label.height + 2 * pad;
    const x = mine ? box.x + box.width - w : box.x;
    const y = bottom - h;
    const bubble = new Phaser.GameObjects.Graphics(scene);
    bubble.fillStyle(mine ? LEARNER_BUBBLE : CUSTOMER_BUBBLE);
    const r = 14 * s;
    bubble.fillRoundedRect(
      x,
      y,
      w,
      h,
      mine ? { tl: r, tr: r, bl: r, br: 3 * s } : { tl: r, tr: r, bl: 3 * s, br: r },
    );
    label.setPosition(x + pad, y + pad);
    container.add([bubble, label]);
    bottom = y - gap;
    if (bottom - box.y < 2 * pad + lineHeight) break;
  }
  scene.add.existing(container);
  return container;
}

/** An open email: who it is from, to whom, the subject, then as much of the body as fits. */
export function drawEmail(
  scene: Phaser.Scene,
  email: StageEmail,
  box: MessageBox,
): Phaser.GameObjects.Container {
  const container = new Phaser.GameObjects.Container(scene, 0, 0).setName('stage:email');
  const s = box.scale;
  let y = box.y;
  const put = (label: Phaser.GameObjects.Text, after: number): void => {
    label.setPosition(box.x, y);
    container.add(label);
    y += label.height + after * s;
  };
  const subject = text(scene, email.subject, 21 * s, PALETTE.text, box.width, true);
  clampLines(subject, 2);
  put(subject, 8);
  put(text(scene, `From: ${email.from}`, 15 * s, PALETTE.textMuted, box.width, true), 2);
  put(text(scene, 'To: Customer care', 15 * s, PALETTE.textMuted, box.width), 10);
  const rule = new Phaser.GameObjects.Graphics(scene);
  rule.fillStyle(PALETTE.border).fillRect(box.x, y, box.width, Math.max(1, 2 * s));
  container.add(rule);
  y += 14 * s;
  for (const paragraph of email.body) {
    const label = text(scene, paragraph, 16 * s, PALETTE.text, box.width);
    const lineHeight = label.height / Math.max(1, label.getWrappedText().length);
    const room = Math.floor((box.y + box.height - y) / lineHeight);
    if (room < 1) break;
    clampLines(label, room);
    put(label, 8);
  }
  scene.add.existing(container);
  return container;
}
