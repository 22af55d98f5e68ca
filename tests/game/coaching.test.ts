/**
 * The debrief's coaching content, in Node: across every run of the kettle
 * under every model, no step is both "went well" and "missed", "next time"
 * holds at most three forks ranked by what the reply cost, and nothing in the
 * card uses the marker's words.
 */
import { describe, expect, it } from 'vitest';
import { searchRuns } from '../../src/analysis/index.ts';
import { PROJECT_ROOT, readCatalogue, readScenarioFile } from '../../src/cli/files.ts';
import { createSession } from '../../src/engine/index.ts';
import { coachingFor, NEXT_TIME_MAX } from '../../src/game/ui/debrief/coaching.ts';
import { reviewReplies } from '../../src/progress/index.ts';
import { BANDS, scoreRun, stepNotes } from '../../src/scoring/index.ts';

const { catalogue } = readCatalogue(PROJECT_ROOT);
const loaded = readScenarioFile('scenarios/faulty-kettle.yaml', catalogue, PROJECT_ROOT).scenario;
if (loaded === null) throw new Error('the kettle does not load');
const scenario = loaded;

/** The run these replies make, through the engine. */
function runOf(choices: readonly string[]) {
  const session = createSession(scenario);
  try {
    for (const id of choices) session.choose(id);
    return session.view().run;
  } finally {
    session.dispose();
  }
}

describe('coachingFor on every run of the kettle', () => {
  for (const model of catalogue.models.values()) {
    it(`${model.id}: one verdict per step, at most ${NEXT_TIME_MAX} costliest forks, no jargon`, () => {
      const runs: (readonly string[])[] = [];
      searchRuns(
        scenario,
        [model],
        catalogue,
        { visitsPerNode: 2, maxRuns: 10_000, maxSteps: 1_000_000 },
        (run) => {
          runs.push(run.choices.map((choice) => choice.id));
          return undefined;
        },
      );
      expect(runs.length).toBeGreaterThan(5);
      for (const choices of runs) {
        const review = reviewReplies(scenario, catalogue, model.id, choices);
        const score = scoreRun(scenario, runOf(choices), model, catalogue);
        const coaching = coachingFor(score, scenario, model, catalogue, review);
        // One verdict per step: its lines are all in one list.
        for (const note of stepNotes(score, model)) {
          const inWell = note.lines.filter((line) => coaching.wentWell.some((l) => l.text === line)).length;
          const inMissed = note.lines.filter((line) => coaching.missed.some((l) => l.text === line)).length;
          expect(note.well ? [inWell, inMissed] : [inMissed, inWell]).toEqual([note.lines.length, 0]);
        }
        // Every fault is a missed line tied to the reply that made it.
        for (const fault of score.faults) {
          const say = scenario.choices.get(fault.choice)?.say;
          expect(coaching.missed.some((l) => l.tag === 'mistake' && l.reply?.say === say)).toBe(true);
        }
        // Next time: at most three, costliest first, never the learner's own reply.
        expect(coaching.nextTime.length).toBeLessThanOrEqual(NEXT_TIME_MAX);
        const cost = (line: (typeof coaching.nextTime)[number]): number =>
          line.chosenReach === null || line.betterReach === null
            ? Number.POSITIVE_INFINITY
            : (BANDS.indexOf(line.chosenReach.band) - BANDS.indexOf(line.betterReach.band)) * 1000 +
              line.betterReach.percent -
              line.chosenReach.percent;
        coaching.nextTime.forEach((line, i) => {
          expect(line.better.id).not.toBe(line.chosen.id);
          const previous = coaching.nextTime[i - 1];
          if (previous !== undefined) expect(cost(previous)).toBeGreaterThanOrEqual(cost(line));
        });
        const text = [...coaching.wentWell, ...coaching.missed].map((l) => l.text).join(' ');
        for (const jargon of ['Award credit', 'reachable']) expect(text).not.toContain(jargon);
      }
    });
  }
});
