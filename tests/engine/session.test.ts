import { describe, expect, it } from 'vitest';
import {
  ChoiceNotOfferedError,
  createSession,
  offeredChoices,
  playPositions,
} from '../../src/engine/index.ts';
import { buildScenario, conditionalScenario, faultyKettle } from './build.ts';

const awkwardIds = buildScenario({
  start: 'a.b',
  customer: { mood: 95 },
  nodes: [
    [
      'a.b',
      {
        choices: [
          { to: '__proto__', mood: 20 },
          { to: 'constructor', mood: -200 },
        ],
      },
    ],
    ['__proto__', { choices: [{ to: 'hasOwnProperty', acts: ['apologise'] }] }],
    ['constructor', { end: 'lost' }],
    ['hasOwnProperty', { end: 'resolved' }],
  ],
});

describe('createSession', () => {
  it('plays node ids with dots and prototype names as plain data', () => {
    const session = createSession(awkwardIds);
    session.choose('a.b.1');
    expect(session.view().node.id).toBe('__proto__');
    session.choose('__proto__.1');
    const view = session.view();
    expect(view.ending).toEqual({ node: 'hasOwnProperty', outcome: 'resolved' });
    expect(view.path).toEqual(['a.b', '__proto__', 'hasOwnProperty']);
    expect(view.offered).toEqual([]);
  });

  it('refuses any reply once the conversation has ended, naming the ending', () => {
    const session = createSession(awkwardIds);
    session.choose('a.b.2');
    expect(session.view().ending).toEqual({ node: 'constructor', outcome: 'lost' });
    expect(() => session.choose('a.b.1')).toThrow(/conversation is over \(node 'constructor' is an ending\)/);
  });

  it('clamps the mood to 0–100 after each reply', () => {
    const up = createSession(awkwardIds);
    up.choose('a.b.1');
    expect(up.view().mood).toBe(100);
    const down = createSession(awkwardIds);
    down.choose('a.b.2');
    expect(down.view().mood).toBe(0);
    expect(down.view().transcript[0]).toMatchObject({ moodBefore: 95, moodAfter: 0, offeredPosition: 2 });
  });

  it('rejects a reply that is not offered, naming the node and the replies offered there', () => {
    const session = createSession(faultyKettle());
    expect(() => session.choose('details.1')).toThrow(ChoiceNotOfferedError);
    expect(() => session.choose('details.1')).toThrow(
      /node 'opening'.*1 = opening\.1.*2 = opening\.2.*3 = opening\.3/,
    );
  });

  it('undoes the last reply by replaying the others, and tells subscribers', () => {
    const session = createSession(faultyKettle());
    const seen: string[] = [];
    const unsubscribe = session.subscribe((view) => seen.push(view.node.id));
    session.choose('opening.1');
    session.choose('receipt.1');
    expect(session.view().mood).toBe(30);
    session.undo();
    expect(session.view().node.id).toBe('receipt');
    expect(session.view().mood).toBe(20);
    expect(session.view().canUndo).toBe(true);
    session.undo();
    session.undo();
    expect(session.view().canUndo).toBe(false);
    unsubscribe();
    session.choose('opening.2');
    expect(seen).toEqual(['receipt', 'details', 'receipt', 'opening']);
    session.dispose();
    expect(() => session.choose('details.1')).toThrow(/disposed/);
  });
});

const conditional = conditionalScenario();

describe('offeredChoices and `if` conditions', () => {
  it('offers only the replies whose conditions hold, in file order', () => {
    const state = { mood: 40, performed: new Set<string>() };
    expect(offeredChoices(conditional, 'ask', state).map((c) => c.id)).toEqual(['ask.1', 'ask.4']);
    const later = { mood: 60, performed: new Set(['question']) };
    expect(offeredChoices(conditional, 'ask', later).map((c) => c.id)).toEqual(['ask.2', 'ask.3']);
  });

  it('counts --choices positions among the offered replies only', () => {
    const result = playPositions(conditional, [1, 1]);
    expect(result.ok && result.run.choices.map((c) => c.id)).toEqual(['ask.1', 'ask.2']);
  });
});

describe('playPositions', () => {
  const kettle = faultyKettle();

  it('names the node and its offered replies for a position that does not exist', () => {
    const result = playPositions(kettle, [2, 4]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('not-offered');
    expect(result.error.node).toBe('details');
    expect(result.error.message).toMatch(/'details'.*3 replies: 1 = details\.1/);
  });

  it('rejects choices that run past an ending', () => {
    const result = playPositions(kettle, [2, 1, 1, 1, 1]);
    expect(!result.ok && result.error.kind).toBe('past-ending');
    expect(!result.ok && result.error.message).toMatch(/'resolved-end'/);
  });

  it('rejects choices that stop before an ending', () => {
    const result = playPositions(kettle, [2, 1]);
    expect(!result.ok && result.error.kind).toBe('stopped-early');
    expect(!result.ok && result.error.message).toMatch(/'remedy'.*1 = remedy\.1.*2 = remedy\.2/);
  });

  it('treats a node where every condition fails as stuck', () => {
    const stuck = buildScenario({
      start: 'a',
      nodes: { a: { choices: [{ to: 'b', if: { moodAtLeast: 90 } }] }, b: { end: 'resolved' } },
    });
    const session = createSession(stuck);
    expect(session.view().stuck).toBe(true);
    const result = playPositions(stuck, []);
    expect(!result.ok && result.error.message).toMatch(/no reply is offered/);
  });
});
