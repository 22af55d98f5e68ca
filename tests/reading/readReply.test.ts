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

  it('an apology or empathy that cushions a refusal is neither: a turn and a refusal in its sentence, or opening the next', () => {
    expect(acts("I'm sorry, I do understand, but it's company policy.")).toEqual(['dismiss']);
    expect(acts('I completely understand your frustration, but I do have to follow the procedure.')).toEqual(
      [],
    );
    expect(acts("I'm so sorry. Unfortunately we can't refund it.")).toEqual([]);
    // A turn without a refusal, or a refusal after a sentence that does not turn, leaves it standing.
    expect(acts("I'm so sorry. Unfortunately the driver is stuck, but I'll ring you.")).toEqual([
      'apologise',
    ]);
    expect(
      acts("I'm really sorry about those saves. I can't restore them myself, but the backup has them."),
    ).toEqual(['apologise']);
  });

  it('"so" is a summary only at the start of a sentence, not a consequence mid-sentence', () => {
    expect(acts('Sorry, so the engineer never came?')).toEqual(['apologise', 'summarise']);
    expect(acts("I've marked it as urgent, so it should be looked at soon.")).toEqual([]);
    expect(acts("The adviser was new, so he hadn't seen one before.")).toEqual([]);
  });

  it('a wh-word that opens a clause with its subject, or a relative "which", is no question', () => {
    expect(acts('When it arrives, type the code here.')).toEqual([]);
    expect(acts('I can add £5 credit, which you can spend on anything.')).toEqual([]);
    expect(acts('When did it start?')).toEqual(['question']);
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
