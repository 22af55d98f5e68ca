import type * as Phaser from 'phaser';
import type { ConversationSession, ConversationView } from '../../engine/index.ts';
import { checkResume, HINT_LEVELS, hintFor, type SavedRun, startRun } from '../../progress/index.ts';
import type { Scenario } from '../../scenario/index.ts';
import type { GameShell } from '../GameShell.ts';
import type { RoleplayRequest } from '../session/RoleplayRequest.ts';
import type { RunSeed } from '../session/RunSeed.ts';
import { h } from '../ui/dom.ts';
import { ask } from './dialog.ts';
import { showNotices } from './notices.ts';
import { fingerprintOf, newId, nowIso, progress, setActiveRun, takePendingRun } from './progressService.ts';
import { PROGRESS_STRINGS } from './strings.ts';

const S = PROGRESS_STRINGS;

/**
 * The role-play's hook into saved progress: offers to resume a saved run of
 * the same scenario, model and mode (or continues a "try again from here"
 * run), replays it through the session, then saves the run after every reply
 * (and undo). In Practice it adds a hint button. Cleans up on scene shutdown.
 * It settles the run's reply-order seed: a resumed or branched run brings its
 * own (so its turns show the order they had), a new run keeps the scene's.
 */
export function attachProgress(
  scene: Phaser.Scene,
  shell: GameShell,
  request: RoleplayRequest,
  scenario: Scenario,
  session: ConversationSession,
  seed: RunSeed,
): void {
  let live = true;
  let unsubscribe: (() => void) | null = null;
  let hintBox: HTMLElement | null = null;
  scene.events.once('shutdown', () => {
    live = false;
    unsubscribe?.();
    hintBox?.remove();
  });
  void (async () => {
    const storage = await progress(shell.library);
    if (!live) return;
    showNotices(storage);
    const model = shell.library.model(request.modelId);
    // Another hook (the LMS resuming its own suspend data) may have replayed replies already: follow it, don't ask.
    let run =
      session.view().transcript.length > 0
        ? adopt(storage.store.run, request, scenario, seed.value)
        : await chooseRun(storage.store.run, request, scenario, shell, seed.value);
    if (!live) return;
    // Before the replay, so every turn it passes (and undo back to them) shows the run's own order.
    seed.settle(run.seed);
    if (run.choices.length > 0 && session.view().transcript.length === 0) {
      try {
        for (const id of run.choices) session.choose(id);
      } catch {
        // checkResume replayed these already; if the machine still refuses one, start afresh rather than guess.
        while (session.view().canUndo) session.undo();
        run = fresh(request, scenario, seed.value);
      }
    }
    const save = (view: ConversationView): void => {
      run = { ...run, choices: view.transcript.map((entry) => entry.choice.id), updatedAt: nowIso() };
      setActiveRun(run);
      void storage.saveRun(run);
    };
    save(session.view());
    unsubscribe = session.subscribe(save);

    if (request.mode !== 'practice' || model === undefined) return;
    const text = h('p', { class: 'hint-text', role: 'status' });
    const button = h(
      'button',
      { type: 'button', class: 'button ghost hint-button', 'data-testid': 'hint' },
      S.hint.button,
    );
    hintBox = h('div', { class: 'hint-box' }, button, text);
    shell.regions.topbar.append(hintBox);
    button.addEventListener('click', () => {
      const view = session.view();
      if (view.ending !== null) return;
      const at = view.transcript.length;
      const before = run.hints.filter((hint) => hint.at === at).length;
      const hint = hintFor(
        model,
        view.transcript.map((entry) => entry.choice),
        before + 1,
      );
      if (hint === null) {
        text.textContent = S.hint.none;
        return;
      }
      text.textContent = `${S.hint.label(hint.level)}: ${hint.text}`;
      if (before < HINT_LEVELS) {
        run = {
          ...run,
          hints: [...run.hints, { at, node: view.node.id, step: hint.step.id, level: hint.level }],
        };
        save(view);
      }
      button.textContent = S.hint.stronger;
    });
    session.subscribe(() => {
      text.textContent = '';
      button.textContent = S.hint.button;
    });
  })().finally(() => {
    // Should saved progress fail, the learner still gets replies (in the scene's order) rather than none.
    if (live) seed.settle();
  });
}

/** A new run with the seed the scene drew (or the address fixed). */
function fresh(request: RoleplayRequest, scenario: Scenario, seed: number): SavedRun {
  return startRun(newId(), scenario, fingerprintOf(scenario), request.modelId, request.mode, nowIso(), seed);
}

/**
 * The saved run of this scenario, model and mode if there is one (its replies are about to be rewritten), else
 * a new run; either way with the seed of the run the LMS resumed, which is what the screen shows.
 */
function adopt(saved: SavedRun | null, request: RoleplayRequest, scenario: Scenario, seed: number): SavedRun {
  takePendingRun(request.scenarioId, request.modelId, request.mode);
  return saved !== null &&
    saved.scenarioId === request.scenarioId &&
    saved.model === request.modelId &&
    saved.mode === request.mode
    ? { ...saved, fingerprint: fingerprintOf(scenario), seed }
    : fresh(request, scenario, seed);
}

/** The run to continue: a hand-over from the menu or debrief, a saved run the learner chooses to resume, or a new one. */
async function chooseRun(
  saved: SavedRun | null,
  request: RoleplayRequest,
  scenario: Scenario,
  shell: GameShell,
  seed: number,
): Promise<SavedRun> {
  const handed = takePendingRun(request.scenarioId, request.modelId, request.mode);
  const candidate = handed ?? saved;
  if (
    candidate === null ||
    candidate.scenarioId !== request.scenarioId ||
    candidate.model !== request.modelId ||
    candidate.mode !== request.mode ||
    (handed === null && candidate.choices.length === 0)
  ) {
    return fresh(request, scenario, seed);
  }
  const check = checkResume(candidate, scenario, shell.library.model(candidate.model) !== undefined);
  if (check.kind === 'stale') {
    await ask(
      S.resume.staleHeading,
      [check.message],
      [{ value: 'ok', label: S.resume.ok, kind: 'primary' }],
      'ok',
    );
    return fresh(request, scenario, seed);
  }
  if (handed !== null) return { ...handed, fingerprint: fingerprintOf(scenario) };
  const answer = await ask(
    S.resume.heading,
    [S.resume.body(scenario.title, candidate.choices.length)],
    [
      { value: 'resume', label: S.resume.resume, kind: 'primary' },
      { value: 'restart', label: S.resume.restart },
    ],
    'resume',
  );
  return answer === 'resume' ? candidate : fresh(request, scenario, seed);
}
