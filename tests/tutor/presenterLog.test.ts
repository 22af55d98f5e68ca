import { describe, expect, it } from 'vitest';
import {
  addVote,
  back,
  decide,
  EMPTY_LOG,
  forward,
  forwardChoice,
  openTurn,
  playedTurns,
  replyLetter,
  setVotes,
  tallyVotes,
} from '../../src/tutor/index.ts';

describe('presenter votes', () => {
  it('labels replies A, B, C, D and on past Z', () => {
    expect([0, 1, 2, 3, 25, 26].map(replyLetter)).toEqual(['A', 'B', 'C', 'D', 'Z', 'AA']);
  });

  it('plays the reply with most hands, asks the tutor on a tie, and waits when nobody voted', () => {
    let log = openTurn(EMPTY_LOG, 'open', ['open.1', 'open.2', 'open.3']);
    const turn = () => {
      const t = log.turns[log.at];
      if (t === undefined) throw new Error('no open turn');
      return t;
    };
    expect(tallyVotes(turn())).toEqual({ kind: 'none' });
    log = setVotes(log, [3, 7, 2]);
    expect(tallyVotes(turn())).toEqual({ kind: 'winner', choice: 'open.2', votes: 7 });
    log = addVote(log, 'open.1', 4);
    expect(tallyVotes(turn())).toEqual({ kind: 'tie', choices: ['open.1', 'open.2'], votes: 7 });
    log = setVotes(log, [-2, 1.7, Number.NaN]);
    expect(turn().votes).toEqual([0, 1, 0]);
  });

  it('goes back and forward without losing the votes, and keeps superseded decisions', () => {
    let log = openTurn(EMPTY_LOG, 'open', ['a', 'b']);
    log = decide(setVotes(log, [5, 2]), 'a', 'votes');
    log = openTurn(log, 'next', ['c', 'd']);
    log = decide(setVotes(log, [1, 9]), 'd', 'votes');
    expect(playedTurns(log).map((t) => t.chosen)).toEqual(['a', 'd']);
    log = back(back(log));
    expect(log.at).toBe(0);
    log = openTurn(log, 'open', ['a', 'b']);
    expect(log.turns[0]?.votes).toEqual([5, 2]);
    expect(forwardChoice(log)).toBe('a');
    log = forward(log);
    log = openTurn(log, 'next', ['c', 'd']);
    expect(log.turns[1]?.votes).toEqual([1, 9]);
    log = back(log);
    log = decide(setVotes(log, [0, 6]), 'b', 'tutor');
    expect(playedTurns(log).map((t) => t.chosen)).toEqual(['b']);
    expect(log.superseded.map((t) => [t.at, t.chosen])).toEqual([
      [0, 'a'],
      [1, 'd'],
    ]);
  });
});
