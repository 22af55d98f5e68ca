import * as Phaser from 'phaser';
import { ClassViewPanel } from '../classView/ClassViewPanel.ts';
import type { GameShell } from '../GameShell.ts';
import { enterScreen } from '../presenter/enterScreen.ts';
import { type PresenterData, TutorSceneKey, TutorScreen } from '../presenter/keys.ts';
import { TUTOR_STRINGS } from '../presenter/strings.ts';
import { STRINGS } from '../strings.ts';
import { brand } from '../ui/brand.ts';
import { h } from '../ui/dom.ts';
import { startScene } from './LoadingScene.ts';

const S = TUTOR_STRINGS.classView;

/** The class view's lifecycle: the page layout, the top bar, Escape back to the hub. The panel is the DOM view. */
export class ClassViewScene extends Phaser.Scene {
  private panel: ClassViewPanel | null = null;

  constructor(private readonly shell: GameShell) {
    super(TutorSceneKey.ClassView);
  }

  create(): void {
    const { shell } = this;
    enterScreen(shell, TutorScreen.ClassView);
    window.history.replaceState(null, '', window.location.pathname);
    document.title = `${S.heading} · ${STRINGS.appTitle}`;
    const back = h(
      'button',
      { type: 'button', class: 'button ghost', 'data-testid': 'class-view-back' },
      '← ',
      S.back,
    );
    back.addEventListener('click', () => startScene(this, TutorSceneKey.Hub));
    shell.regions.topbar.append(brand(), h('span', { style: 'margin-left:auto' }), back);
    this.panel = new ClassViewPanel(shell.regions.panel, {
      library: shell.library,
      announce: (text) => shell.announce(text),
      present: (data: PresenterData) => startScene(this, TutorSceneKey.Presenter, data),
    });
    shell.onKey((event) => {
      if (event.key !== 'Escape') return false;
      startScene(this, TutorSceneKey.Hub);
      return true;
    });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.panel?.dispose();
      this.panel = null;
    });
  }
}
