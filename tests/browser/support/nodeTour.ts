/**
 * A tour of every node of a scenario through the real conversation machine, in Node: the replies to
 * choose and undo so that a Practice role-play passes through each node once. The browser test replays
 * it with clicks and Undo, checking the layout at every stop (tests/browser/layout.browser.test.ts).
 */
import {
  PROJECT_ROOT,
  readCatalogue,
  readScenarioFile,
  SCENARIOS_DIR,
  yamlFilesUnder,
} from '../../../src/cli/files.ts';
import { createSession } from '../../../src/engine/index.ts';
import type { Scenario } from '../../../src/scenario/index.ts';
import { shortestRoute } from '../../../src/tutor/index.ts';

export type TourStep =
  | { readonly kind: 'check'; readonly node: string }
  | { readonly kind: 'choose'; readonly id: string }
  | { readonly kind: 'undo' };

export function libraryScenarios(): Scenario[] {
  const { catalogue } = readCatalogue(PROJECT_ROOT);
  return yamlFilesUnder(SCENARIOS_DIR).map((file) => {
    const { scenario, diagnostics } = readScenarioFile(file, catalogue, PROJECT_ROOT);
    if (scenario === null) throw new Error(`${file}: ${diagnostics.map((d) => d.message).join('; ')}`);
    return scenario;
  });
}

/**
 * Depth first from the start, undoing back after each branch; then, for a node only a condition
 * (`if`) opens, its shortest route there and back. Every node a run can reach is checked once.
 */
export function nodeTour(scenario: Scenario): { readonly steps: TourStep[]; readonly unreached: string[] } {
  const session = createSession(scenario);
  const seen = new Set<string>();
  const steps: TourStep[] = [];
  const check = (): void => {
    const node = session.view().node.id;
    seen.add(node);
    steps.push({ kind: 'check', node });
  };
  const visit = (): void => {
    check();
    const view = session.view();
    if (view.ending !== null) return;
    for (const choice of view.offered) {
      if (seen.has(choice.to)) continue;
      session.choose(choice.id);
      steps.push({ kind: 'choose', id: choice.id });
      if (seen.has(session.view().node.id)) steps.push({ kind: 'check', node: session.view().node.id });
      else visit();
      session.undo();
      steps.push({ kind: 'undo' });
    }
  };
  try {
    visit();
    const unreached: string[] = [];
    for (const node of scenario.nodes.keys()) {
      if (seen.has(node)) continue;
      const route = shortestRoute(scenario, node);
      if (route === null) {
        unreached.push(node);
        continue;
      }
      for (const id of route) {
        session.choose(id);
        steps.push({ kind: 'choose', id });
      }
      check();
      for (const _ of route) {
        session.undo();
        steps.push({ kind: 'undo' });
      }
    }
    return { steps, unreached };
  } finally {
    session.dispose();
  }
}

/**
 * The quick tour for every run of the suite: the node with the most replies (the longest of those) and
 * the node whose replies are longest in all, each by its shortest route there and back.
 */
export function representativeTour(scenario: Scenario): {
  readonly steps: TourStep[];
  readonly unreached: string[];
} {
  const nodes = [...scenario.nodes.values()].flatMap((node) =>
    node.kind === 'choices'
      ? [
          {
            id: node.id,
            count: node.choices.length,
            chars: node.choices.reduce((n, c) => n + c.say.length, 0),
          },
        ]
      : [],
  );
  const most = [...nodes].sort((a, b) => b.count - a.count || b.chars - a.chars)[0];
  const longest = [...nodes].sort((a, b) => b.chars - a.chars)[0];
  const targets = [...new Set([most?.id, longest?.id].filter((id) => id !== undefined))];
  const steps: TourStep[] = [];
  const unreached: string[] = [];
  for (const node of targets) {
    const route = shortestRoute(scenario, node);
    if (route === null) {
      unreached.push(node);
      continue;
    }
    steps.push(...route.map((id): TourStep => ({ kind: 'choose', id })));
    steps.push({ kind: 'check', node });
    steps.push(...route.map((): TourStep => ({ kind: 'undo' })));
  }
  return { steps, unreached };
}
