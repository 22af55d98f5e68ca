import type { ConversationView } from '../engine/index.ts';
import type { Catalogue, Model } from '../scenario/index.ts';
import { scoreRun } from '../scoring/index.ts';
import type { LmsMode, LmsReport } from './types.ts';

/** A report for the LMS from a conversation as it stands, scored the same way `sim play` scores it. */
export function createLmsReport(input: {
  readonly view: Pick<ConversationView, 'scenario' | 'transcript' | 'run'>;
  readonly model: Model;
  readonly catalogue: Catalogue;
  readonly mode: LmsMode;
  readonly sessionSeconds: number;
  readonly answeredAt?: readonly Date[];
}): LmsReport {
  const { view, model, catalogue } = input;
  return {
    scenario: view.scenario,
    model,
    catalogue,
    mode: input.mode,
    score: scoreRun(view.scenario, view.run, model, catalogue),
    transcript: view.transcript,
    sessionSeconds: input.sessionSeconds,
    ...(input.answeredAt === undefined ? {} : { answeredAt: input.answeredAt }),
  };
}
