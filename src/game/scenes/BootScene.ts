import * as Phaser from 'phaser';
import type { GameShell } from '../GameShell.ts';
import { SceneKey } from '../keys.ts';
import { TutorSceneKey } from '../presenter/keys.ts';
import type { DeepLink } from '../run/deepLink.ts';
import { startScene } from './LoadingScene.ts';

/**
 * Opens the menu or the role-play a deep link asks for. It loads no art: each
 * scene that draws a setting queues just that one in its own `preload`.
 */
export class BootScene extends Phaser.Scene {
  constructor(
    private readonly shell: GameShell,
    private readonly link: DeepLink,
  ) {
    super(SceneKey.Boot);
  }

  create(): void {
    if (this.link.kind === 'roleplay') {
      const { request } = this.link;
      this.shell.chooseForMenu({ modelId: request.modelId, mode: request.mode });
      this.scene.start(SceneKey.Roleplay, request);
    } else if (this.link.kind === 'presenter') {
      startScene(this, TutorSceneKey.Presenter, this.link.request);
    } else {
      this.scene.start(SceneKey.Menu, { unknownLink: this.link.kind === 'invalid' });
    }
  }
}
