import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ActFigures, evaluate, labelledReplies, projectCues } from '../../scripts/actsEval.ts';
import { AUTHORED_FILE, authoredText } from '../../scripts/actsFixture.ts';
import { actConfidence } from '../../src/reading/index.ts';

/**
 * Floors: [precision, recall] per act, the figures `npm run eval:acts`
 * measured when the cues were last changed, rounded down a little (and at
 * least the goals where they were met). A change to the cues or the
 * analyser that reads the labelled replies worse fails here: raise a floor
 * when the figures improve, never lower one without saying why.
 */
const FLOORS: Record<string, Record<string, [number, number]>> = {
  // Learner-style replies held out from tuning: the goals apply here.
  'held-out learner-style': {
    apologise: [0.9, 0.9],
    thank: [0.9, 0.9],
    question: [0.85, 0.9],
    verify: [0.9, 0.85],
    empathise: [0.9, 0.85],
    summarise: [0.85, 0.9],
    blame: [0.8, 0.8],
    dismiss: [0.9, 0.85],
    deflect: [0.85, 0.9],
    overpromise: [0.9, 0.8],
  },
  // Authored replies of the held-out scenarios: their authors label the acts that score, not every act a reply performs.
  'held-out authored': {
    apologise: [0.55, 0.9],
    thank: [0.4, 0.95],
    question: [0.6, 0.85],
    verify: [0.55, 0.55],
    empathise: [0.2, 0.3],
    summarise: [0.2, 0.55],
    blame: [0.1, 0.1],
    dismiss: [0.35, 0.25],
    deflect: [0.35, 0.15],
    overpromise: [0.95, 0.1],
  },
  tune: {
    apologise: [0.55, 0.9],
    thank: [0.55, 0.95],
    question: [0.65, 0.85],
    verify: [0.75, 0.85],
    empathise: [0.4, 0.55],
    summarise: [0.45, 0.8],
    blame: [0.55, 0.55],
    dismiss: [0.45, 0.4],
    deflect: [0.7, 0.55],
    overpromise: [0.9, 0.4],
  },
};

const cues = projectCues();
const replies = labelledReplies();
const sets: Record<string, ReturnType<typeof labelledReplies>> = {
  'held-out learner-style': replies.filter((r) => r.set === 'held-out' && r.source === 'learner'),
  'held-out authored': replies.filter((r) => r.set === 'held-out' && r.source !== 'learner'),
  tune: replies.filter((r) => r.set === 'tune'),
};

describe('the analyser reads the labelled replies at least as well as its floors', () => {
  for (const [name, floors] of Object.entries(FLOORS)) {
    const figures = new Map(evaluate(sets[name] ?? [], cues).map((f) => [f.act, f]));
    it(`${name}: every act the cues read has a floor, and none is below it`, () => {
      expect([...figures.keys()].sort()).toEqual(Object.keys(floors).sort());
      const below = Object.entries(floors).flatMap(([act, [precision, recall]]) => {
        const f = figures.get(act) as ActFigures;
        return [
          ...((f.precision ?? 0) < precision ? [`${act} precision ${f.precision} < ${precision}`] : []),
          ...((f.recall ?? 0) < recall ? [`${act} recall ${f.recall} < ${recall}`] : []),
        ];
      });
      expect(below).toEqual([]);
    });
  }

  it('the labelled set holds at least 200 learner-style replies, some of them held out', () => {
    const learner = replies.filter((r) => r.source === 'learner');
    expect(learner.length).toBeGreaterThanOrEqual(200);
    expect(sets['held-out learner-style']?.length).toBeGreaterThanOrEqual(100);
    const known = new Set([...cues.acts.keys(), 'listen', 'solve', 'own', 'inform']);
    expect(learner.flatMap((r) => r.acts).filter((a) => !known.has(a))).toEqual([]);
  });
});

describe("'tutor to check'", () => {
  it('marks every act whose precision on the held-out replies is below 0.9, so it never counts against a learner', () => {
    const heldOut = replies.filter((r) => r.set === 'held-out');
    const confidence = actConfidence(cues);
    const imprecise = evaluate(heldOut, cues)
      .filter((f) => (f.precision ?? 0) < 0.9)
      .map((f) => f.act);
    expect(imprecise.filter((act) => confidence.get(act) !== 'tutor')).toEqual([]);
  });
});

describe('the authored part of the labelled set', () => {
  it('matches the scenarios (npm run acts:fixture regenerates it)', () => {
    expect(readFileSync(AUTHORED_FILE, 'utf8')).toBe(authoredText());
  });
});
