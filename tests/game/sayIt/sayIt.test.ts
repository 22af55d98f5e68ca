import { describe, expect, it } from 'vitest';
import { markedPieces } from '../../../src/game/sayIt/marks.ts';
import {
  allowedIn,
  learnerSwitch,
  SAY_IT_KEY,
  saveLearnerSwitch,
  tutorLinkSeen,
  tutorSayIt,
} from '../../../src/game/sayIt/sayItSetting.ts';
import type { FoundAct } from '../../../src/reading/index.ts';

const act = (name: string, text: string, words: string, confidence: 'sure' | 'tutor' = 'sure'): FoundAct => {
  const start = text.indexOf(words);
  return { act: name, evidence: words, start, end: start + words.length, confidence };
};

function memory(): Storage {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
  } as Storage;
}

describe('the marks in the learner’s words', () => {
  it('cuts the text into plain and marked pieces that put it back together exactly', () => {
    const text = "Oh I'm so sorry, what happened?";
    const pieces = markedPieces(text, [
      act('question', text, 'what happened'),
      act('apologise', text, "I'm so sorry"),
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.filter((p) => p.acts.length > 0).map((p) => [p.text, p.acts.map((a) => a.act)])).toEqual([
      ["I'm so sorry", ['apologise']],
      ['what happened', ['question']],
    ]);
  });

  it('marks overlapping evidence once, carrying every act', () => {
    const text = 'sorry you have had such a hard time';
    const pieces = markedPieces(text, [
      act('apologise', text, 'sorry'),
      act('empathise', text, 'sorry you have had'),
    ]);
    expect(pieces.map((p) => [p.text, p.acts.map((a) => a.act)])).toEqual([
      ['sorry you have had', ['empathise', 'apologise']],
      [' such a hard time', []],
    ]);
  });
});

describe('when say it your way is on', () => {
  it('is off until the learner turns it on, and remembers their choice', () => {
    const store = memory();
    expect(learnerSwitch(store)).toBe(false);
    saveLearnerSwitch(store, true);
    expect(store.getItem(SAY_IT_KEY)).toBe('on');
    expect(learnerSwitch(store)).toBe(true);
    saveLearnerSwitch(store, false);
    expect(learnerSwitch(store)).toBe(false);
    // Storage refused: off, and nothing thrown.
    expect(learnerSwitch(null)).toBe(false);
    const refusing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    } as unknown as Storage;
    expect(learnerSwitch(refusing)).toBe(false);
    expect(() => saveLearnerSwitch(refusing, true)).not.toThrow();
  });

  it('in Assessment only by the tutor: their say-it=on address (for the tab) or their file', () => {
    const tab = memory();
    const off = { link: false, config: tutorSayIt(null) };
    expect(allowedIn('practice', off)).toBe(true);
    expect(allowedIn('assessment', off)).toBe(false);
    expect(tutorLinkSeen('?scenario=x&say-it=off', tab)).toBe(false);
    expect(tutorLinkSeen('?scenario=x&say-it=on', tab)).toBe(true);
    // The role-play rewrites the address; the tab still remembers.
    expect(tutorLinkSeen('?scenario=x', tab)).toBe(true);
    expect(
      allowedIn('assessment', { link: false, config: tutorSayIt({ sayIt: { assessment: true } }) }),
    ).toBe(true);
    // Only `true` turns anything on.
    expect(tutorSayIt({ sayIt: { assessment: 'yes', recordText: 1 } })).toEqual({
      assessment: false,
      recordText: false,
    });
    expect(tutorSayIt({ sayIt: { recordText: true } })).toEqual({ assessment: false, recordText: true });
  });
});
