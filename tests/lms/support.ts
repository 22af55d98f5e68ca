/** Helpers for the LMS tests: play a run through the real machine and make the report the adapter would. */
import { readScenarioFile } from '../../src/cli/files.ts';
import { createSession } from '../../src/engine/index.ts';
import type { LmsBridge, TrackRequest } from '../../src/game/lms/index.ts';
import { LearnerRun } from '../../src/game/run/index.ts';
import { createLmsReport, type LmsMode, type LmsReport } from '../../src/lms/index.ts';
import { scenarioFingerprint, startRun } from '../../src/progress/index.ts';
import type { Catalogue, Scenario } from '../../src/scenario/index.ts';
import { projectCatalogue } from '../engine/build.ts';
import { REPO } from '../engine/runSim.ts';
import { flatCmi } from './flatCmi.ts';

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
/** What a scorm-again LMS stored, flattened to `cmi.x.y` keys (as its suspend data is relaunched with). */
export function storedCmi(api: { renderCommitCMI(terminate: boolean): unknown }): Record<string, string> {
  return flatCmi(api.renderCommitCMI(true));
}

export function asMap(values: readonly (readonly [string, string])[]): Map<string, string> {
  return new Map(values);
}

/**
 * What the game's `RunService` does for the LMS, in one step: asks the bridge
 * for its saved run, starts a `LearnerRun` from it (or from `replay`, the
 * replies saved progress or "try again from here" would replay, with `seed`),
 * and has the bridge follow it. The service's own tests (tests/game/run/)
 * cover the decision between the LMS, saved progress and a hand-over.
 */
export function followRun(
  bridge: LmsBridge,
  request: TrackRequest,
  seed = 1_234,
  replay: readonly string[] = [],
): { run: LearnerRun; stop: () => void } {
  const offer = bridge.offer(request);
  const { scenario, model } = request;
  const saved = startRun(
    'run-1',
    scenario,
    scenarioFingerprint(scenario),
    model.id,
    request.mode,
    NOW,
    offer?.seed ?? seed,
  );
  const run = new LearnerRun({
    request: { scenarioId: scenario.id, modelId: model.id, mode: request.mode },
    scenario,
    model,
    catalogue: request.catalogue,
    saved: { ...saved, choices: [...(offer?.choices ?? replay)] },
    source: offer === null ? 'new' : 'lms',
    now: () => NOW,
  });
  const stop = bridge.follow(run, request);
  return { run, stop };
}

const NOW = '2026-03-01T09:00:00.000Z';
