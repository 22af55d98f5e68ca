import { type ReplyReview, reviewReplies } from '../../progress/index.ts';
import type { Catalogue, Scenario } from '../../scenario/index.ts';

/**
 * The best reply at each fork of a run, with the bounds the debrief and the
 * evidence record both search within (a large scenario is searched in part:
 * `exhaustive` says so). Null when the run no longer replays.
 */
export function reviewRun(
  scenario: Scenario,
  catalogue: Catalogue,
  modelId: string,
  choices: readonly string[],
): ReplyReview | null {
  try {
    return reviewReplies(scenario, catalogue, modelId, choices, {
      visitsPerNode: 2,
      maxRuns: 50_000,
      maxSteps: 1_000_000,
    });
  } catch {
    return null;
  }
}
