import { describe, expect, it } from 'vitest';
import { pronounsFromTitle } from '../../src/scenario/customerLook.ts';
import { loadFixture, loadText } from './loadForTest.ts';

/** A whole scenario around one customer block, for the defaults. */
function withCustomer(customer: string): string {
  return [
    'id: a-customer',
    'title: A fixture',
    'summary: One customer.',
    'channel: chat',
    'customer:',
    ...customer.split('\n').map((line) => `  ${line}`),
    'start: opening',
    'nodes:',
    '  opening:',
    '    customer: Thank you.',
    '    end: resolved',
  ].join('\n');
}

describe('customer pronouns and look', () => {
  it('reads every look field and the pronouns as written', () => {
    const { scenario, diagnostics } = loadFixture('valid-customer-look');
    expect(diagnostics).toEqual([]);
    expect(scenario?.customer.pronouns).toBe('he/him');
    expect(scenario?.customer.look).toEqual({
      age: 'older',
      mobility: 'wheelchair',
      hair: 'bald',
      hairColour: 'grey',
      skin: 2,
      facialHair: 'beard',
      glasses: 'round',
      headwear: 'none',
      top: 'cardigan',
    });
  });

  it('reports each mistake at its line and column, with a guess', () => {
    const { scenario, diagnostics } = loadFixture('customer-look-wrong');
    expect(scenario).toBeNull();
    expect(diagnostics.map((d) => [d.line, d.column, d.severity, d.message])).toEqual([
      [
        7,
        13,
        'error',
        "'pronouns' must be one of she/her, he/him, they/them, not 'him' (did you mean 'he/him'?).",
      ],
      [9, 10, 'error', "'age' must be one of young, middle, older, not 'elderly'."],
      [10, 5, 'error', "unknown field 'mobilty' (did you mean 'mobility'?)."],
      [11, 11, 'error', "'skin' is 9, but it must be from 1 to 6."],
      [
        12,
        17,
        'error',
        "'hairColour' must be one of black, brown, auburn, blonde, grey, white, not 'gray' (did you mean 'grey'?).",
      ],
    ]);
  });

  it('takes the pronouns from the title when the file gives none', () => {
    const pronouns = (name: string) => loadText(withCustomer(`name: ${name}`)).scenario?.customer.pronouns;
    expect(pronouns('Mr Gareth Pryce')).toBe('he/him');
    expect(pronouns('Mrs Patel')).toBe('she/her');
    expect(pronouns('Ms Lin Chen')).toBe('she/her');
    expect(pronouns('Miss Evans')).toBe('she/her');
    expect(pronouns('Mx Rowan Ellis')).toBe('they/them');
    expect(pronouns('Marcus Greene')).toBeUndefined();
    expect(pronouns('Dr Okafor')).toBeUndefined();
  });

  it('lets the file overrule the title, and leaves a name without one open', () => {
    expect(pronounsFromTitle('Mrs Patel')).toBe('she/her');
    expect(pronounsFromTitle('Mr. Ahmed')).toBe('he/him');
    expect(pronounsFromTitle('Mristina Jones')).toBeUndefined();
    const told = loadText(withCustomer('name: Mr Ellis\npronouns: they/them')).scenario?.customer;
    expect(told?.pronouns).toBe('they/them');
    expect(loadText(withCustomer('name: Sam')).scenario?.customer).not.toHaveProperty('look');
  });

  it('reads glasses: true as glasses and false as none', () => {
    const look = (value: string) =>
      loadText(withCustomer(`name: Sam\nlook:\n  glasses: ${value}`)).scenario?.customer.look;
    expect(look('true')).toEqual({ glasses: 'square' });
    expect(look('false')).toEqual({ glasses: 'none' });
  });

  it('says which fields a look may have when a name is far off', () => {
    const { diagnostics } = loadText(withCustomer('name: Sam\nlook:\n  wheelchair: true'));
    expect(diagnostics.map((d) => d.message)).toEqual([
      "unknown field 'wheelchair'; the fields allowed in the customer's 'look' are: age, mobility, hair, hairColour, skin, facialHair, glasses, headwear, top.",
    ]);
  });
});
