import * as Phaser from 'phaser';
import example from '../../../scenarios/faulty-kettle.yaml?raw';
import { loadScenario, MAX_FILE_BYTES, type Scenario } from '../../scenario/index.ts';
import { AuthoringView } from '../authoring/AuthoringView.ts';
import { installDraft } from '../authoring/draftLibrary.ts';
import type { GameShell } from '../GameShell.ts';
import { SceneKey } from '../keys.ts';
import { type MapHandle, openMap } from '../map/openMap.ts';
import { enterScreen } from '../presenter/enterScreen.ts';
import { TutorSceneKey, TutorScreen } from '../presenter/keys.ts';
import { jumpInPractice } from '../presenter/playFromHere.ts';
import { TUTOR_STRINGS } from '../presenter/strings.ts';
import type { RoleplayRequest } from '../run/RoleplayRequest.ts';
import { STRINGS } from '../strings.ts';
import { startScene } from './LoadingScene.ts';

const S = TUTOR_STRINGS.authoring;
/** How long typing must pause before the file is checked again, in ms. */
const CHECK_DELAY = 350;
const DRAFT_KEY = 'complaint-sim:draft';

function sessionDraft(): { file: string; text: string } | null {
  try {
    const text = window.sessionStorage.getItem(DRAFT_KEY);
    return text === null ? null : { file: S.draftFile, text };
  } catch {
    return null;
  }
}

function storeSessionDraft(text: string): void {
  try {
    window.sessionStorage.setItem(DRAFT_KEY, text);
  } catch {
    // Storage refused (private mode, quota): the scene's memory still has it.
  }
}

/**
 * Authoring in the browser: open, drop or paste a scenario; the real loader
 * (pure, the same as `sim validate`) checks it as the tutor types; a valid
 * scenario can be played in Practice, presented, or mapped at once.
 * Nothing leaves the page. This is the lifecycle (the draft, the check's
 * timing, where each button leads); the DOM is `AuthoringView`.
 */
export class AuthoringScene extends Phaser.Scene {
  private view: AuthoringView | null = null;
  private timer = 0;
  private file: string = S.draftFile;
  private scenario: Scenario | null = null;
  private map: MapHandle | null = null;
  /**
   * The draft survives a trip to the role-play and back: Phaser keeps this
   * scene object for the page, so its memory is the page's; the tab's session
   * storage is the fallback after a reload.
   */
  private draft: { file: string; text: string } | null = null;

  constructor(private readonly shell: GameShell) {
    super(TutorSceneKey.Authoring);
  }

  create(): void {
    const { shell } = this;
    enterScreen(shell, TutorScreen.Authoring);
    window.history.replaceState(null, '', window.location.pathname);
    document.title = `${S.heading} · ${STRINGS.appTitle}`;
    const start = this.draft ?? sessionDraft();
    this.file = start?.file ?? S.draftFile;

    const view = new AuthoringView(shell.regions.panel, shell.regions.topbar, {
      text: start?.text ?? '',
      onChange: (text) => {
        this.draft = { file: this.file, text };
        storeSessionDraft(text);
        window.clearTimeout(this.timer);
        this.timer = window.setTimeout(() => this.check(text), CHECK_DELAY);
      },
      onFile: (file) => void this.openFile(file),
      onExample: () => {
        this.file = 'faulty-kettle.yaml';
        this.view?.setText(example);
      },
      onDownload: () => this.view?.download(this.file.endsWith('.yaml') ? this.file : `${this.file}.yaml`),
      onPlay: (modelId) => this.play(modelId),
      onPresent: (modelId) => {
        if (this.scenario === null) return;
        installDraft(shell, this.scenario);
        startScene(this, TutorSceneKey.Presenter, { scenarioId: this.scenario.id, modelId });
      },
      onMap: (modelId) => this.openMap(modelId),
      onHub: () => startScene(this, TutorSceneKey.Hub),
      onBack: () => this.scene.start(SceneKey.Menu),
    });
    this.view = view;
    this.check(view.text);
    view.focus();
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      window.clearTimeout(this.timer);
      this.map?.close();
      this.map = null;
      this.view?.dispose();
      this.view = null;
    });
  }

  /** Checks the text with the real loader and shows what it found. */
  private check(text: string): void {
    const { library } = this.shell;
    // An empty editor is a blank page, not a mistake: no "the file is empty" error before the tutor starts.
    const result =
      text.trim() === ''
        ? { scenario: null, diagnostics: [] }
        : loadScenario({ file: this.file, text }, library.catalogue);
    this.scenario = result.scenario;
    this.view?.showCheck({
      diagnostics: result.diagnostics,
      ready: result.scenario !== null,
      models: result.scenario?.models ?? library.models.map((m) => m.id),
      preferredModel: this.shell.menuChoices.modelId,
    });
  }

  private openMap(modelId: string): void {
    const { shell, scenario } = this;
    if (scenario === null) return;
    installDraft(shell, scenario);
    this.map = openMap({
      scenario,
      catalogue: shell.library.catalogue,
      facts: shell.tutorFacts,
      modelId,
      path: [],
      pathChoices: [],
      current: null,
      jump: 'practice',
      onJump: (node, route) => jumpInPractice(this, shell, scenario, modelId, node, route),
    });
  }

  private async openFile(file: File): Promise<void> {
    if (file.size > MAX_FILE_BYTES) {
      this.shell.announce(S.fileTooBig);
      window.alert(S.fileTooBig);
      return;
    }
    try {
      const text = await file.text();
      this.file = file.name;
      this.view?.setText(text);
      this.shell.announce(S.opened(file.name));
    } catch {
      this.shell.announce(S.readFailed);
    }
  }

  private play(modelId: string): void {
    if (this.scenario === null) return;
    installDraft(this.shell, this.scenario);
    this.shell.chooseForMenu({ modelId, mode: 'practice' });
    const request: RoleplayRequest = { scenarioId: this.scenario.id, modelId, mode: 'practice' };
    this.scene.start(SceneKey.Roleplay, request);
  }
}
