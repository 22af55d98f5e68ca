import { describe, expect, it } from 'vitest';
import {
  courtesy,
  exploreRuns,
  giveaways,
  pickFor,
  playStrategy,
  saysSorry,
  wordCount,
} from '../../src/tutor/index.ts';
import { buildScenario, projectCatalogue } from '../engine/build.ts';

const catalogue = projectCatalogue();

/** One fork: the best reply is short and plain; the long, polite, apologetic one puts procedure first. */
const fork = buildScenario({
  id: 'giveaway-fork',
  models: ['LASS'],
  start: 'open',
  nodes: {
    open: {
      choices: [
        {
          say: "I'm so sorry about this, and thank you for your patience. Could you please confirm your order number and postcode first?",
          acts: ['apologise', 'process-first'],
          to: 'fix',
        },
        { say: 'That sounds awful. What happened?', acts: ['question', 'apologise'], to: 'fix' },
      ],
    },
    fix: {
      choices: [
        { say: 'Here is a full refund, and thanks for telling us.', acts: ['solve', 'thank'], to: 'end' },
        {
          say: "I completely understand, and I'm really sorry: the best I can offer is a voucher.",
          acts: ['apologise', 'lesser-remedy'],
          to: 'end',
        },
      ],
    },
    end: { end: 'resolved' },
  },
});

describe('giveaways: does the shape of a reply give the answer away?', () => {
  it('counts words, apologies and courtesy as a skimming learner would', () => {
    expect(wordCount("I'm so sorry — really.")).toBe(4);
    expect(saysSorry('Apologies for the wait')).toBe(true);
    expect(saysSorry('Sorrowful')).toBe(false);
    expect(courtesy('Thank you, I completely understand. Please wait.')).toBe(4);
  });

  it('plays each strategy as a learner would: the longest, the politest, the one that says sorry', () => {
    const offered = fork.nodes.get('open');
    if (offered?.kind !== 'choices') throw new Error('no fork');
    expect(pickFor('longest', offered.choices)?.id).toBe('open.1');
    expect(pickFor('shortest', offered.choices)?.id).toBe('open.2');
    expect(pickFor('politest', offered.choices)?.id).toBe('open.1');
    expect(pickFor('apologising', offered.choices)?.id).toBe('open.1');
    expect(playStrategy(fork, 'longest').choices.map((c) => c.id)).toEqual(['open.1', 'fix.2']);
  });

  it('finds the clear forks, and the opposite giveaway: here the shortest reply always wins', () => {
    const report = giveaways(fork, catalogue, exploreRuns(fork, catalogue));
    expect(report.forks).toEqual([
      {
        node: 'open',
        line: 1,
        best: 'open.2',
        uniqueLongest: false,
        uniqueShortest: true,
        onlyApology: false,
        onlyWithoutApology: true,
      },
      {
        node: 'fix',
        line: 1,
        best: 'fix.1',
        uniqueLongest: false,
        uniqueShortest: true,
        onlyApology: false,
        onlyWithoutApology: true,
      },
    ]);
    expect(report.strategies.map((s) => `${s.strategy}:${s.band}`)).toEqual([
      'longest:Not yet achieved',
      'shortest:Distinction',
      'politest:Not yet achieved',
      'apologising:Not yet achieved',
      'unapologetic:Distinction',
    ]);
  });

  it('flags the library habit it was written for: the best reply the longest and the only apology', async () => {
    const { faultyKettle } = await import('../engine/build.ts');
    const kettle = faultyKettle();
    const report = giveaways(kettle, catalogue, exploreRuns(kettle, catalogue));
    const opening = report.forks.find((f) => f.node === 'opening');
    expect(opening).toMatchObject({ best: 'opening.2', uniqueLongest: true, onlyApology: true });
    expect(report.strategies.find((s) => s.strategy === 'longest' && s.model === 'LASS')?.band).toBe(
      'Distinction',
    );
  });
});
