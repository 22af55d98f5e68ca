/**
 * The tutor tools' hook into the game, called from main.ts: `installTutorTools`
 * declares the hub, presenter and editor scenes (their code is fetched the
 * first time one is opened: a learner's first load does not carry them), adds
 * a "Tutor tools" button on the menu and a "Map" button in a Practice
 * role-play, and remembers each scenario's last run for the map. The game's
 * own scenes are not edited: this listens to their `create` events.
 */
import * as Phaser from 'phaser';
import { replayChoices, startRun } from '../../progress/index.ts';
import type { Scenario } from '../../scenario/index.ts';
import type { GameShell } from '../GameShell.ts';
import { activeRun, fingerprintOf, newId, nowIso, setPendingRun } from '../history/progressService.ts';
import { SceneKey } from '../keys.ts';
import { type MapHandle, openMap } from '../map/openMap.ts';
import { registerLazyScene, startScene } from '../scenes/LoadingScene.ts';
import { newSeed } from '../session/newSeed.ts';
import type { DebriefRequest, RoleplayRequest } from '../session/RoleplayRequest.ts';
import { h } from '../ui/dom.ts';
import { TutorSceneKey } from './keys.ts';
import { TUTOR_STRINGS } from './strings.ts';

export interface RunPath {
  readonly path: readonly string[];
  readonly choices: readonly string[];
}

const lastRuns = new Map<string, RunPath>();
let pendingNotice: string | null = null;

/** The last finished run of a scenario in this page (for the map's highlighted path). */
export function lastRunOf(scenarioId: string): RunPath | undefined {
  return lastRuns.get(scenarioId);
}

/**
 * The tutor tools' scenes, fetched on first use: the hub and presenter mode
 * together, the editor (CodeMirror and the YAML loader) on its own.
 */
function registerTutorScenes(): void {
  const L = TUTOR_STRINGS.loading;
  registerLazyScene(TutorSceneKey.Hub, L.hub, async () => {
    const { TutorHubScene } = await import('./TutorHubScene.ts');
    return (shell) => new TutorHubScene(shell);
  });
  registerLazyScene(TutorSceneKey.Presenter, L.presenter, async () => {
    const { PresenterScene } = await import('./PresenterScene.ts');
    return (shell) => new PresenterScene(shell);
  });
  registerLazyScene(TutorSceneKey.ClassView, L.classView, async () => {
    const { ClassViewScene } = await import('../classView/ClassViewScene.ts');
    return (shell) => new ClassViewScene(shell);
  });
  registerLazyScene(TutorSceneKey.Authoring, L.authoring, async () => {
    const { AuthoringScene } = await import('../authoring/AuthoringScene.ts');
    return (shell) => new AuthoringScene(shell);
  });
}

/**
 * "Play from here" in Practice: a run made of the route's replies is handed to
 * the role-play, which replays it through its real session (as "try again from
 * here" does), so score and mood are the session's own. Says so on screen.
 */
export function jumpInPractice(
  scene: Phaser.Scene,
  shell: GameShell,
  scenario: Scenario,
  modelId: string,
  node: string,
  route: readonly string[],
): void {
  // A new run: its own seed, so the replies after the jump are shuffled like any run's.
  const run = startRun(newId(), scenario, fingerprintOf(scenario), modelId, 'practice', nowIso(), newSeed());
  setPendingRun({ ...run, choices: [...route] });
  pendingNotice = TUTOR_STRINGS.presenter.jumped(node, route.length);
  shell.menuChoices.modelId = modelId;
  shell.menuChoices.mode = 'practice';
  const request: RoleplayRequest = { scenarioId: scenario.id, modelId, mode: 'practice' };
  scene.scene.start(SceneKey.Roleplay, request);
}

/** Adds the menu button, the role-play's Map button and the last-run memory once the game is ready. */
export function installTutorTools(shell: GameShell): void {
  registerTutorScenes();
  const game = shell.game;
  if (game === null) return;
  game.events.once(Phaser.Core.Events.READY, () => {
    const on = (key: string, fn: (scene: Phaser.Scene) => void): void => {
      const scene = game.scene.getScene(key);
      scene?.events.on(Phaser.Scenes.Events.CREATE, () => fn(scene));
    };
    on(SceneKey.Menu, (scene) => {
      const button = h(
        'button',
        {
          type: 'button',
          class: 'button ghost',
          'aria-label': TUTOR_STRINGS.menuButtonLabel,
          'data-testid': 'tutor-tools',
        },
        TUTOR_STRINGS.menuButton,
      );
      button.addEventListener('click', () => startScene(scene, TutorSceneKey.Hub));
      shell.regions.topbar.append(button);
    });
    on(SceneKey.Roleplay, (scene) => addRoleplayMap(scene, shell));
    on(SceneKey.Debrief, (scene) => {
      const data = scene.sys.settings.data as DebriefRequest | undefined;
      if (data?.view === undefined) return;
      lastRuns.set(data.request.scenarioId, {
        path: [...data.view.path],
        choices: data.view.transcript.map((t) => t.choice.id),
      });
    });
  });
}

function addRoleplayMap(scene: Phaser.Scene, shell: GameShell): void {
  const request = scene.sys.settings.data as RoleplayRequest | undefined;
  const scenario = request === undefined ? undefined : shell.library.scenario(request.scenarioId);
  if (request === undefined || scenario === undefined) return;
  if (pendingNotice !== null) {
    const notice = h(
      'p',
      { class: 'tutor-notice', role: 'status', 'data-testid': 'jump-notice' },
      pendingNotice,
    );
    shell.regions.topbar.append(notice);
    shell.announce(pendingNotice);
    pendingNotice = null;
  }
  // The map shows every reply's consequences: a Practice aid, never offered in Assessment.
  if (request.mode !== 'practice') return;
  let dialog: MapHandle | null = null;
  const button = h(
    'button',
    { type: 'button', class: 'button ghost', 'data-testid': 'roleplay-map' },
    TUTOR_STRINGS.presenter.map,
  );
  button.addEventListener('click', () => {
    if (dialog?.open === true) return;
    const run = activeRun();
    const choices = run !== null && run.scenarioId === scenario.id ? run.choices : [];
    const replay = replayChoices(scenario, choices);
    const path = replay.ok ? [...replay.steps.map((s) => s.node), replay.node] : [scenario.start];
    dialog = openMap({
      scenario,
      catalogue: shell.library.catalogue,
      modelId: request.modelId,
      path,
      pathChoices: replay.ok ? choices : [],
      current: path.at(-1) ?? null,
      jump: 'practice',
      onJump: (node, route) => jumpInPractice(scene, shell, scenario, request.modelId, node, route),
    });
  });
  shell.regions.topbar.append(button);
  scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => dialog?.close());
}
