import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Choice } from '../../src/scenario/index.ts';
import { explainSteps, orderScratch, placeInOrder, scoreRun } from '../../src/scoring/index.ts';
import { projectCatalogue } from '../engine/build.ts';
import { refInOrder } from '../engine/reference.ts';

const catalogue = projectCatalogue();
const model = (id: string) => {
  const found = catalogue.models.get(id);
  if (found === undefined) throw new Error(`no model ${id}`);
  return found;
};

/** A run whose reply i performs the acts listed at i (every act at credit 1). */
function runOf(...replies: string[][]): { choices: Choice[]; path: string[]; ending: null } {
  const choices = replies.map(
    (acts, i): Choice => ({
      id: `n${i}.1`,
      node: `n${i}`,
      index: 1,
      say: `reply ${i + 1}`,
      to: `n${i + 1}`,
      acts: acts.map((act) => ({ act, credit: 1 })),
      mood: 0,
      position: { line: 1, column: 1 },
    }),
  );
  return { choices, path: choices.map((c) => c.node), ending: null };
}

const scenario = {
  id: 'order',
  customer: { name: 'Test', mood: 50 },
  start: 'n0',
  nodes: new Map(),
  marking: [],
} as unknown as Parameters<typeof scoreRun>[0];

function inOrder(modelId: string, run: ReturnType<typeof runOf>): Record<string, boolean> {
  const score = scoreRun(scenario, run, model(modelId), catalogue);
  return Object.fromEntries(score.steps.map((step) => [step.id, step.inOrder]));
}

describe("the order rule: the contract's worked examples", () => {
  it('solve 1, listen 2, apologise 3, thank 4: only Solve is out of order', () => {
    const run = runOf(['solve'], ['listen'], ['apologise'], ['thank']);
    expect(inOrder('LASS', run)).toEqual({ listen: true, apologise: true, solve: false, thank: true });
    expect(explainSteps(scoreRun(scenario, run, model('LASS'), catalogue), model('LASS'))).toContain(
      'You offered a solution before you listened.',
    );
  });

  it('listen 2, apologise 1, solve 3, thank 4: the tie keeps Listen, so Apologise is out of order', () => {
    const run = runOf(['apologise'], ['listen'], ['solve'], ['thank']);
    expect(inOrder('LASS', run)).toEqual({ listen: true, apologise: false, solve: true, thank: true });
    expect(explainSteps(scoreRun(scenario, run, model('LASS'), catalogue), model('LASS'))).toContain(
      'You apologised before you listened.',
    );
  });

  it('thank 1 and 5, listen 2, apologise 2, solve 4: all four in order (thanks placed at 5)', () => {
    const run = runOf(['thank'], ['listen', 'apologise'], [], ['solve'], ['thank']);
    expect(inOrder('LASS', run)).toEqual({ listen: true, apologise: true, solve: true, thank: true });
    expect(scoreRun(scenario, run, model('LASS'), catalogue).score.marks).toBe(8);
  });

  it('thanks only in the opening reply: the tie keeps Solve, so Thank is out of order', () => {
    const run = runOf(['thank', 'listen', 'apologise'], [], ['solve']);
    expect(inOrder('LASS', run)).toEqual({ listen: true, apologise: true, solve: true, thank: false });
    expect(explainSteps(scoreRun(scenario, run, model('LASS'), catalogue), model('LASS'))).toContain(
      'You thanked the customer before you offered a solution.',
    );
  });

  it("HEAT on the kettle's 2,1,1,1 shape: Apologise is out of order, not Empathise", () => {
    const run = runOf(['apologise', 'question'], ['summarise', 'empathise'], ['solve'], ['thank']);
    expect(inOrder('HEAT', run)).toEqual({
      hear: true,
      empathise: true,
      apologise: false,
      'take-action': true,
    });
  });

  it('one step said too early costs one order mark, not two or three', () => {
    const run = runOf(['solve'], ['listen'], ['apologise'], ['solve'], ['thank']);
    // Solve said again in its place is in order: nothing is lost.
    expect(scoreRun(scenario, run, model('LASS'), catalogue).score.marks).toBe(8);
    const once = runOf(['solve'], ['listen'], ['apologise'], ['thank']);
    expect(scoreRun(scenario, once, model('LASS'), catalogue).score.marks).toBe(7);
  });
});

describe('the order rule against a brute-force reading of the contract', () => {
  // Steps with 0–4 positions each, positions 1–6: many repeats and ties.
  const rowArb = fc.array(fc.uniqueArray(fc.integer({ min: 1, max: 6 }), { maxLength: 4 }), {
    minLength: 1,
    maxLength: 7,
  });

  it('places the same steps in order as trying every subset and every placement (fixed seed)', () => {
    fc.assert(
      fc.property(rowArb, (row) => {
        const sorted = row.map((list) => [...list].sort((a, b) => a - b));
        const k = sorted.length;
        const stride = 6;
        const positions = new Int32Array(k * stride);
        const counts = new Int32Array(k);
        sorted.forEach((list, s) => {
          positions.set(list, s * stride);
          counts[s] = list.length;
        });
        const flags = new Uint8Array(k);
        const placed = placeInOrder(positions, stride, counts, 0, k, flags, orderScratch(k));
        const expected = refInOrder(sorted);
        expect([...flags].map((f) => f === 1)).toEqual(expected);
        expect(placed).toBe(expected.filter(Boolean).length);
      }),
      { seed: 20261203, numRuns: 3000 },
    );
  });
});
