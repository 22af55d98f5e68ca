/**
 * A seeded generator of random branching scenarios, written out both as our
 * YAML and as ink source, so the two engines play exactly the same graph.
 *
 * Shape: the first 90% of nodes ask a question with three replies, the rest
 * are endings. Reply 1 of choice node i leads to node i + 1 (so every node is
 * reachable from the start and every node can reach an ending); replies 2 and
 * 3 lead anywhere, loops included. Every ending gets at least one way in.
 * Each reply has 0–2 acts (faults included) and a mood delta in [-15, 15].
 */
import { mulberry32, pick } from './rng.ts';

const ACTS = [
  'listen',
  'question',
  'summarise',
  'empathise',
  'apologise',
  'solve',
  'own',
  'inform',
  'thank',
  'follow-up',
  'interrupt',
  'jargon',
  'blame',
  'deflect',
];
const OUTCOMES = ['resolved', 'escalated', 'unresolved', 'lost'] as const;

export interface GenChoice {
  readonly to: number;
  readonly acts: readonly string[];
  readonly mood: number;
}

export type GenNode =
  | { readonly kind: 'choices'; readonly choices: readonly GenChoice[] }
  | { readonly kind: 'end'; readonly end: (typeof OUTCOMES)[number] };

export interface GenScenario {
  readonly id: string;
  readonly startMood: number;
  /** Node i is called `n<i>`; node 0 is the start. */
  readonly nodes: readonly GenNode[];
}

export const REPLIES_PER_NODE = 3;

/** The node's id in both formats. */
export function nodeName(i: number): string {
  return `n${i}`;
}

/** A random scenario of `size` nodes (at least 2), the same for the same seed. */
export function generateScenario(size: number, seed: number): GenScenario {
  if (size < 2) throw new Error('a generated scenario needs at least two nodes');
  const rng = mulberry32(seed);
  const endings = Math.max(1, Math.round(size / 10));
  const choiceNodes = size - endings;
  const drafts: { to: number; acts: string[]; mood: number }[][] = [];
  for (let i = 0; i < choiceNodes; i++) {
    const choices = [];
    for (let r = 0; r < REPLIES_PER_NODE; r++) {
      const acts: string[] = [];
      const count = pick(rng, 3);
      while (acts.length < count) {
        const act = ACTS[pick(rng, ACTS.length)] as string;
        if (!acts.includes(act)) acts.push(act);
      }
      const mood = pick(rng, 31) - 15;
      // A reply that upsets the customer must name its act or fault (the validator warns otherwise):
      // one with no act does not lower the mood. The same random draws either way.
      choices.push({
        to: r === 0 ? i + 1 : pick(rng, size),
        acts,
        mood: acts.length === 0 ? Math.max(0, mood) : mood,
      });
    }
    drafts.push(choices);
  }
  // Make sure every ending has a way in: ending k gets one from a distinct choice node.
  const incoming = new Set(drafts.flatMap((choices) => choices.map((c) => c.to)));
  for (let k = 0; k < endings; k++) {
    const ending = choiceNodes + k;
    if (incoming.has(ending)) continue;
    // Take a reply that leads to a choice node (those are all reached along the chain i → i + 1).
    for (let j = Math.floor((k * choiceNodes) / endings); j < choiceNodes; j++) {
      const last = drafts[j]?.[REPLIES_PER_NODE - 1];
      if (last === undefined || last.to >= choiceNodes) continue;
      last.to = ending;
      break;
    }
  }
  const nodes: GenNode[] = drafts.map((choices) => ({ kind: 'choices', choices }));
  for (let k = 0; k < endings; k++)
    nodes.push({ kind: 'end', end: OUTCOMES[pick(rng, OUTCOMES.length)] ?? 'lost' });
  return { id: `bench-${size}-${seed}`, startMood: 50, nodes };
}

/** The scenario as a tutor would write it (block style, feedback on every reply, so it loads without warnings). */
export function toYaml(scenario: GenScenario): string {
  const out: string[] = [
    `id: ${scenario.id}`,
    `title: Generated scenario of ${scenario.nodes.length} nodes`,
    'summary: A random branching conversation for benchmarks.',
    'channel: chat',
    'customer:',
    '  name: Sam Bench',
    `  mood: ${scenario.startMood}`,
    `start: ${nodeName(0)}`,
    'nodes:',
  ];
  for (const [i, node] of scenario.nodes.entries()) {
    out.push(`  ${nodeName(i)}:`);
    out.push(`    customer: This is what the customer says at node ${i}.`);
    if (node.kind === 'end') {
      out.push(`    end: ${node.end}`);
      continue;
    }
    out.push('    choices:');
    for (const [r, choice] of node.choices.entries()) {
      out.push(`      - say: Reply ${r + 1} at node ${i}.`);
      out.push(`        to: ${nodeName(choice.to)}`);
      if (choice.acts.length > 0) out.push(`        acts: [${choice.acts.join(', ')}]`);
      if (choice.mood !== 0) out.push(`        mood: ${choice.mood}`);
      out.push(`        feedback: Feedback on reply ${r + 1} at node ${i}.`);
    }
  }
  return `${out.join('\n')}\n`;
}

/**
 * The same scenario in ink: one knot per node, sticky choices (`+`, since
 * loops revisit knots), acts as choice tags, mood in a VAR clamped to 0–100
 * exactly as our engine clamps it.
 */
export function toInk(scenario: GenScenario): string {
  const out: string[] = [`VAR mood = ${scenario.startMood}`, `-> ${nodeName(0)}`, ''];
  for (const [i, node] of scenario.nodes.entries()) {
    out.push(`=== ${nodeName(i)} ===`);
    out.push(`This is what the customer says at node ${i}.`);
    if (node.kind === 'end') {
      out.push(`# end: ${node.end}`, '-> END', '');
      continue;
    }
    for (const [r, choice] of node.choices.entries()) {
      const tags = choice.acts.map((act) => ` # ${act}`).join('');
      out.push(`+ [Reply ${r + 1} at node ${i}.]${tags}`);
      if (choice.mood !== 0) out.push(`  ~ mood = MIN(100, MAX(0, mood + ${choice.mood}))`);
      out.push(`  -> ${nodeName(choice.to)}`);
    }
    out.push('');
  }
  return out.join('\n');
}
