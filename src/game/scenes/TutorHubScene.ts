import * as Phaser from 'phaser';
import type { GameShell } from '../GameShell.ts';
import { SceneKey } from '../keys.ts';
import { type MapHandle, openMap } from '../map/openMap.ts';
import { enterScreen } from '../presenter/enterScreen.ts';
import { TutorSceneKey, TutorScreen } from '../presenter/keys.ts';
import { jumpInPractice } from '../presenter/playFromHere.ts';
import { TUTOR_STRINGS } from '../presenter/strings.ts';
import { type HubChoice, TutorHubView } from '../presenter/TutorHubView.ts';
import { STRINGS } from '../strings.ts';
import { startScene } from './LoadingScene.ts';

/** The tutor tools' page: its lifecycle (layout, address, Escape, the map it opened). The DOM is `TutorHubView`. */
export class TutorHubScene extends Phaser.Scene {
  private unknown = false;
  private map: MapHandle | null = null;

  constructor(private readonly shell: GameShell) {
    super(TutorSceneKey.Hub);
  }

  init(data: { unknown?: boolean } = {}): void {
    this.unknown = data.unknown === true;
  }

  create(): void {
    const { shell } = this;
    enterScreen(shell, TutorScreen.Hub);
    window.history.replaceState(null, '', window.location.pathname);
    document.title = `${TUTOR_STRINGS.hub.heading} · ${STRINGS.appTitle}`;
    const view = new TutorHubView(shell.regions.panel, shell.regions.topbar, {
      library: shell.library,
      modelId: shell.menuChoices.modelId,
      unknown: this.unknown,
      presenterLink: ({ scenarioId, modelId }) => {
        const params = new URLSearchParams({ scenario: scenarioId, model: modelId, mode: 'presenter' });
        return `${window.location.pathname}?${params.toString()}`;
      },
      onModel: (modelId) => shell.chooseForMenu({ modelId }),
      onPresent: (choice) => startScene(this, TutorSceneKey.Presenter, choice),
      onMap: (choice) => this.openMap(choice),
      onWrite: () => startScene(this, TutorSceneKey.Authoring),
      onClassView: () => startScene(this, TutorSceneKey.ClassView),
      onBack: () => this.scene.start(SceneKey.Menu),
    });
    view.focus();
    shell.onKey((event) => {
      if (event.key === 'Escape' && this.map?.open !== true) {
        this.scene.start(SceneKey.Menu);
        return true;
      }
      return false;
    });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.map?.close();
      this.map = null;
    });
  }

  /** The chosen scenario's map, with the route of its last finished run on this page. */
  private openMap({ scenarioId, modelId }: HubChoice): void {
    const { shell } = this;
    const scenario = shell.library.scenario(scenarioId);
    if (scenario === undefined) return;
    const last = shell.runs.lastFinished(scenario.id);
    this.map = openMap({
      scenario,
      catalogue: shell.library.catalogue,
      facts: shell.tutorFacts,
      modelId,
      path: last?.path ?? [],
      pathChoices: last?.choices ?? [],
      current: null,
      jump: 'practice',
      onJump: (node, route) => jumpInPractice(this, shell, scenario, modelId, node, route),
    });
  }
}
