/** Test helpers: real attempts on the faulty kettle, built the way the game builds them. */
import { createSession } from '../../src/engine/index.ts';
import {
  type Attempt,
  type Band,
  buildAttempt,
  type Mode,
  type SavedRun,
  scenarioFingerprint,
  startRun,
} from '../../src/progress/index.ts';
import { faultyKettle, projectCatalogue } from '../engine/build.ts';

export const catalogue = projectCatalogue();
export const kettle = faultyKettle();
export const kettlePrint = scenarioFingerprint(kettle);

/** Plays reply ids through a real session and returns the finished attempt. */
export function playAttempt(
  id: string,
  choices: readonly string[],
  options: { model?: string; mode?: Mode; day?: number } = {},
): Attempt {
  const day = String(options.day ?? 1).padStart(2, '0');
  const started = `2026-11-${day}T10:00:00.000Z`;
  const finished = `2026-11-${day}T10:05:00.000Z`;
  let saved: SavedRun = startRun(
    id,
    kettle,
    kettlePrint,
    options.model ?? 'LASS',
    options.mode ?? 'practice',
    started,
    42,
  );
  const session = createSession(kettle);
  for (const choice of choices) session.choose(choice);
  saved = { ...saved, choices: [...choices] };
  const attempt = buildAttempt(kettle, catalogue, saved, session.view().run, finished);
  session.dispose();
  return attempt;
}

export const BEST = ['opening.2', 'details.1', 'remedy.1', 'thanks.1'];
export const RUSHED = ['opening.1', 'receipt.1', 'details.2', 'thanks.2'];
export const BLAMED = ['opening.3', 'angry.2'];

/** Every first offered reply: `sim play --choices 1,1,1,1,1` (procedure first, then the full remedy). */
export const FIRSTS = ['opening.1', 'receipt.1', 'details.1', 'remedy.1', 'thanks.1'];

/**
 * The attempt as schema 2 saved it before scoring v2: no scoring rules, no
 * limits, no earlier score, and the played model's band and percent as the
 * earlier rules gave them (every step at full marks when `percent` is 100).
 */
export function savedUnderEarlierRules(
  attempt: Attempt,
  shown: { readonly band: Band; readonly percent: number },
): Record<string, unknown> {
  const { scoring: _scoring, earlier: _earlier, results, ...rest } = attempt;
  return {
    ...rest,
    band: shown.band,
    percent: shown.percent,
    results: results.map(({ limits: _limits, ...result }) =>
      result.model !== attempt.model
        ? result
        : {
            ...result,
            band: shown.band,
            percent: shown.percent,
            steps: result.steps.map((step) =>
              shown.percent === 100 ? { ...step, performed: 1, marks: step.max } : step,
            ),
          },
    ),
  };
}
