import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseScenario } from '../../src/analysis/index.ts';
import { createSession, playPositions } from '../../src/engine/index.ts';
import type { Outcome } from '../../src/scenario/index.ts';
import { scoreRun } from '../../src/scoring/index.ts';
import { projectCatalogue } from './build.ts';
import { scenarioArb } from './generate.ts';
import { refCount, refScore, refWalk } from './reference.ts';

const catalogue = projectCatalogue();
const models = [...catalogue.models.values()];
const settings = { seed: 20261123, numRuns: 150 };
const picksArb = fc.array(fc.nat({ max: 5 }), { maxLength: 25 });

// Each property takes a second or two of CPU; the limit allows for a busy machine.
describe('properties on generated scenarios', { timeout: 60_000 }, () => {
  it('the machine and scoring agree with a plain reference walk', () => {
    fc.assert(
      fc.property(scenarioArb({ alwaysOneUnconditional: false }), picksArb, (scenario, picks) => {
        const walk = refWalk(scenario, picks);
        const played = playPositions(scenario, walk.positions);
        if (walk.ending === null) {
          expect(played.ok).toBe(false);
          if (!played.ok) expect(played.error.node).toBe(walk.path.at(-1));
        } else {
          if (!played.ok) throw new Error(played.error.message);
          expect(played.run.path).toEqual(walk.path);
          expect(played.run.choices.map((c) => c.id)).toEqual(walk.choices.map((c) => c.id));
          expect(played.run.ending).toEqual(walk.ending);
        }
        const ending =
          walk.ending === null ? null : { node: walk.ending.node, outcome: walk.ending.outcome as Outcome };
        const run = { choices: walk.choices, path: walk.path, ending };
        for (const model of models) {
          const score = scoreRun(scenario, run, model, catalogue);
          const ref = refScore(model, catalogue, walk.choices, scenario, ending?.outcome ?? null);
          expect(score.score).toEqual({
            marks: ref.marks,
            max: ref.max,
            percent: ref.percent,
            band: ref.band,
            limits: ref.limits,
          });
          expect(score.steps.map((step) => step.inOrder)).toEqual(ref.inOrder);
          expect(score.mood.end).toBe(walk.mood);
        }
      }),
      settings,
    );
  });

  it('0 ≤ marks ≤ max, the same run scores the same, and the band rules hold', () => {
    fc.assert(
      fc.property(scenarioArb({ alwaysOneUnconditional: true }), picksArb, (scenario, picks) => {
        const walk = refWalk(scenario, picks);
        const run = { choices: walk.choices, path: walk.path, ending: null };
        for (const model of models) {
          const score = scoreRun(scenario, run, model, catalogue);
          const again = scoreRun(scenario, run, model, catalogue);
          expect(JSON.stringify(again)).toBe(JSON.stringify(score));
          const { marks, max, percent, band } = score.score;
          expect(marks).toBeGreaterThanOrEqual(0);
          expect(marks).toBeLessThanOrEqual(max);
          expect(percent).toBeGreaterThanOrEqual(0);
          expect(percent).toBeLessThanOrEqual(100);
          const missed = score.steps.some((s) => s.performed === 0);
          const critical = score.faults.some((f) => catalogue.acts.get(f.act)?.critical === true);
          const capped = score.score.limits.length > 0;
          if (critical) expect(band).toBe('Not yet achieved');
          if (missed) expect(['Pass', 'Not yet achieved']).toContain(band);
          if (score.faults.length > 0) expect(band).not.toBe('Distinction');
          if (!capped) {
            const expected =
              percent >= 85
                ? 'Distinction'
                : percent >= 70
                  ? 'Merit'
                  : percent >= 50
                    ? 'Pass'
                    : 'Not yet achieved';
            expect(band).toBe(expected);
          }
          for (const step of score.steps) {
            expect(step.marks).toBeGreaterThanOrEqual(0);
            expect(step.marks).toBeLessThanOrEqual(step.max);
          }
        }
      }),
      settings,
    );
  });

  it('no reachable non-final state offers no reply when every node has an unconditional reply', () => {
    fc.assert(
      fc.property(scenarioArb({ alwaysOneUnconditional: true }), picksArb, (scenario, picks) => {
        const session = createSession(scenario);
        for (const pick of picks) {
          const view = session.view();
          expect(view.stuck).toBe(false);
          if (view.ending !== null) break;
          expect(view.offered.length).toBeGreaterThan(0);
          session.choose((view.offered[pick % view.offered.length] ?? view.offered[0])?.id ?? '');
        }
        expect(session.view().stuck).toBe(false);
        expect(analyseScenario(scenario, catalogue).explored.stuckRuns).toBe(0);
        session.dispose();
      }),
      settings,
    );
  });

  it('a session reports stuck exactly when a non-ending node offers nothing', () => {
    fc.assert(
      fc.property(scenarioArb({ alwaysOneUnconditional: false }), picksArb, (scenario, picks) => {
        const walk = refWalk(scenario, picks);
        const session = createSession(scenario);
        for (const position of walk.positions) {
          const choice = session.view().offered[position - 1];
          if (choice === undefined) throw new Error('reference offered a reply the engine did not');
          session.choose(choice.id);
        }
        const view = session.view();
        expect(view.stuck).toBe(view.ending === null && view.offered.length === 0);
        if (walk.ending === null && walk.positions.length < picks.length) expect(view.stuck).toBe(walk.stuck);
        session.dispose();
      }),
      settings,
    );
  });

  it('analysis counts the same complete and stuck runs as a plain recursive count, and its best run replays', () => {
    fc.assert(
      fc.property(scenarioArb({ alwaysOneUnconditional: false }), (scenario) => {
        const analysis = analyseScenario(scenario, catalogue, { visitsPerNode: 2 });
        const ref = refCount(scenario, 2);
        expect(analysis.explored.completeRuns).toBe(ref.complete);
        expect(analysis.explored.stuckRuns).toBe(ref.stuck);
        for (const result of analysis.models) {
          if (result.best === null) continue;
          const model = catalogue.models.get(result.model);
          const replay = playPositions(scenario, result.best.positions);
          if (!replay.ok || model === undefined) throw new Error('best run does not replay');
          const score = scoreRun(scenario, replay.run, model, catalogue);
          expect(score.score.percent).toBe(result.best.percent);
          expect(score.score.band).toBe(result.best.band);
          expect(result.distinctionReachable).toBe(result.best.band === 'Distinction');
        }
      }),
      { ...settings, numRuns: 100 },
    );
  });
});
