/**
 * The tutor tools' hook into the game, called from main.ts: `installTutorTools`
 * declares the hub, presenter and editor scenes (their code is fetched the
 * first time one is opened: a learner's first load does not carry them), adds
 * a "Tutor tools" button on the menu, and follows every run (a `RunObserver`)
 * to add the "Map" button in a Practice role-play and say when a run was
 * started from a tutor's "play from here". Nothing here imports the tutor
 * scenes' code, so there is no import circle through `import()`.
 */
import * as Phaser from 'phaser';
import { replayChoices } from '../../progress/index.ts';
import type { GameShell } from '../GameShell.ts';
import { SceneKey } from '../keys.ts';
import { type MapHandle, openMap } from '../map/openMap.ts';
import type { LearnerRun, RunObserver } from '../run/index.ts';
import { startScene } from '../scenes/LoadingScene.ts';
import { h } from '../ui/dom.ts';
import { TutorSceneKey } from './keys.ts';
import { jumpInPractice } from './playFromHere.ts';
import { TUTOR_STRINGS } from './strings.ts';

/**
 * The tutor tools' scenes, fetched on first use: the hub and presenter mode
 * together, the editor (CodeMirror and the YAML loader) on its own.
 */
function registerTutorScenes(shell: GameShell): void {
  const L = TUTOR_STRINGS.loading;
  const registerLazyScene = shell.lazyScenes.register.bind(shell.lazyScenes);
  registerLazyScene(
    TutorSceneKey.Hub,
    L.hub,
    () => import('../scenes/TutorHubScene.ts'),
    (module) => (shell) => new module.TutorHubScene(shell),
  );
  registerLazyScene(
    TutorSceneKey.Presenter,
    L.presenter,
    () => import('../scenes/PresenterScene.ts'),
    (module) => (shell) => new module.PresenterScene(shell),
  );
  registerLazyScene(
    TutorSceneKey.ClassView,
    L.classView,
    () => import('../scenes/ClassViewScene.ts'),
    (module) => (shell) => new module.ClassViewScene(shell),
  );
  registerLazyScene(
    TutorSceneKey.Authoring,
    L.authoring,
    () => import('../scenes/AuthoringScene.ts'),
    (module) => (shell) => new module.AuthoringScene(shell),
  );
}

/** Adds the menu button once the game is ready, and follows every run for the role-play's tutor aids. */
export function installTutorTools(shell: GameShell): void {
  registerTutorScenes(shell);
  shell.runs.observe(new RoleplayAids(shell));
  const game = shell.game;
  if (game === null) return;
  game.events.once(Phaser.Core.Events.READY, () => {
    const menu = game.scene.getScene(SceneKey.Menu);
    menu?.events.on(Phaser.Scenes.Events.CREATE, () => {
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
      button.addEventListener('click', () => startScene(menu, TutorSceneKey.Hub));
      shell.regions.topbar.append(button);
    });
  });
}

/**
 * The role-play's tutor aids, per run: the "play from here" notice, and in
 * Practice the "Map" button (the map shows every reply's consequences, so it
 * is never offered in Assessment), with the run's route so far highlighted.
 */
class RoleplayAids implements RunObserver {
  private readonly maps = new Map<LearnerRun, { button: HTMLElement; dialog: MapHandle | null }>();

  constructor(private readonly shell: GameShell) {}

  started(run: LearnerRun): void {
    const { shell } = this;
    const notice = run.source === 'jump' ? run.request.handover?.notice : undefined;
    if (notice !== undefined) {
      shell.regions.topbar.append(
        h('p', { class: 'tutor-notice', role: 'status', 'data-testid': 'jump-notice' }, notice),
      );
      shell.announce(notice);
    }
    if (run.request.mode !== 'practice') return;
    const entry: { button: HTMLElement; dialog: MapHandle | null } = {
      button: h(
        'button',
        { type: 'button', class: 'button ghost', 'data-testid': 'roleplay-map' },
        TUTOR_STRINGS.presenter.map,
      ),
      dialog: null,
    };
    entry.button.addEventListener('click', () => {
      if (entry.dialog?.open === true || run.closed) return;
      const { scenario } = run;
      const choices = run.saved.choices;
      const replay = replayChoices(scenario, choices);
      const path = replay.ok ? [...replay.steps.map((s) => s.node), replay.node] : [scenario.start];
      entry.dialog = openMap({
        scenario,
        catalogue: run.catalogue,
        facts: shell.tutorFacts,
        modelId: run.model.id,
        path,
        pathChoices: replay.ok ? choices : [],
        current: path.at(-1) ?? null,
        jump: 'practice',
        onJump: (node, route) => {
          const scene = shell.game?.scene.getScene(SceneKey.Roleplay);
          if (scene !== undefined && scene !== null)
            jumpInPractice(scene, shell, scenario, run.model.id, node, route);
        },
      });
    });
    this.maps.set(run, entry);
    shell.regions.topbar.append(entry.button);
  }

  closed(run: LearnerRun): void {
    const entry = this.maps.get(run);
    this.maps.delete(run);
    entry?.dialog?.close();
    entry?.button.remove();
  }
}
