/** File-order positions (what `sim play --choices` counts) → choice ids, through the real loader and machine, in Node. */
import { PROJECT_ROOT, readCatalogue, readScenarioFile } from '../../../src/cli/files.ts';
import { createSession } from '../../../src/engine/index.ts';
import type { Scenario } from '../../../src/scenario/index.ts';

/**
 * The choice ids a `--choices` list names in a scenario (a whole run or its
 * start). The game shuffles the replies on screen, so browser tests play ids
 * (`replyByKeyFor`) and use this to keep the CLI's positions as the one
 * spelling of a run.
 */
export function choiceIds(positions: readonly number[], file = 'scenarios/faulty-kettle.yaml'): string[] {
  const session = createSession(load(file));
  try {
    return positions.map((position) => {
      const view = session.view();
      const choice = view.offered[position - 1];
      if (choice === undefined) throw new Error(`no reply ${position} offered at ${view.node.id}`);
      session.choose(choice.id);
      return choice.id;
    });
  } finally {
    session.dispose();
  }
}

/** The ids of the run that takes the first offered reply (in file order) at every turn, to its ending. */
export function firstReplies(file: string): string[] {
  const session = createSession(load(file));
  try {
    const ids: string[] = [];
    for (let view = session.view(); view.ending === null; view = session.view()) {
      const choice = view.offered[0];
      if (choice === undefined || ids.length > 200) throw new Error(`no way on from ${view.node.id}`);
      session.choose(choice.id);
      ids.push(choice.id);
    }
    return ids;
  } finally {
    session.dispose();
  }
}

function load(file: string): Scenario {
  const { catalogue } = readCatalogue(PROJECT_ROOT);
  const { scenario, diagnostics } = readScenarioFile(file, catalogue, PROJECT_ROOT);
  if (scenario === null) throw new Error(`${file}: ${diagnostics.map((d) => d.message).join('; ')}`);
  return scenario;
}

/** What the reply with this id says (its text on screen). */
export function sayOf(id: string, file = 'scenarios/faulty-kettle.yaml'): string {
  const choice = load(file).choices.get(id);
  if (choice === undefined) throw new Error(`${file} has no reply ${id}`);
  return choice.say;
}
