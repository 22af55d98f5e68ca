import { describe, expect, it } from 'vitest';
import { projectCues } from '../../scripts/actsEval.ts';
import {
  NOT_VERIFIED,
  readContext,
  readInScenario,
  readReply,
  scenarioCues,
} from '../../src/reading/index.ts';
import type { Choice } from '../../src/scenario/index.ts';
import { loadFixture } from '../scenario/loadForTest.ts';

const base = projectCues();
const fixture = loadFixture('valid-reading').scenario;
if (fixture?.reading === undefined)
  throw new Error('tests/fixtures/validation/valid-reading.yaml should load');
const cues = scenarioCues(base, fixture.reading);
const VERIFIED = { verified: true };

const found = (text: string, context = NOT_VERIFIED) =>
  readInScenario(text, cues, context).acts.map((a) => [a.act, a.evidence, a.confidence]);
const disclosure = (text: string, context = NOT_VERIFIED) =>
  readInScenario(text, cues, context).acts.find((a) => a.act === 'disclose');

describe("a scenario's own cues", () => {
  it('stating a detail before verify reads as disclose, with the words as evidence', () => {
    const text = 'I can see the account at 14 Alder Road, is that right?';
    const act = disclosure(text);
    expect(act).toMatchObject({ evidence: '14 Alder Road', confidence: 'sure' });
    expect(act === undefined ? '' : text.slice(act.start, act.end)).toBe('14 Alder Road');
  });

  it('after verify, repeating the address back is not a disclosure', () => {
    expect(disclosure('So that is 14 Alder Road, LS6 2AB?', VERIFIED)).toBeUndefined();
    // A scenario's own `disclose` cue is held back by verification too.
    expect(disclosure('your balance is £412', VERIFIED)).toBeUndefined();
    expect(disclosure('your balance is £412')).toMatchObject({ evidence: 'your balance is' });
  });

  it('a "not" does not cancel a detail: the number has still been read out', () => {
    expect(disclosure("I won't read out 07700 900123")).toMatchObject({
      evidence: '07700 900123',
      confidence: 'sure',
    });
  });

  it('finds numbers and postcodes however they are spaced, but only as whole words', () => {
    expect(disclosure('is your number 07700-900-123?')?.evidence).toBe('07700-900-123');
    expect(disclosure('postcode ls62ab yeah')?.evidence).toBe('ls62ab');
    expect(disclosure('Is it LS6 2AB?')?.evidence).toBe('LS6 2AB');
    expect(disclosure('I have 114 Alder Roads here')?.evidence).toBe(undefined);
    expect(disclosure('call 077009001234')).toBeUndefined();
  });

  it('a detail in words only is "tutor to check"; the first detail stated is the evidence', () => {
    expect(disclosure('Are you the one on Alder Road?')).toMatchObject({
      evidence: 'Alder Road',
      confidence: 'tutor',
    });
    expect(disclosure('LS6 2AB, 14 Alder Road')).toMatchObject({ evidence: 'LS6 2AB', start: 0 });
  });

  it("adds the scenario's cues to the cue file's: new acts read, negation and unless as in the cue file", () => {
    expect(readReply('we could set up a payment plan', base).acts.map((a) => a.act)).not.toContain('solve');
    expect(found('we could set up a payment plan')).toContainEqual(['solve', 'payment plan', 'sure']);
    expect(found('we could spread the monthly payments')).toContainEqual([
      'solve',
      'spread the monthly payments',
      'sure',
    ]);
    expect(found("we can't do a payment plan").map(([act]) => act)).not.toContain('solve');
    expect(found('there is no payment plan for this').map(([act]) => act)).not.toContain('solve');
  });

  it('a scenario can make an act more careful, never surer', () => {
    expect(found('oh my bad')).toContainEqual(['apologise', 'my bad', 'tutor']);
    expect(base.acts.get('apologise')?.match.length).toBeLessThan(
      cues.cues.acts.get('apologise')?.match.length ?? 0,
    );
  });

  it('without a `reading:` the cue file reads alone, and nothing is a disclosure', () => {
    const plain = scenarioCues(base, undefined);
    expect(plain.cues).toBe(base);
    const text = "I'm so sorry, is that 14 Alder Road?";
    expect(readInScenario(text, plain, NOT_VERIFIED)).toEqual(readReply(text, base));
  });

  it('the run is verified once a chosen reply performed verify', () => {
    const reply = (...acts: string[]) =>
      ({ acts: acts.map((act) => ({ act, credit: 1 })) }) as Pick<Choice, 'acts'>;
    expect(readContext([]).verified).toBe(false);
    expect(readContext([reply('listen'), reply('apologise', 'question')]).verified).toBe(false);
    expect(readContext([reply('listen'), reply('apologise', 'verify')]).verified).toBe(true);
  });
});

describe('what the customer has said', () => {
  it('a detail the customer said themselves is not a disclosure when repeated back', () => {
    const heard = ['My postcode? LS6 2AB.'];
    expect(
      disclosure('Thanks, so LS6 2AB, and is that 14 Alder Road?', { verified: false, heard }),
    ).toMatchObject({
      evidence: '14 Alder Road',
    });
    expect(disclosure('Thanks, so LS6 2AB?', { verified: false, heard })).toBeUndefined();
    expect(readContext([], heard)).toEqual({ verified: false, heard });
  });
});
