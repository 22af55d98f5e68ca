import type { Run } from '../engine/index.ts';
import type { Catalogue, Scenario } from '../scenario/index.ts';
import { type LimitId, type RunScore, scoreRun } from '../scoring/index.ts';
import { scenarioFingerprint } from './fingerprint.ts';
import { replayChoices } from './replayChoices.ts';
import type { Attempt } from './schema.ts';

/**
 * A saved attempt's run scored again under the current rules, so the evidence record can say why its band
 * is what it is in the same words as the debrief. Only when that is safe:
 * the scenario is the one played (same fingerprint), the replies replay to
 * an ending, and scoring today gives the band, percent and `limits` that
 * were saved. Otherwise null, and the record shows the saved facts alone.
 */
export function replayScore(
  scenario: Scenario,
  catalogue: Catalogue,
  attempt: Attempt,
  limits: readonly LimitId[],
): RunScore | null {
  const model = catalogue.models.get(attempt.model);
  if (model === undefined || scenarioFingerprint(scenario) !== attempt.fingerprint) return null;
  const replay = replayChoices(scenario, attempt.choices);
  if (!replay.ok || !replay.ended) return null;
  const end = scenario.nodes.get(replay.node);
  if (end?.kind !== 'end') return null;
  const run: Run = {
    choices: replay.steps.map((step) => step.choice),
    path: [...replay.steps.map((step) => step.node), replay.node],
    ending: { node: end.id, outcome: end.end },
  };
  const score = scoreRun(scenario, run, model, catalogue);
  const same =
    score.score.band === attempt.band &&
    score.score.percent === attempt.percent &&
    score.score.limits.join(' ') === limits.join(' ');
  return same ? score : null;
}
