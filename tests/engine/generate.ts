/** Scenario generators for property and bounds tests. */
import fc from 'fast-check';
import type { Outcome, Scenario } from '../../src/scenario/index.ts';
import { buildScenario, type RawChoice, type RawNode } from './build.ts';

const POSITIVE = [
  'listen',
  'question',
  'summarise',
  'empathise',
  'apologise',
  'solve',
  'own',
  'thank',
  'follow-up',
];
const FAULTS = ['interrupt', 'blame', 'jargon', 'disclose', 'discriminate'];
const ENDS: Outcome[] = ['resolved', 'escalated', 'unresolved', 'lost'];

const conditionArb = fc.option(
  fc.record(
    {
      performed: fc.subarray(POSITIVE, { minLength: 1, maxLength: 2 }),
      notPerformed: fc.subarray([...POSITIVE, ...FAULTS], { minLength: 1, maxLength: 2 }),
      moodAtLeast: fc.integer({ min: 0, max: 100 }),
      moodBelow: fc.integer({ min: 0, max: 100 }),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined, freq: 2 },
);

const choiceArb = (nodes: number) =>
  fc.record({
    to: fc.nat({ max: nodes - 1 }),
    positive: fc.subarray(POSITIVE, { maxLength: 3 }),
    partial: fc.boolean(),
    faults: fc.oneof({ weight: 4, arbitrary: fc.constant([]) }, fc.subarray(FAULTS, { maxLength: 2 })),
    mood: fc.integer({ min: -40, max: 40 }),
    if: conditionArb,
  });

export interface GenOptions {
  /** Give every choice node a first reply without `if`, so no reachable node is stuck. */
  readonly alwaysOneUnconditional: boolean;
}

/** Marking points over acts (choice ids are added by index once the nodes exist), some essential. */
const markingArb = fc.array(
  fc.record(
    {
      essential: fc.boolean(),
      when: fc.subarray([...POSITIVE, ...FAULTS], { minLength: 1, maxLength: 2 }),
      whenChoice: fc.nat({ max: 20 }),
      unless: fc.subarray(FAULTS, { minLength: 1, maxLength: 2 }),
    },
    { requiredKeys: ['essential'] },
  ),
  { maxLength: 3 },
);

/** Small scenarios with loops, partial credit, faults, conditions, mood swings and marking points. */
export const scenarioArb = (options: GenOptions): fc.Arbitrary<Scenario> =>
  fc
    .record({ choiceNodes: fc.integer({ min: 1, max: 6 }), endNodes: fc.integer({ min: 1, max: 3 }) })
    .chain(({ choiceNodes, endNodes }) => {
      const total = choiceNodes + endNodes;
      return fc.record({
        marking: markingArb,
        mood: fc.integer({ min: 0, max: 100 }),
        ends: fc.array(fc.constantFrom(...ENDS), { minLength: endNodes, maxLength: endNodes }),
        nodes: fc.array(fc.array(choiceArb(total), { minLength: 1, maxLength: 3 }), {
          minLength: choiceNodes,
          maxLength: choiceNodes,
        }),
      });
    })
    .map(({ marking, mood, ends, nodes }) => {
      const name = (i: number) => (i === 1 ? '__proto__' : i === 2 ? 'a.b' : `node-${i}`);
      const entries: [string, RawNode][] = nodes.map((choices, i) => [
        name(i),
        {
          choices: choices.map((c, j): RawChoice => {
            const acts: Record<string, number> = {};
            for (const act of c.positive) acts[act] = c.partial ? 0.5 : 1;
            for (const act of c.faults) acts[act] = 1;
            const unconditional = options.alwaysOneUnconditional && j === 0;
            // The first reply walks forward so every node can reach an ending.
            const to = unconditional ? i + 1 : c.to;
            return {
              to: name(to),
              acts,
              mood: c.mood,
              ...(c.if === undefined || unconditional ? {} : { if: c.if }),
            };
          }),
        },
      ]);
      ends.forEach((end, k) => {
        entries.push([name(nodes.length + k), { end }]);
      });
      const choiceIds = nodes.flatMap((choices, i) => choices.map((_, j) => `${name(i)}.${j + 1}`));
      return buildScenario({
        start: name(0),
        customer: { mood },
        nodes: entries,
        marking: marking.map((point, p) => ({
          id: `point-${p}`,
          essential: point.essential,
          ...(point.when === undefined && point.whenChoice === undefined
            ? {}
            : {
                when: {
                  acts: point.when ?? [],
                  choices:
                    point.whenChoice === undefined
                      ? []
                      : [choiceIds[point.whenChoice % choiceIds.length] ?? ''],
                },
              }),
          ...(point.unless === undefined ? {} : { unless: { acts: point.unless } }),
        })),
      });
    });

/** A deterministic pseudo-random generator (mulberry32), so big fixtures are the same every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A big scenario: `size` nodes, mostly forward replies with some loops back, endings at the end. */
export function bigScenario(size: number, seed = 42): Scenario {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const endings = 20;
  const entries: [string, RawNode][] = [];
  for (let i = 0; i < size - endings; i++) {
    const count = 2 + Math.floor(next() * 2);
    const choices: RawChoice[] = [];
    for (let j = 0; j < count; j++) {
      const back = next() < 0.1;
      const to = back
        ? Math.max(0, i - 1 - Math.floor(next() * 5))
        : Math.min(size - 1, i + 1 + Math.floor(next() * 30));
      choices.push({
        to: `n${to}`,
        acts: next() < 0.2 ? [pick(FAULTS)] : [pick(POSITIVE)],
        mood: Math.floor(next() * 41) - 20,
        ...(j === 2 && next() < 0.5 ? { if: { moodAtLeast: 40 } } : {}),
      });
    }
    choices[0] = { ...choices[0], to: `n${i + 1}` } as RawChoice;
    entries.push([`n${i}`, { choices }]);
  }
  for (let k = size - endings; k < size; k++) entries.push([`n${k}`, { end: pick(ENDS) }]);
  return buildScenario({ id: 'generated', start: 'n0', nodes: entries });
}
