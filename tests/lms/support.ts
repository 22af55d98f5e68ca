/** Helpers for the LMS tests: play a run through the real machine and make the report the adapter would. */
import { readScenarioFile } from '../../src/cli/files.ts';
import { createSession } from '../../src/engine/index.ts';
import { createLmsReport, type LmsMode, type LmsReport } from '../../src/lms/index.ts';
import type { Catalogue, Scenario } from '../../src/scenario/index.ts';
import { projectCatalogue } from '../engine/build.ts';
import { REPO } from '../engine/runSim.ts';

export const catalogue: Catalogue = projectCatalogue();

export function loadFile(file: string): Scenario {
  const { scenario, diagnostics } = readScenarioFile(file, catalogue, REPO);
  if (scenario === null) throw new Error(`${file}: ${diagnostics.map((d) => d.message).join('; ')}`);
  return scenario;
}

/** Plays `positions` (as `sim play --choices` counts them, finished or not) and reports the run for the LMS. */
export function reportFor(
  scenario: Scenario,
  modelId: string,
  positions: readonly number[],
  mode: LmsMode = 'assessment',
  extra: { sessionSeconds?: number; answeredAt?: readonly Date[] } = {},
): LmsReport {
  const model = catalogue.models.get(modelId);
  if (model === undefined) throw new Error(`no model ${modelId}`);
  const session = createSession(scenario);
  for (const position of positions) {
    const choice = session.view().offered[position - 1];
    if (choice === undefined) throw new Error(`no reply ${position} at ${session.view().node.id}`);
    session.choose(choice.id);
  }
  const view = session.view();
  session.dispose();
  return createLmsReport({
    view,
    model,
    catalogue,
    mode,
    sessionSeconds: extra.sessionSeconds ?? 754.321,
    ...(extra.answeredAt === undefined ? {} : { answeredAt: extra.answeredAt }),
  });
}

/** Values as a Map for lookups (the order is checked separately). */
export function asMap(values: readonly (readonly [string, string])[]): Map<string, string> {
  return new Map(values);
}
