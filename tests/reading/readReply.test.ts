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
    // The empathy goes; the refusal itself reads as dismissive.
    expect(acts('I completely understand your frustration, but I do have to follow the procedure.')).toEqual([
      'dismiss',
    ]);
    // The counter-claim after the cushion is itself read: a flat refusal is dismissive.
    expect(acts("I'm so sorry. Unfortunately we can't refund it.")).toEqual(['dismiss']);
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
    const found = readReply('Thanks, but just calm down', cues).acts;
    expect(Object.fromEntries(found.map((a) => [a.act, a.confidence]))).toEqual({
      thank: 'sure',
      dismiss: 'tutor',
    });
  });

  it('a firm refusal cancels the apology without a turn word, and reads as dismissive', () => {
    expect(acts("I'm sorry, it's a security rule, and I'm not able to override it.")).toEqual([]);
    expect(acts('Sorry, rules are rules.')).toEqual(['dismiss']);
    expect(acts('I hear you but my hands are tied')).toEqual(['dismiss']);
    // A firm refusal in another sentence leaves the apology standing.
    expect(acts("I'm so sorry. Rules are rules for the others, but I'll make an exception.")).toContain(
      'apologise',
    );
  });

  it('a cushion countered in a contrast clause is no apology or empathy, and the counter-claim is read by its word class', () => {
    // Negated ability, finality and minimising, in words no phrase list holds.
    expect(acts("I completely get that, but the joining fee isn't refundable.")).toEqual(['dismiss']);
    expect(acts('I hear you, however that price is fixed now.')).toEqual(['dismiss']);
    expect(acts("I know it's annoying, but it's only a small mark on the back.")).toEqual(['dismiss']);
    // A third party as the one to go through: deflect.
    expect(acts("I totally understand, but you'd have to go through the insurer for that.")).toEqual([
      'deflect',
    ]);
    // A contrast that offers something, or a refusal with a way forward, leaves no flat refusal.
    expect(acts("I'm sorry about that, though I can get a replacement out to you today.")).toEqual([
      'apologise',
    ]);
    expect(acts("I'm sorry, but we can't refund it. I could offer you a voucher instead.")).toEqual([]);
  });

  it('polite blame counts only in a statement: not in a question, not after "if", not in a restatement', () => {
    expect(acts('To be fair, you did book the non-refundable rate.')).toEqual(['blame']);
    expect(acts('The address you gave us had the wrong flat number.')).toEqual(['blame']);
    expect(acts('The locker was opened with your code at six.')).toEqual(['blame']);
    expect(acts('Did you book the non-refundable rate?')).toEqual([]);
    expect(acts('Was it signed for at your address?')).toEqual([]);
    expect(acts("So you're saying you did book the flexible rate")).not.toContain('blame');
  });

  it('an identity question is verify, not an open question; a checked restatement is a summary', () => {
    expect(acts('Is this Mr Okafor?')).toEqual(['verify']);
    expect(acts('What name is the booking under?')).toEqual(['verify']);
    expect(acts('can i take the reg number of the car')).toEqual(['verify']);
    expect(acts('The reference number is on the email.')).toEqual([]);
    expect(acts('Your gym took two payments in March, is that right?')).toEqual(['summarise']);
  });

  it('a flat counter-claim needs no cushion, and cancels a bare one, unless an offer follows', () => {
    expect(acts("We won't be offering any money back for a delay under fifteen minutes.")).toEqual([
      'dismiss',
    ]);
    expect(acts("no, there's no compensation for a missed slot")).toEqual(['dismiss']);
    expect(acts('The landlord has to deal with repairs, not the agency.')).toEqual(['deflect']);
    expect(acts("I can't refund it, but you can exchange it for another size.")).toEqual([]);
    expect(acts('The refund stands, as goodwill.')).toEqual([]);
    // A bare cushion ("Sorry,") before a dismissal or a deflection read in its sentence is its cushion.
    expect(acts("Sorry, you'd need to speak to the manufacturer about the fault.")).toEqual(['deflect']);
    expect(acts("I'm so sorry about the wait, you'd need to speak to the manufacturer.")).toContain(
      'apologise',
    );
    expect(acts("I'll ring the bank for you this afternoon.")).toEqual([]);
    // "has to" is a cue of its own ("still applies|has to" once wanted "still has to").
    expect(acts("I understand why you're upset, but the cancellation fee still applies.")).toEqual([
      'dismiss',
    ]);
    expect(acts('I understand, but the price has to stay as it is.')).toEqual(['dismiss']);
  });

  it('a sentence opening "you did…" is a statement, not a question ("you" is no filler)', () => {
    expect(acts('you didnt cancel before the renewal date so it rolled over')).toEqual(['blame']);
    expect(acts('Did you cancel before the renewal date?')).toEqual([]);
  });

  it('a bare cushion is cancelled by a refusal in the next sentence whose turn stands on its own, wherever it is', () => {
    // "I'm afraid" and "though" stand in clauses of their own at the end of the next sentence.
    // Since the sixth round the refusal itself reads as dismiss (a flat counter-claim: no offer follows).
    expect(acts("I completely understand. As it's been worn, I can't refund it, I'm afraid.")).toEqual([
      'dismiss',
    ]);
    expect(
      acts("I'm so sorry. We can't discuss it with anyone else, though: it's our policy."),
    ).not.toContain('apologise');
    // A "but" goes on into an offer; an apology with its own object is no bare cushion.
    expect(acts("Sorry, that came out wrong. I can't refund it, but I can exchange it.")).toContain(
      'apologise',
    );
    expect(acts("I'm so sorry about the wait. I can't refund it, I'm afraid.")).toContain('apologise');
  });

  it('a "what" that asks for a repeat or for identity is no open question', () => {
    expect(acts('sorry what was that?')).toEqual([]);
    expect(acts("What's your membership number?")).toEqual(['verify']);
    expect(acts("what's the postcode on the account")).toEqual(['verify']);
    expect(acts('What happened when you opened it?')).toEqual(['question']);
  });

  it('"sorry" that asks the customer to hold or repeat, or regrets their view, is no apology', () => {
    expect(acts('sorry, can you hold on a sec')).toEqual([]);
    expect(acts('Sorry, could you say that again?')).toEqual([]);
    expect(acts("I'm sorry you see it that way.")).toEqual([]);
    expect(acts('sorry about that, can you hold on a sec')).toEqual(['apologise']);
  });

  it('reads a summary without "so" at the start, and one after a comma', () => {
    expect(acts("Just so I'm clear, the screen cracked on its own?")).toEqual(['summarise']);
    expect(acts("That must be so frustrating, so you've rung three times now?")).toEqual([
      'empathise',
      'summarise',
    ]);
    expect(acts("I've marked it urgent, so it should be looked at sooner.")).toEqual([]);
  });

  it('reads indirect blame and plain requests for identity', () => {
    expect(acts("If you'd read the email you would have known.")).toEqual(['blame']);
    expect(acts("it's probably the way you've been charging it")).toEqual(['blame']);
    expect(acts("If you'd like, I can ring you back.")).toEqual([]);
    expect(acts('Can you give me your order number so I can find it?')).toEqual(['verify']);
  });

  it('reads only the acts that have cues: others are absent, never guessed', () => {
    const { cues: only } = loadCues(
      { file: 'cues.yaml', text: 'acts:\n  thank:\n    match: [thanks]\n' },
      { acts: cues.acts as never },
    );
    expect(readReply("Thanks, I'm so sorry", only).acts.map((a) => a.act)).toEqual(['thank']);
  });
});
