import type * as Phaser from 'phaser';
import { scenarioFingerprint, startRun } from '../../progress/index.ts';
import type { Scenario } from '../../scenario/index.ts';
import type { GameShell } from '../GameShell.ts';
import { SceneKey } from '../keys.ts';
import { newId, nowIso } from '../run/index.ts';
import { newSeed } from '../run/newSeed.ts';
import type { RoleplayRequest } from '../run/RoleplayRequest.ts';
import { TUTOR_STRINGS } from './strings.ts';

/**
 * "Play from here" in Practice (presenter mode, the map, the editor): a new
 * run made of the route's replies is handed to the role-play in its scene
 * data, which replays it through a real `LearnerRun` (as "try again from
 * here" does), so score and mood are the run's own, and says so on screen.
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
  const run = startRun(
    newId(),
    scenario,
    scenarioFingerprint(scenario),
    modelId,
    'practice',
    nowIso(),
    newSeed(),
  );
  shell.chooseForMenu({ modelId, mode: 'practice' });
  const request: RoleplayRequest = {
    scenarioId: scenario.id,
    modelId,
    mode: 'practice',
    handover: {
      kind: 'jump',
      run: { ...run, choices: [...route] },
      notice: TUTOR_STRINGS.presenter.jumped(node, route.length),
    },
  };
  scene.scene.start(SceneKey.Roleplay, request);
}
