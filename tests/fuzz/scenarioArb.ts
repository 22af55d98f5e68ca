/**
 * Small but awkward scenario files for the engine fuzz: prototype names and
 * dots as ids, loops, `if` conditions that can strand the learner, partial
 * credit, faults (critical ones too), extreme moods and marking points.
 * They are written as YAML and go through the real loader.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';

const NODE_IDS = [
  'opening',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'a.b',
  '01',
  'x y',
  'n0',
  'details',
  'end-1',
];
const POSITIVE = ['listen', 'question', 'summarise', 'empathise', 'apologise', 'solve', 'own', 'thank'];
const FAULTS = ['interrupt', 'blame', 'jargon', 'disclose', 'discriminate'];
const ACTS = [...POSITIVE, ...FAULTS, 'follow-up', 'inform', 'verify'];
const OUTCOMES = ['resolved', 'escalated', 'unresolved', 'lost'];
const SAYS = [
  'Sorry to hear that.',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  "{{constructor.constructor('alert(1)')()}}",
  '\u202eevil\u202c',
  '__proto__',
];

const conditionArb = fc.record(
  {
    performed: fc.subarray(ACTS, { minLength: 1, maxLength: 2 }),
    notPerformed: fc.subarray(ACTS, { minLength: 1, maxLength: 2 }),
    moodAtLeast: fc.integer({ min: -10, max: 110 }),
    moodBelow: fc.integer({ min: -10, max: 110 }),
  },
  { requiredKeys: [] },
);

const choiceArb = fc.record({
  to: fc.nat(),
  say: fc.constantFrom(...SAYS),
  positive: fc.subarray(POSITIVE, { maxLength: 3 }),
  credit: fc.constantFrom(1, 1, 0.5, 0.25, 0.1),
  faults: fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, fc.subarray(FAULTS, { maxLength: 2 })),
  mood: fc.integer({ min: -120, max: 120 }),
  if: fc.option(conditionArb, { nil: undefined, freq: 2 }),
  id: fc.option(fc.constantFrom('__proto__', 'constructor', 'custom.id'), { nil: undefined, freq: 6 }),
  /** Lets the first reply have a condition too, so every reply of a node can fail and strand the learner. */
  strand: fc.nat({ max: 5 }).map((n) => n === 0),
});

/** Scenario files as YAML text; the loader may still refuse a few (e.g. an id used twice). */
export const scenarioYamlArb: fc.Arbitrary<string> = fc
  .record({
    ids: fc.shuffledSubarray(NODE_IDS, { minLength: 2, maxLength: 8 }),
    ends: fc.integer({ min: 1, max: 3 }),
    mood: fc.integer({ min: 0, max: 100 }),
    nodes: fc.array(fc.array(choiceArb, { minLength: 1, maxLength: 4 }), { minLength: 8, maxLength: 8 }),
    outcomes: fc.array(fc.constantFrom(...OUTCOMES), { minLength: 3, maxLength: 3 }),
    marking: fc.array(
      fc.record({
        id: fc.constantFrom('__proto__', 'constructor', 'open-questions', 'toString'),
        acts: fc.subarray(ACTS, { maxLength: 2 }),
        unless: fc.subarray(FAULTS, { maxLength: 1 }),
        choice: fc.boolean(),
      }),
      { maxLength: 3 },
    ),
    models: fc.option(fc.subarray(['LASS', 'LAST', 'HEAT', 'heat'], { minLength: 1 }), { nil: undefined }),
  })
  .map(({ ids, ends, mood, nodes, outcomes, marking, models }) => {
    const endCount = Math.min(ends, ids.length - 1);
    const choiceIds = ids.slice(0, ids.length - endCount);
    const nodeMap = new Map<string, unknown>();
    const usedChoiceIds = new Set<string>();
    const firstChoice: string[] = [];
    choiceIds.forEach((id, i) => {
      const choices = (nodes[i] ?? []).map((c, j) => {
        // The first reply walks forward (and usually has no condition), so every node can reach an ending.
        const to = j === 0 ? (ids[i + 1] ?? ids[0]) : ids[c.to % ids.length];
        const acts: Record<string, number> = {};
        for (const act of c.positive) acts[act] = c.credit;
        for (const act of c.faults) acts[act] = 1;
        const explicitId = c.id !== undefined && !usedChoiceIds.has(c.id) ? c.id : undefined;
        if (explicitId !== undefined) usedChoiceIds.add(explicitId);
        const choiceId = explicitId ?? `${id}.${j + 1}`;
        if (j === 0) firstChoice.push(choiceId);
        return new Map<string, unknown>([
          ['say', c.say],
          ['to', to],
          ['acts', new Map(Object.entries(acts))],
          ['mood', c.mood],
          ['feedback', 'Feedback.'],
          ...(explicitId === undefined ? [] : [['id', explicitId] as [string, unknown]]),
          ...(c.if === undefined || (j === 0 && !c.strand) ? [] : [['if', c.if] as [string, unknown]]),
        ]);
      });
      nodeMap.set(
        id,
        new Map<string, unknown>([
          ['customer', `Line of ${id}`],
          ['choices', choices],
        ]),
      );
    });
    ids.slice(ids.length - endCount).forEach((id, i) => {
      nodeMap.set(
        id,
        new Map<string, unknown>([
          ['customer', 'Bye.'],
          ['end', outcomes[i] ?? 'lost'],
        ]),
      );
    });
    const markingPoints = marking.map((m, i) => {
      const when = new Map<string, unknown>();
      if (m.acts.length > 0) when.set('acts', m.acts);
      if (m.choice && firstChoice[0] !== undefined) when.set('choices', [firstChoice[0]]);
      return new Map<string, unknown>([
        ['id', i === 0 ? m.id : `${m.id}-${i}`],
        ['text', 'A marking point.'],
        ...(when.size === 0 ? [] : [['when', when] as [string, unknown]]),
        ...(m.unless.length === 0 ? [] : [['unless', { acts: m.unless }] as [string, unknown]]),
      ]);
    });
    const file = new Map<string, unknown>([
      ['id', 'generated'],
      ['title', 'Generated'],
      ['summary', 'A generated scenario.'],
      ['channel', 'chat'],
      ...(models === undefined ? [] : [['models', models] as [string, unknown]]),
      ['customer', { name: 'Ms Fuzz', mood }],
      ['start', ids[0]],
      ['nodes', nodeMap],
      ...(markingPoints.length === 0 ? [] : [['marking', markingPoints] as [string, unknown]]),
    ]);
    return stringify(file, { aliasDuplicateObjects: false, lineWidth: 0 });
  });
