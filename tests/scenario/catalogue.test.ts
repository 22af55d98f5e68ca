import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue, ROOT } from './loadForTest.ts';

/** The acts the contract says the project ships (scenario-format.md, "Acts the project ships"), in its order. */
const POSITIVE = [
  'listen',
  'question',
  'summarise',
  'empathise',
  'apologise',
  'solve',
  'own',
  'inform',
  'verify',
  'follow-up',
  'escalate',
  'thank',
];
/** Each fault with its penalty in marks and whether it is critical. */
const FAULTS: [id: string, penalty: number, critical: boolean][] = [
  ['interrupt', 1, false],
  ['dismiss', 1, false],
  ['jargon', 1, false],
  ['deflect', 1, false],
  ['overpromise', 1, false],
  ['process-first', 1, false],
  ['lesser-remedy', 1, false],
  ['blame', 2, false],
  ['argue', 2, false],
  ['misinform', 2, false],
  ['disclose', 2, true],
  ['discriminate', 3, true],
];

describe('the catalogue of acts (models/acts.yaml)', () => {
  const acts = [...catalogue().acts.values()];

  it('ships exactly the contract acts, positive acts first, faults with their penalties', () => {
    expect(acts.filter((a) => !a.fault).map((a) => a.id)).toEqual(POSITIVE);
    expect(acts.filter((a) => a.fault).map((a) => [a.id, a.penalty, a.critical])).toEqual(FAULTS);
  });

  it('gives every act a name and a meaning written as a sentence', () => {
    for (const act of acts) {
      expect(act.name, act.id).toMatch(/^[A-Z]/);
      expect(act.meaning, act.id).toMatch(/^[A-Z].*[.)]$/);
    }
  });

  it('is listed in full in the tutor guide, each act in its table with its marks', () => {
    const guide = readFileSync(path.join(ROOT, 'docs/authoring.md'), 'utf8');
    for (const act of acts) {
      const row = act.fault
        ? new RegExp(`^\\| \`${act.id}\` \\| ${act.penalty}\\b`, 'm')
        : `| \`${act.id}\` |`;
      expect(guide, act.id).toMatch(row);
    }
  });
});
