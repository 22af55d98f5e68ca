/**
 * The class view's core on hand-made files: two learners' exports (one of
 * them twice), a damaged export, a schema 2 export under the earlier rules, a
 * foreign JSON file, one from a newer version, and an LRS statement export
 * (with an undo, and one attempt that is also in a learner's file). The
 * expected numbers are worked out here from the attempts themselves (their
 * recorded marks, built by the game's own `buildAttempt`), not by the core.
 */
import { describe, expect, it } from 'vitest';
import { createSession, type TranscriptEntry } from '../../src/engine/index.ts';
import { answeredStatement, type XapiStatement } from '../../src/lms/index.ts';
import { type Attempt, exportStore, SCHEMA_VERSION } from '../../src/progress/index.ts';
import {
  type ClassFile,
  classViewOfFiles,
  NOT_OURS,
  rebuildAttempts,
  shortestRoute,
} from '../../src/tutor/index.ts';
import { catalogue, FIRSTS, kettle, playAttempt, savedUnderEarlierRules } from '../progress/fixtures.ts';

const LASS = catalogue.models.get('LASS');
if (LASS === undefined) throw new Error('no LASS');

const exportOf = (learnerName: string, attempts: readonly Attempt[]): string =>
  exportStore(
    { schemaVersion: SCHEMA_VERSION, attempts, run: null, learnerName },
    '2026-11-20T12:00:00.000Z',
  );

// Asha: the best run, and one that asks for the receipt first and offers a repair.
const a1 = playAttempt('a1', ['opening.2', 'details.1', 'remedy.1', 'thanks.1'], { day: 2 });
const a2 = playAttempt('a2', ['opening.1', 'receipt.1', 'details.1', 'remedy.2'], { day: 3 });
// Ben: offers a repair; and an attempt on an older version of the kettle (another fingerprint).
const b1 = playAttempt('b1', ['opening.2', 'details.1', 'remedy.2'], { day: 4 });
const b2 = {
  ...playAttempt('b2', ['opening.2', 'details.1', 'remedy.1', 'thanks.1'], { day: 5 }),
  fingerprint: 'f00d',
};
// Cara: the best run, then a blamed customer; the file is cut off inside the second attempt.
const c1 = playAttempt('c1', ['opening.2', 'details.1', 'remedy.1', 'thanks.1'], { day: 6 });
const c2 = playAttempt('c2', ['opening.3', 'angry.2'], { day: 7 });
// Eve: a schema 2 export, marked under the earlier rules as a Distinction.
const e1 = playAttempt('e1', FIRSTS, { day: 8 });
// Dev, in the LRS only: jargon, then a repair (after taking back "I'll get you a refund").
const dev = playAttempt('dev', ['opening.2', 'details.3', 'remedy.2'], { day: 9 });

const caraText = exportOf('Cara', [c1, c2]);
const cutAt = caraText.indexOf('"angry.2"');
const caraDamaged = caraText.slice(0, cutAt);
const caraLine = caraDamaged.split('\n').length;

/** `answered` statements as the reporter sends them, one per reply, a minute apart from `start`. */
function statementsFor(
  name: string,
  registration: string,
  entries: readonly TranscriptEntry[],
  start: string,
): XapiStatement[] {
  const attempt = {
    actor: {
      objectType: 'Agent' as const,
      name,
      account: { homePage: 'https://lms.example/', name: name.toLowerCase() },
    },
    activityBase: 'https://sim.example/',
    scenario: kettle,
    model: LASS as NonNullable<typeof LASS>,
    mode: 'practice' as const,
    registration,
  };
  return entries.map((entry, i) =>
    answeredStatement(attempt, catalogue, entry, {
      id: `${registration}-${i}`,
      timestamp: new Date(Date.parse(start) + i * 60_000),
    }),
  );
}

/** Plays replies, taking back the ones marked 'undo', and keeps every reply given (as the LRS does). */
function given(steps: readonly string[]): TranscriptEntry[] {
  const session = createSession(kettle);
  const out: TranscriptEntry[] = [];
  for (const step of steps) {
    if (step === 'undo') {
      session.undo();
      continue;
    }
    session.choose(step);
    const entry = session.view().transcript.at(-1);
    if (entry !== undefined) out.push(entry);
  }
  session.dispose();
  return out;
}

const devStatements = statementsFor(
  'Dev',
  '11111111-1111-4111-8111-111111111111',
  given(['opening.2', 'details.2', 'undo', 'details.3', 'remedy.2']),
  '2026-11-09T10:01:00.000Z',
);
// Ben's b1 as the LRS has it: its last reply 2 minutes before the export says it finished (10:05).
const benStatements = statementsFor(
  'Ben',
  '22222222-2222-4222-8222-222222222222',
  given(b1.choices),
  '2026-11-04T10:01:00.000Z',
);

const FILES: ClassFile[] = [
  { name: 'asha.json', text: exportOf('Asha', [a1, a2]) },
  { name: 'ben.json', text: exportOf('Ben', [b1, b2]) },
  { name: 'asha-again.json', text: exportOf('Asha', [a1, a2]) },
  { name: 'cara.json', text: caraDamaged },
  {
    name: 'eve.json',
    text: JSON.stringify({
      schemaVersion: 2,
      learnerName: 'Eve',
      attempts: [savedUnderEarlierRules(e1, { band: 'Distinction', percent: 100 })],
      run: null,
    }),
  },
  { name: 'shopping.json', text: JSON.stringify({ items: ['milk', 'bread'] }) },
  { name: 'future.json', text: JSON.stringify({ schemaVersion: 9, attempts: [] }) },
  { name: 'lrs.json', text: JSON.stringify({ statements: [...devStatements, ...benStatements], more: '' }) },
];

const library = {
  scenario: (id: string) => (id === kettle.id ? kettle : undefined),
  catalogue,
  routeTo: shortestRoute,
};

describe('class view: reading the files', () => {
  const view = classViewOfFiles(FILES, library);

  it('reports the foreign, newer and damaged files by name and loads the rest', () => {
    expect(view.problems).toEqual([
      { file: 'cara.json', reason: `damaged JSON at line ${caraLine}; 1 attempt before the damage kept` },
      { file: 'shopping.json', reason: NOT_OURS },
      { file: 'future.json', reason: 'made by a newer version of the simulator (format 9)' },
    ]);
    expect(view.loaded).toEqual([
      'asha.json',
      'ben.json',
      'asha-again.json',
      'cara.json',
      'eve.json',
      'lrs.json',
    ]);
  });

  it('counts the same attempt once: by id across exports, and an LRS attempt that is also in an export', () => {
    // asha-again.json repeats a1 and a2; the LRS repeats Ben's b1.
    expect(view.duplicates).toBe(3);
    // a1 a2 b1 c1 e1 dev; b2 is on an older version.
    expect(view.attempts).toBe(6);
    expect(view.learners).toBe(5);
  });
});

describe('class view: the numbers', () => {
  const view = classViewOfFiles(FILES, library);
  const group = view.groups[0];
  // Every counted attempt under the current rules: e1 rescored, so its marks are what playAttempt built today.
  const counted = [a1, a2, b1, c1, e1, dev];
  const lass = (attempt: Attempt) => attempt.results.find((r) => r.model === 'LASS');

  it('has one group, the kettle under LASS, with the older version counted apart', () => {
    expect(view.groups).toHaveLength(1);
    expect(group?.scenarioId).toBe('faulty-kettle');
    expect(group?.model).toBe('LASS');
    expect(group?.attempts).toBe(6);
    expect(group?.olderVersion).toBe(1);
  });

  it('spreads the bands as the attempts were marked under the current rules', () => {
    const expected = ['Distinction', 'Merit', 'Pass', 'Not yet achieved'].map((band) => ({
      band,
      count: counted.filter((a) => lass(a)?.band === band).length,
    }));
    expect(group?.bands).toEqual(expected);
    // Eve's earlier Distinction is not what counts.
    expect(lass(e1)?.band).not.toBe('Distinction');
  });

  it('averages each step over the class', () => {
    for (const [i, step] of (group?.steps ?? []).entries()) {
      const marks = counted.map((a) => lass(a)?.steps[i]?.marks ?? Number.NaN);
      const average = Math.round((marks.reduce((s, m) => s + m, 0) / counted.length) * 100) / 100;
      expect(step.average).toBe(average);
      expect(step.id).toBe(LASS.steps[i]?.id);
    }
  });

  it('lists the faults, most committed first', () => {
    // a2 b1 dev offer the repair; a2 and e1 ask for the receipt first; dev uses jargon.
    expect(group?.faults.map((f) => [f.act, f.count, f.replies])).toEqual([
      ['lesser-remedy', 3, ['remedy.2']],
      ['process-first', 2, ['opening.1']],
      ['jargon', 1, ['details.3']],
    ]);
  });

  it('ranks the forks where most chose a weaker reply, in plain words, with a route to present them', () => {
    const top = group?.teachNext[0];
    expect(top?.node).toBe('remedy');
    expect(top?.reached).toBe(6);
    expect(top?.weaker).toBe(3);
    expect(top?.mostChosen).toMatchObject({ id: 'remedy.2', count: 3 });
    expect(top?.best?.id).toBe('remedy.1');
    expect(top?.summary).toBe(
      "At ‘So what can you do? I don't want…’ 3 of 6 offered less than the customer is entitled to. The best reply here: ‘As it's within 30 days you're entitled to a full refund, or…’.",
    );
    expect(top?.route).toEqual(['opening.2', 'details.1']);
    // Then details (dev's jargon) and the opening (a2 and e1 ask for the receipt), 1 or 2 each.
    expect(group?.teachNext.slice(1).map((f) => [f.node, f.weaker, f.reached])).toEqual([
      ['opening', 2, 6],
      ['details', 1, 6],
    ]);
  });
});

describe('rebuilding attempts from statements', () => {
  const answer = (node: string, choice: string, minute: number) => ({
    node,
    choice,
    at: `2026-11-01T10:${String(minute).padStart(2, '0')}:00.000Z`,
  });

  it('places a taken-back reply, a retry from a fork and a fresh start', () => {
    const rebuilt = rebuildAttempts(kettle, [
      answer('opening', 'opening.2', 1),
      answer('details', 'details.2', 2),
      answer('details', 'details.1', 3), // undo, then another reply
      answer('remedy', 'remedy.2', 4), // ends: repair
      answer('remedy', 'remedy.1', 5), // "try again from here" at remedy
      answer('thanks', 'thanks.1', 6),
      answer('opening', 'opening.3', 7), // a new attempt
      answer('angry', 'angry.2', 8),
    ]);
    expect(rebuilt.attempts).toEqual([
      { choices: ['opening.2', 'details.1', 'remedy.2'], finishedAt: '2026-11-01T10:04:00.000Z' },
      { choices: ['opening.2', 'details.1', 'remedy.1', 'thanks.1'], finishedAt: '2026-11-01T10:06:00.000Z' },
      { choices: ['opening.3', 'angry.2'], finishedAt: '2026-11-01T10:08:00.000Z' },
    ]);
    expect(rebuilt.broken).toBe(0);
  });

  it('does not count replies that fit nowhere, or an attempt left before its ending', () => {
    const rebuilt = rebuildAttempts(kettle, [
      answer('opening', 'opening.2', 1),
      answer('nowhere', 'x.1', 2),
      answer('opening', 'opening.2', 3),
      answer('details', 'details.1', 4),
    ]);
    expect(rebuilt.attempts).toEqual([]);
    expect(rebuilt.broken).toBe(1);
    expect(rebuilt.unfinished).toBe(1);
  });
});
