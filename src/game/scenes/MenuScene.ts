import * as Phaser from 'phaser';
import type { GameShell } from '../GameShell.ts';
import { attachMenu } from '../history/attachMenu.ts';
import { SceneKey, Screen } from '../keys.ts';
import type { RoleplayRequest } from '../run/RoleplayRequest.ts';
import { addMenuSwitch } from '../sayIt/index.ts';
import { CustomerStage } from '../stage/CustomerStage.ts';
import { STRINGS } from '../strings.ts';
import { h } from '../ui/dom.ts';
import { MenuView } from '../ui/MenuView.ts';

/** The menu: a friendly customer on the canvas, the scenario cards in the DOM. */
/** The menu's backdrop: the shop counter, the first setting most learners meet. */
const MENU_CAST = { channel: 'face-to-face', setting: 'shop-counter' } as const;

export class MenuScene extends Phaser.Scene {
  private unknownLink = false;

  constructor(private readonly shell: GameShell) {
    super(SceneKey.Menu);
  }

  init(data: { unknownLink?: boolean } = {}): void {
    this.unknownLink = data.unknownLink === true;
  }

  preload(): void {
    CustomerStage.preload(this, MENU_CAST);
  }

  create(): void {
    const { shell } = this;
    shell.setScreen(Screen.Menu);
    window.history.replaceState(null, '', window.location.pathname);
    document.title = STRINGS.appTitle;
    new CustomerStage(this, { ...MENU_CAST, name: 'Welcome', mood: 70 });
    shell.regions.hud.append(
      h(
        'div',
        { class: 'hud-bottom' },
        h('div', { class: 'bubble welcome' }, h('p', {}, STRINGS.appTagline)),
      ),
    );
    const view = new MenuView(shell.regions.panel, shell.regions.topbar, {
      library: shell.library,
      choices: shell.menuChoices,
      onChoice: (patch) => shell.chooseForMenu(patch),
      unknownLink: this.unknownLink,
      onStart: (scenario) => {
        const request: RoleplayRequest = {
          scenarioId: scenario.id,
          modelId: shell.menuChoices.modelId,
          mode: shell.menuChoices.mode,
        };
        this.scene.start(SceneKey.Roleplay, request);
      },
    });
    // Say it your way: its switch beside the model and mode (src/game/sayIt/).
    addMenuSwitch(shell.regions.panel);
    // Saved progress: "My progress" button, each card's best band and a resume banner.
    attachMenu(this, shell, view);
  }
}
