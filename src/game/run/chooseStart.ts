import { checkResume, type SavedRun } from '../../progress/index.ts';
import type { Scenario } from '../../scenario/index.ts';
import type { RoleplayRequest } from '../run/RoleplayRequest.ts';
import type { RunSource } from './LearnerRun.ts';

/** The LMS's saved run of this role-play (from suspend data): the replies to replay and their reply-order seed. */
export interface ResumeOffer {
  readonly choices: readonly string[];
  readonly seed: number;
}

/** Where a run may start from, gathered by the `RunService` before it decides. */
export interface StartSources {
  readonly request: RoleplayRequest;
  readonly scenario: Scenario;
  readonly modelExists: boolean;
  /** What the LMS saved for this role-play (offered once per page, on its first role-play). */
  readonly lms: ResumeOffer | null;
  /** The run kept in this browser's saved progress (one at a time). */
  readonly local: SavedRun | null;
}

/**
 * The decision, made once, of where a run starts:
 * 1. a run handed over in the scene's data (Resume on the menu, "try again from
 *    here", "play from here") — it is what the learner just asked for;
 * 2. else the LMS's suspend data — the course's record, resumed without asking;
 * 3. else the browser's saved run of the same scenario, model and mode, if the
 *    learner says Resume;
 * 4. else a new run.
 * A handed or saved run that no longer replays (the scenario changed) is `stale`:
 * the learner is told why and gets a new run.
 */
export type StartDecision =
  | { readonly kind: 'new' }
  | { readonly kind: 'use'; readonly run: SavedRun; readonly source: RunSource }
  | { readonly kind: 'lms'; readonly offer: ResumeOffer }
  | { readonly kind: 'ask'; readonly run: SavedRun }
  | { readonly kind: 'stale'; readonly message: string };

export function chooseStart(sources: StartSources): StartDecision {
  const { request, scenario, modelExists, lms, local } = sources;
  const handover = request.handover;
  if (handover !== undefined && sameRolePlay(handover.run, request)) {
    const check = checkResume(handover.run, scenario, modelExists);
    if (check.kind === 'stale') return { kind: 'stale', message: check.message };
    return { kind: 'use', run: handover.run, source: handover.kind };
  }
  if (lms !== null) return { kind: 'lms', offer: lms };
  if (local === null || !sameRolePlay(local, request) || local.choices.length === 0) return { kind: 'new' };
  const check = checkResume(local, scenario, modelExists);
  if (check.kind === 'stale') return { kind: 'stale', message: check.message };
  return { kind: 'ask', run: local };
}

function sameRolePlay(run: SavedRun, request: RoleplayRequest): boolean {
  return run.scenarioId === request.scenarioId && run.model === request.modelId && run.mode === request.mode;
}
