import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/files.ts';
import { libraryFolders, yamlFiles } from '../../src/game/build/libraryPlugin.ts';
import { buildReadingData } from '../../src/game/build/readingPlugin.ts';
import { buildWeights, closestReply, cueSetFromData, similarity } from '../../src/reading/index.ts';
import { loadCatalogue, loadLibrary } from '../../src/scenario/index.ts';

const spellings = new Map([
  ['u', 'you'],
  ['im', 'i am'],
]);

describe('reply weights (IDF over the authored replies)', () => {
  const weights = buildWeights(
    ['I am sorry about the kettle', 'I am sorry, here is a refund', 'I am going to fetch my manager'],
    spellings,
  );

  it('weighs a word every reply uses least and a word one reply uses most, and a new word as the rarest', () => {
    const am = weights.idf.am ?? 0;
    const sorry = weights.idf.sorry ?? 0;
    const refund = weights.idf.refund ?? 0;
    expect(am).toBeLessThan(sorry);
    expect(sorry).toBeLessThan(refund);
    expect(weights.unseen).toBeGreaterThanOrEqual(refund);
    expect(am).toBeGreaterThan(0);
  });

  it('is the same data for the same replies, in any order', () => {
    const again = buildWeights(
      ['I am going to fetch my manager', 'I am sorry about the kettle', 'I am sorry, here is a refund'],
      spellings,
    );
    expect(JSON.stringify(again)).toBe(JSON.stringify(weights));
  });

  it('reads words as the analyser does: "u" is "you", "I\'m" is "i am"', () => {
    expect(similarity('im sorry u waited', "I'm sorry you waited", weights, spellings)).toBeCloseTo(1, 10);
  });
});

describe('the closest offered reply', () => {
  const weights = buildWeights(['a b c', 'refund now', 'repair in three weeks'], new Map());

  it('is the one sharing the distinctive words', () => {
    expect(
      closestReply('can i get a refund', ['repair in three weeks', 'refund now'], weights, new Map()),
    ).toBe(1);
    expect(
      closestReply('send it for repair', ['repair in three weeks', 'refund now'], weights, new Map()),
    ).toBe(0);
  });

  it('is none when no reply shares a word (nothing is pre-selected), and the earlier one on a tie', () => {
    expect(closestReply('zebra', ['refund now', 'repair in three weeks'], weights, new Map())).toBeNull();
    expect(closestReply('', ['refund now'], weights, new Map())).toBeNull();
    expect(closestReply('refund', ['refund now', 'refund now'], weights, new Map())).toBe(0);
  });

  it('pre-selects an authored reply from its first half, typed in lower case without punctuation, at 95% or more of the library', () => {
    // A learner rarely types a reply word for word: the first half, as a learner types it, must be enough.
    const data = buildReadingData(libraryFolders(PROJECT_ROOT));
    const cues = cueSetFromData(data.cues);
    const { catalogue } = loadCatalogue(yamlFiles(PROJECT_ROOT, `${PROJECT_ROOT}/models`));
    const { scenarios } = loadLibrary(yamlFiles(PROJECT_ROOT, `${PROJECT_ROOT}/scenarios`), catalogue);
    let replies = 0;
    const misses: string[] = [];
    for (const scenario of scenarios)
      for (const node of scenario.nodes.values()) {
        if (node.kind !== 'choices') continue;
        const texts = node.choices.map((c) => c.say);
        node.choices.forEach((choice, i) => {
          replies++;
          const words = choice.say.split(/\s+/);
          const typed = words
            .slice(0, Math.ceil(words.length / 2))
            .join(' ')
            .toLowerCase()
            .replace(/[.,!?;:'’]/g, '');
          if (closestReply(typed, texts, data.weights, cues.spellings) !== i)
            misses.push(`${choice.id}: ${typed}`);
        });
      }
    expect(replies).toBeGreaterThan(300);
    expect(misses.length / replies, misses.join('\n')).toBeLessThanOrEqual(0.05);
  });
});
