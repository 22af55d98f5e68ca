import { describe, expect, it } from 'vitest';
import { projectCues } from '../../scripts/actsEval.ts';
import { loadCues, readReply } from '../../src/reading/index.ts';

const cues = projectCues();
const acts = (text: string) => readReply(text, cues).acts.map((a) => a.act);

describe('readReply', () => {
  it("gives each act the learner's own words, with offsets into the text for highlighting", () => {
    const text = 'Oh no, I’m so sorry. What happened when you switched it on?';
    const reading = readReply(text, cues);
    expect(reading.acts.map((a) => [a.act, a.evidence])).toEqual([
      ['apologise', 'I’m so sorry'],
      ['question', 'What'],
    ]);
    for (const a of reading.acts) expect(text.slice(a.start, a.end)).toBe(a.evidence);
  });

  it('reads lower case, text-speak and missing apostrophes as the cues are written', () => {
    expect(acts('thx 4 waiting, can i take ur postcode pls')).toEqual(['thank', 'verify']);
    expect(acts('im so sorry abt that')).toEqual(['apologise']);
  });

  it('a negator just before a cue cancels it; one in another clause does not', () => {
    expect(acts("It's not your fault.")).toEqual([]);
    expect(acts('No, you must have dropped it.')).toEqual(['blame']);
  });

  it('"sorry, but that\'s policy" is no apology, and is dismissive', () => {
    expect(acts("Sorry, but that's policy.")).toEqual(['dismiss']);
  });

  it('tells open questions from closed ones and identity questions', () => {
    expect(acts('How long has it been doing that?')).toEqual(['question']);
    expect(acts('Did you keep the box?')).toEqual([]);
    expect(acts("What's your postcode?")).toEqual(['verify']);
  });

  it('is deterministic: the same words always give the same reading', () => {
    const text = 'You should have read the instructions, calm down.';
    expect(readReply(text, cues)).toEqual(readReply(text, cues));
  });

  it("carries each act's confidence: 'tutor' where the cues are not precise enough to count against a learner", () => {
    const found = readReply('I promise you must have broken it', cues).acts;
    expect(Object.fromEntries(found.map((a) => [a.act, a.confidence]))).toEqual({
      blame: 'tutor',
      overpromise: 'sure',
    });
  });

  it('reads only the acts that have cues: others are absent, never guessed', () => {
    const { cues: only } = loadCues(
      { file: 'cues.yaml', text: 'acts:\n  thank:\n    match: [thanks]\n' },
      { acts: cues.acts as never },
    );
    expect(readReply("Thanks, I'm so sorry", only).acts.map((a) => a.act)).toEqual(['thank']);
  });
});
