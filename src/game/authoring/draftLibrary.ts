import type { Scenario } from '../../scenario/index.ts';
import type { GameShell } from '../GameShell.ts';
import type { Library } from '../library/Library.ts';

/**
 * Makes a tutor's draft playable by the game's own scenes: the shell's library
 * is replaced by one that also holds the draft (or the draft instead of a
 * library scenario with the same id). Only the page's memory changes; nothing
 * is written or uploaded. The GameShell owns the swap (`useLibrary`); the
 * game's scenes only read `shell.library`.
 */
export function installDraft(shell: GameShell, draft: Scenario): void {
  const base = shell.library;
  const scenarios = [...base.scenarios.filter((s) => s.id !== draft.id), draft];
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  const library: Library = { ...base, scenarios, scenario: (id) => byId.get(id) };
  shell.useLibrary(library);
}
