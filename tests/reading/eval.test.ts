import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type ActFigures,
  evaluate,
  labelledReplies,
  projectCues,
  reviewProblems,
} from '../../scripts/actsEval.ts';
import { AUTHORED_FILE, authoredText } from '../../scripts/actsFixture.ts';
import { parseReview, reviewedLabels } from '../../scripts/actsReview.ts';
import { actConfidence } from '../../src/reading/index.ts';

/**
 * Floors: [precision, recall] per act, the figures `npm run eval:acts`
 * measured (reviewed labels) when the cues were last changed, rounded down a little (and at
 * least the goals where they were met). A change to the cues or the
 * analyser that reads the labelled replies worse fails here: raise a floor
 * when the figures improve, never lower one without saying why.
 */
const FLOORS: Record<string, Record<string, [number, number]>> = {
  // learner-held-out-6.txt, written before the sixth round of tuning and never tuned on: the goals apply here.
  // A new set, so these are its own figures (measured once, after the flat counter-claims), not the fifth round's floors.
  'held-out learner-style': {
    apologise: [0.85, 0.95],
    thank: [0.9, 0.95],
    question: [0.9, 0.9],
    verify: [0.95, 0.7],
    empathise: [0.95, 0.6],
    summarise: [0.95, 0.75],
    blame: [0.85, 0.4],
    dismiss: [0.9, 0.55],
    deflect: [0.95, 0.55],
    overpromise: [0.9, 0.8],
  },
  // Authored replies of the held-out scenarios, reviewed labels (authored-review.jsonl over the scoring's `acts:`).
  // Lowered in the third round, knowingly: blame's one correct reading there ("a problem in the warehouse")
  // came from a bare "the warehouse" cue, narrowed after it misread a tune-set reply ("so it goes back to
  // the warehouse first"); dismiss lost "a really busy night" the same way (bare "busy" → "we are busy").
  // Lowered in the fourth, knowingly: verify precision 0.62 → 0.57, "Could I take the booking reference
  // and the name it was under" (the new "take the booking" field; the scoring credits process-first);
  // empathise recall 0.67 → 0.63, "I completely understand, and I'm sorry, it's a horrible situation. The
  // debt is with Castlegate Collections now, though, so it's really a matter between you and them" (the
  // bare-cushion rule: the empathy cushions a deflection, but the scoring credits it).
  // Fifth round: verify recall 0.62 → 0.77 and dismiss 0.12 → 0.16 (the clause rules); floors raised to match.
  // Lowered in the sixth, knowingly, as measured: dismiss precision 0.31 → 0.29, "I'll stay with you till
  // she's here" (the flat "will stay", meant for "the charge will stay"); overpromise precision 1.00 → 0.67,
  // "What I can promise is a proper investigation" and "I can assure you all our food leaves the pass hot"
  // (the new "i can promise", "i can assure you"). Question precision rose 0.88 → 0.94.
  'held-out authored': {
    apologise: [0.75, 0.95],
    thank: [0.9, 0.95],
    question: [0.9, 0.85],
    verify: [0.55, 0.75],
    empathise: [0.65, 0.6],
    summarise: [0.95, 0.55],
    blame: [0, 0],
    dismiss: [0.25, 0.15],
    deflect: [0.55, 0.3],
    overpromise: [0.65, 0.3],
  },
  // learner-tune.txt, learner-held-out.txt, -2, -3, -4, -5 and the tuned scenarios' authored replies, reviewed labels.
  // summarise recall 0.95 → 0.9 when learner-held-out-3.txt joined the tuning data (its summaries without
  // a cue word: "right, you ordered a blue one and got a red one"). Lowered in the fifth round, knowingly,
  // because learner-held-out-4.txt joined the tuning data: before any of this round's rules the tune set
  // with it read empathise recall 0.95 (111 of 117, 0.949), blame 0.97 / 0.76, dismiss 0.93 / 0.73, deflect 0.92 / 0.81, overpromise 0.96 / 0.81,
  // and now reads blame 0.93 / 0.82, dismiss 0.90 / 0.78, deflect 0.92 / 0.81, overpromise 0.96 / 0.81.
  // Sixth round: learner-held-out-5.txt joined the tuning data (before this round's rules the tune set with it
  // read dismiss 0.90 / 0.76, deflect 0.93 / 0.74, overpromise 0.97 / 0.75), and the flat counter-claims
  // took it to dismiss 0.92 / 0.88, deflect 0.94 / 0.90, overpromise 0.97 / 0.88; floors raised to match.
  tune: {
    apologise: [0.9, 0.95],
    thank: [0.95, 0.95],
    question: [0.95, 0.95],
    verify: [0.95, 0.95],
    empathise: [0.9, 0.95],
    summarise: [0.95, 0.9],
    blame: [0.9, 0.85],
    dismiss: [0.9, 0.85],
    deflect: [0.9, 0.85],
    overpromise: [0.95, 0.85],
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
    expect(new Set(sets['held-out learner-style']?.map((r) => r.id.split(':')[0]))).toEqual(
      new Set(['learner-held-out-6.txt']),
    );
    const known = new Set([...cues.acts.keys(), 'listen', 'solve', 'own', 'inform']);
    expect(learner.flatMap((r) => r.acts).filter((a) => !known.has(a))).toEqual([]);
  });
});

describe("'tutor to check'", () => {
  // The rule is precision under 0.9 on the labelled set. The whole set includes what the cues
  // were tuned on, so an act is also "tutor to check" when the held-out replies (never tuned on) read
  // it under 0.9: a learner must never see a reading shown as certain that fails that often on words
  // nobody tuned for (docs/benchmarks.md, "Reading a reply").
  it('marks exactly the acts whose precision is below 0.9 on the whole labelled set or on the held-out replies', () => {
    const confidence = actConfidence(cues);
    const heldOut = new Map(
      evaluate(
        replies.filter((r) => r.set === 'held-out'),
        cues,
      ).map((f) => [f.act, f.precision ?? 0]),
    );
    const wrong = evaluate(replies, cues)
      .filter((f) => {
        const unsure = (f.precision ?? 0) < 0.9 || (heldOut.get(f.act) ?? 0) < 0.9;
        return unsure !== (confidence.get(f.act) === 'tutor');
      })
      .map(
        (f) =>
          `${f.act}: precision ${f.precision?.toFixed(2)} (held out ${heldOut.get(f.act)?.toFixed(2)}), check ${confidence.get(f.act)}`,
      );
    expect(wrong).toEqual([]);
  });
});

describe('the authored part of the labelled set', () => {
  it('has a review with no stale line (each names a reply that exists and corrects its scoring label)', () => {
    expect(reviewProblems(cues)).toEqual([]);
  });

  it('names the line and the fix of a stale or useless review line', () => {
    const context = {
      labels: new Map([['kettle/opening.1', ['apologise']]]),
      acts: new Set(['apologise', 'thank']),
    };
    const line = (o: object) => JSON.stringify(o);
    const { corrections, problems } = parseReview(
      [
        line({ id: 'kettle/opening.1', act: 'thank', present: true, why: "thanks: 'Thank you'" }),
        line({ id: 'kettle/gone.2', act: 'thank', present: true, why: 'x' }),
        line({ id: 'kettle/opening.1', act: 'apologise', present: true, why: 'x' }),
        line({ id: 'kettle/opening.1', act: 'listen', present: true, why: 'x' }),
        'not json',
      ].join('\n'),
      context,
    );
    expect(corrections.map((c) => c.line)).toEqual([1]);
    expect(problems).toEqual([
      expect.stringMatching(
        /authored-review\.jsonl:2: no authored reply "kettle\/gone\.2" \(stale after npm run acts:fixture\?\)/,
      ),
      expect.stringMatching(/:3: the scoring already credits apologise .* remove the line/),
      expect.stringMatching(/:4: "listen" is not an act the cues read/),
      expect.stringMatching(/:5: not JSON/),
    ]);
    expect(reviewedLabels('kettle/opening.1', ['apologise'], corrections)).toEqual(['apologise', 'thank']);
  });

  it('keeps the raw scoring labels beside the reviewed ones', () => {
    const corrected = replies.filter((r) => r.acts.join() !== r.scored.join());
    expect(corrected.length).toBeGreaterThan(0);
    expect(corrected.every((r) => r.source !== 'learner')).toBe(true);
  });

  it('matches the scenarios (npm run acts:fixture regenerates it)', () => {
    expect(readFileSync(AUTHORED_FILE, 'utf8')).toBe(authoredText());
  });
});
