import { describe, expect, it } from 'vitest';
import { customerTurnOf, moodWord } from '../../src/game/ui/customerTurn.ts';
import { faultyKettle } from '../engine/build.ts';

const kettle = faultyKettle();

describe('customerTurnOf: the customer turn every screen draws', () => {
  it('takes the name from the scenario and the words and stage direction from the node', () => {
    const withNote = [...kettle.nodes.values()].find((node) => node.note !== undefined);
    expect(withNote, 'the kettle has a node with a stage direction').toBeDefined();
    if (withNote === undefined) return;
    const turn = customerTurnOf(kettle, withNote);
    expect(turn.name).toBe(kettle.customer.name);
    expect(turn.note).toBe(withNote.note);
    expect(turn.lines).toEqual(withNote.customer);
  });

  it('has no stage direction (null, not an empty line) where the author wrote none', () => {
    const plain = [...kettle.nodes.values()].find((node) => node.note === undefined);
    expect(plain).toBeDefined();
    if (plain === undefined) return;
    expect(customerTurnOf(kettle, plain).note).toBeNull();
  });
});

describe('moodWord: the mood in words, as the meter and presenter mode say it', () => {
  it('follows the face thresholds (lower bound inclusive)', () => {
    expect(moodWord(0)).toBe('Furious');
    expect(moodWord(14)).toBe('Furious');
    expect(moodWord(15)).toBe('Angry');
    expect(moodWord(50)).toBe('Calm');
    expect(moodWord(85)).toBe('Delighted');
    expect(moodWord(100)).toBe('Delighted');
  });
});
