import type * as Phaser from 'phaser';
import { checkResume } from '../../progress/index.ts';
import type { GameShell } from '../GameShell.ts';
import { SceneKey } from '../keys.ts';
import type { RoleplayRequest } from '../run/RoleplayRequest.ts';
import { h } from '../ui/dom.ts';
import type { MenuView } from '../ui/MenuView.ts';
import { bestBands } from './bestBands.ts';
import { openHistory } from './HistoryScreen.ts';
import { PROGRESS_STRINGS } from './strings.ts';

const S = PROGRESS_STRINGS;

/**
 * The menu's hook: a "My progress" button, each card's best band so far (given
 * to the menu view as data), and a "Resume" banner when an unfinished role-play was saved.
 */
export function attachMenu(scene: Phaser.Scene, shell: GameShell, view: Pick<MenuView, 'showBest'>): void {
  let live = true;
  let unsubscribe = (): void => undefined;
  scene.events.once('shutdown', () => {
    live = false;
    unsubscribe();
  });
  void (async () => {
    const storage = await shell.progress.open();
    if (!live) return;
    shell.progress.notices.show(storage);
    // Again after any change (an import or a cleared history in "My progress").
    view.showBest(bestBands(storage.store.attempts));
    unsubscribe = storage.subscribe(() => view.showBest(bestBands(storage.store.attempts)));
    const open = h(
      'button',
      { type: 'button', class: 'button ghost', 'data-testid': 'open-history' },
      S.history.open,
    );
    open.addEventListener('click', () => openHistory(shell, storage));
    shell.regions.topbar.append(open);

    const run = storage.store.run;
    if (run === null || run.choices.length === 0) return;
    const scenario = shell.library.scenario(run.scenarioId);
    const check = checkResume(run, scenario, shell.library.model(run.model) !== undefined);
    if (scenario === undefined || check.kind === 'stale') return;
    const resume = h(
      'button',
      { type: 'button', class: 'button primary', 'data-testid': 'resume-run' },
      S.resume.resume,
    );
    resume.addEventListener('click', () => {
      const request: RoleplayRequest = {
        scenarioId: run.scenarioId,
        modelId: run.model,
        mode: run.mode,
        handover: { kind: 'resume', run },
      };
      scene.scene.start(SceneKey.Roleplay, request);
    });
    const model = shell.library.model(run.model)?.name ?? run.model;
    shell.regions.panel.prepend(
      h(
        'div',
        { class: 'resume-banner', role: 'region', 'aria-label': S.resume.heading },
        h('p', {}, S.resume.banner(scenario.title, model)),
        resume,
      ),
    );
  })();
}
