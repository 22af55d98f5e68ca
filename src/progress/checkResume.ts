import type { Scenario } from '../scenario/index.ts';
import { scenarioFingerprint } from './fingerprint.ts';
import { replayChoices } from './replayChoices.ts';
import type { SavedRun } from './schema.ts';

export type StaleReason = 'scenario-missing' | 'model-missing' | 'scenario-changed' | 'reply-missing';

export type ResumeCheck =
  | { readonly kind: 'resumable'; readonly run: SavedRun; readonly ended: boolean }
  | {
      readonly kind: 'stale';
      readonly run: SavedRun;
      readonly reason: StaleReason;
      readonly message: string;
    };

/**
 * Whether a saved run can be replayed into this scenario. It is stale (and
 * must never be replayed) when the scenario is gone, its content changed since
 * the run was saved (fingerprint), or a saved reply no longer exists or is no
 * longer offered where it was given.
 */
export function checkResume(
  run: SavedRun,
  scenario: Scenario | undefined,
  modelExists: boolean = true,
): ResumeCheck {
  if (scenario === undefined || scenario.id !== run.scenarioId) {
    return {
      kind: 'stale',
      run,
      reason: 'scenario-missing',
      message: 'The role-play you had not finished is no longer in the library, so it cannot be resumed.',
    };
  }
  if (!modelExists) {
    return {
      kind: 'stale',
      run,
      reason: 'model-missing',
      message: `The model ${run.model} is no longer available, so the role-play cannot be resumed.`,
    };
  }
  if (run.fingerprint !== scenarioFingerprint(scenario)) {
    return {
      kind: 'stale',
      run,
      reason: 'scenario-changed',
      message: `“${scenario.title}” has been changed since you started it, so your replies may no longer fit. Please start it again.`,
    };
  }
  const replay = replayChoices(scenario, run.choices);
  if (!replay.ok) {
    return {
      kind: 'stale',
      run,
      reason: 'reply-missing',
      message: `Reply ${replay.at + 1} of your unfinished role-play no longer fits “${scenario.title}”. Please start it again.`,
    };
  }
  return { kind: 'resumable', run, ended: replay.ended };
}
