import { describe, expect, it } from 'vitest';
import {
  calibrate,
  calibrationOverTime,
  hintFor,
  hintLadder,
  historyFor,
  playedPairs,
  ratingForMarks,
  reviewReplies,
} from '../../src/progress/index.ts';
import { buildScenario } from '../engine/build.ts';
import { BEST, BLAMED, catalogue, kettle, playAttempt, RUSHED } from './fixtures.ts';

const model = (id: string) => {
  const found = catalogue.models.get(id);
  if (found === undefined) throw new Error(id);
  return found;
};

describe('reviewReplies: the best reply at each fork of a transcript', () => {
  it('names the better reply where the learner’s choice capped the result (faulty kettle, HEAT)', () => {
    const review = reviewReplies(kettle, catalogue, 'HEAT', RUSHED);
    expect(review.exhaustive).toBe(true);
    expect(review.forks.map((f) => f.node)).toEqual(['opening', 'receipt', 'details', 'thanks']);
    const [opening, , details, thanks] = review.forks;
    // After the receipt question (a process-first fault) nothing reaches Distinction any more (scoring v2:
    // any fault is at most Merit), but at the details node only summarising and empathising can still reach Merit.
    expect(details?.chosen.id).toBe('details.2');
    expect(details?.best?.id).toBe('details.1');
    expect(details?.chosenIsBest).toBe(false);
    const offeredAtDetails = new Map(details?.offered.map((o) => [o.choice.id, o.best?.band]));
    expect(offeredAtDetails.get('details.1')).toBe('Merit');
    expect(offeredAtDetails.get('details.2')).toBe('Pass');
    // Thanking beats "Next!" at the last fork.
    expect(thanks?.best?.id).toBe('thanks.1');
    expect(thanks?.chosenIsBest).toBe(false);
    expect(opening?.fork).toBe(true);
  });

  it('agrees with the learner when they already chose the best reply', () => {
    const review = reviewReplies(kettle, catalogue, 'LASS', BEST);
    expect(review.forks.every((f) => f.chosenIsBest)).toBe(true);
    expect(review.forks.at(-1)?.offered.find((o) => o.choice.id === 'thanks.1')?.best).toMatchObject({
      percent: 100,
      band: 'Distinction',
    });
  });

  it('finds a recovery after a fault: apologising at the angry node', () => {
    const review = reviewReplies(kettle, catalogue, 'LASS', BLAMED);
    const angry = review.forks[1];
    expect(angry?.best?.id).toBe('angry.1');
    expect(angry?.chosenIsBest).toBe(false);
    expect(review.forks[0]?.best?.id).not.toBe('opening.3');
  });

  it('never calls the receipt question one of the best: it is a fault and the apology reaches more (LASS 1,1,1,1,1)', () => {
    const review = reviewReplies(kettle, catalogue, 'LASS', [
      'opening.1',
      'receipt.1',
      'details.1',
      'remedy.1',
      'thanks.1',
    ]);
    const opening = review.forks[0];
    expect(opening?.chosen.say).toBe('Have you got the receipt?');
    expect(opening?.chosenHasFault).toBe(true);
    expect(opening?.chosenIsBest).toBe(false);
    expect(opening?.best?.id).toBe('opening.2');
    // After the fault, recovering with an apology is the best there is: the verdict is about that point.
    expect(review.forks[1]?.chosenIsBest).toBe(true);
  });

  it('never calls the quick refund one of the best: it misses the essential statutory-rights point (LASS 2,2,1)', () => {
    const review = reviewReplies(kettle, catalogue, 'LASS', ['opening.2', 'details.2', 'thanks.1']);
    const details = review.forks[1];
    expect(details?.chosen.say).toBe("Right, I'll get you a refund.");
    expect(details?.chosenHasFault).toBe(false);
    expect(details?.chosenIsBest).toBe(false);
    expect(details?.best?.id).toBe('details.1');
    const reach = new Map(details?.offered.map((o) => [o.choice.id, o.best]));
    // The same percent, but the missed essential point holds the quick refund to Pass.
    expect(reach.get('details.2')).toMatchObject({ percent: 100, band: 'Pass' });
    expect(reach.get('details.1')).toMatchObject({ percent: 100, band: 'Distinction' });
  });

  it('never calls a reply with a fault one of the best when a reply without one does as well', () => {
    // Both replies end unresolved (Pass at most, as a resolved ending exists) at 87.5%: one does
    // every step and adds jargon, the other does two steps only partly. The faulty one is not "one of the best".
    const scenario = buildScenario({
      start: 'open',
      nodes: {
        open: {
          choices: [
            { id: 'open.1', to: 'stuck', acts: ['listen', 'apologise', 'solve', 'thank', 'jargon'] },
            { id: 'open.2', to: 'stuck', acts: { listen: 1, apologise: 1, solve: 0.5, thank: 0.5 } },
            { id: 'open.3', to: 'fixed' },
          ],
        },
        stuck: { end: 'unresolved' },
        fixed: { end: 'resolved' },
      },
    });
    const faulty = reviewReplies(scenario, catalogue, 'LASS', ['open.1']).forks[0];
    const reach = new Map(faulty?.offered.map((o) => [o.choice.id, o.best]));
    expect(reach.get('open.1')).toMatchObject({ percent: 87.5, band: 'Pass' });
    expect(reach.get('open.2')).toMatchObject({ percent: 87.5, band: 'Pass' });
    expect(faulty?.chosenIsBest).toBe(false);
    expect(faulty?.best?.id).toBe('open.2');
    // The reply without a fault is one of the best, though it ties.
    expect(reviewReplies(scenario, catalogue, 'LASS', ['open.2']).forks[0]?.chosenIsBest).toBe(true);
  });

  it('refuses a transcript that does not fit the scenario', () => {
    expect(() => reviewReplies(kettle, catalogue, 'LASS', ['opening.2', 'thanks.1'])).toThrow(/does not fit/);
  });
});

describe('history per scenario and model', () => {
  const attempts = [
    playAttempt('h3', BEST, { day: 3 }),
    playAttempt('h1', BLAMED, { day: 1 }),
    playAttempt('h2', RUSHED, { day: 2 }),
    playAttempt('other-model', BEST, { day: 4, model: 'HEAT' }),
  ];

  it('lists the attempts oldest first with percent over attempts', () => {
    const history = historyFor(attempts, 'faulty-kettle', 'LASS');
    expect(history.attempts.map((a) => a.id)).toEqual(['h1', 'h2', 'h3']);
    expect(history.points.map((p) => p.percent)).toEqual([attempts[1]?.percent, attempts[2]?.percent, 100]);
    expect(history.bestPercent).toBe(100);
  });

  it('gives each step’s marks over time and the step missed most', () => {
    const history = historyFor(attempts, 'faulty-kettle', 'LASS');
    expect(history.steps.map((s) => s.id)).toEqual(['listen', 'apologise', 'solve', 'thank']);
    const solve = history.steps.find((s) => s.id === 'solve');
    // The blamed run never offered a solution; the others did, in order.
    expect(solve?.marks).toEqual([0, 2, 2]);
    // Thanking was missed twice (blamed, and "Next!"), solving once.
    const thank = history.steps.find((s) => s.id === 'thank');
    expect(thank?.missed).toBe(2);
    expect(solve?.missed).toBe(1);
    expect(history.mostMissed?.id).toBe('thank');
  });

  it('is empty for a pair never played, and lists the pairs played', () => {
    const none = historyFor(attempts, 'faulty-kettle', 'LAST');
    expect(none.attempts).toEqual([]);
    expect(none.mostMissed).toBeNull();
    expect(none.bestPercent).toBeNull();
    expect(playedPairs(attempts).map((p) => [p.model, p.count])).toEqual([
      ['HEAT', 1],
      ['LASS', 3],
    ]);
  });
});

describe('calibration', () => {
  it('maps marks to the three-level scale', () => {
    expect([0, 0.5, 1, 1.5, 2].map((m) => ratingForMarks(m, 2))).toEqual([
      'not-done',
      'partly',
      'partly',
      'partly',
      'fully',
    ]);
  });

  it('compares each self-rated step with its marks, and the predicted band with the actual', () => {
    const attempt = playAttempt('c1', RUSHED, { mode: 'assessment' });
    // RUSHED under LASS: listen 2, apologise 2, solve 2, thank 0 → missed step caps it at Pass.
    expect(attempt.band).toBe('Pass');
    const result = calibrate(attempt, {
      steps: { listen: 'fully', apologise: 'partly', solve: 'fully', thank: 'fully' },
      predictedBand: 'Distinction',
    });
    expect(result.steps.map((s) => [s.id, s.self, s.actual, s.gap])).toEqual([
      ['listen', 'fully', 'fully', 0],
      ['apologise', 'partly', 'fully', -1],
      ['solve', 'fully', 'fully', 0],
      ['thank', 'fully', 'not-done', 2],
    ]);
    expect(result.matched).toBe(2);
    expect(result.rated).toBe(4);
    expect(result.accuracy).toBe(0.5);
    expect(result.bias).toBeCloseTo(0.25);
    // Predicted Distinction, got Pass: two bands too high.
    expect(result.bandGap).toBe(2);
  });

  it('leaves unrated steps out of accuracy and bias', () => {
    const attempt = playAttempt('c2', BEST, { mode: 'assessment' });
    const result = calibrate(attempt, { steps: { listen: 'fully' }, predictedBand: 'Pass' });
    expect(result.rated).toBe(1);
    expect(result.accuracy).toBe(1);
    expect(result.bias).toBe(0);
    expect(result.bandGap).toBe(-2);
    expect(calibrate(attempt, { steps: {}, predictedBand: 'Distinction' }).accuracy).toBeNull();
  });

  it('tracks calibration over attempts that have a self-assessment', () => {
    const a = {
      ...playAttempt('k1', RUSHED, { day: 1, mode: 'assessment' }),
      selfAssessment: { steps: { thank: 'fully' as const }, predictedBand: 'Merit' as const },
    };
    const b = {
      ...playAttempt('k2', BEST, { day: 2, mode: 'assessment' }),
      selfAssessment: { steps: { thank: 'fully' as const }, predictedBand: 'Distinction' as const },
    };
    const c = playAttempt('k3', BEST, { day: 3 });
    expect(calibrationOverTime([b, c, a])).toEqual([
      { attemptId: 'k1', date: a.finishedAt, accuracy: 0, bias: 2, bandGap: 1 },
      { attemptId: 'k2', date: b.finishedAt, accuracy: 1, bias: 0, bandGap: 0 },
    ]);
  });
});

describe('hint ladders', () => {
  it('nudges the first step not yet performed, gently then more strongly', () => {
    const lass = model('LASS');
    expect(hintFor(lass, [], 1)).toMatchObject({ level: 1, text: 'Have you let the customer explain?' });
    expect(hintFor(lass, [], 2)?.text).toMatch(/open question/);
    const afterSorry = [kettle.choices.get('opening.2')].filter((c) => c !== undefined);
    expect(hintFor(lass, afterSorry, 1)?.step.id).toBe('solve');
    expect(hintFor(lass, afterSorry, 9)?.level).toBe(2);
  });

  it('has nothing to say once every step is done', () => {
    const all = BEST.map((id) => kettle.choices.get(id)).filter((c) => c !== undefined);
    expect(hintFor(model('LASS'), all, 1)).toBeNull();
  });

  it('builds a ladder from the model file for a step it has no words for', () => {
    const custom = {
      id: 'X',
      name: 'X model',
      summary: '',
      steps: [{ id: 'greet', name: 'Greet', acts: ['listen'], past: 'greeted the customer' }],
    };
    const [gentle, strong] = hintLadder(custom, custom.steps[0] ?? { id: '', name: '', acts: [], past: '' });
    expect(gentle).toBe('Think about the Greet step of X model.');
    expect(strong).toBe('Look for a reply in which you have greeted the customer.');
  });
});
