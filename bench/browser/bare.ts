/**
 * The baseline for the browser bench: Phaser alone, the same scale mode as the
 * app and the same renderer choice (canvas by default, `?renderer=webgl` for
 * WebGL), one scene that draws a rectangle and a line of text. It marks
 * `window.__benchReady` once its first frame has been drawn.
 */
import * as Phaser from 'phaser';

const marks = window as unknown as { __benchReady?: number };

class BareScene extends Phaser.Scene {
  create(): void {
    this.add.rectangle(200, 200, 200, 120, 0x3366aa);
    this.add.text(120, 300, 'Bare Phaser page', { color: '#ffffff' });
    // Two animation frames after create: the scene has been drawn at least once.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        marks.__benchReady = performance.now();
      }),
    );
  }
}

new Phaser.Game({
  type:
    new URLSearchParams(window.location.search).get('renderer') === 'webgl' ? Phaser.WEBGL : Phaser.CANVAS,
  parent: 'stage',
  backgroundColor: '#1f2a37',
  scale: { mode: Phaser.Scale.RESIZE, width: '100%', height: '100%' },
  banner: false,
  scene: [BareScene],
});
