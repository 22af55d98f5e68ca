import { nextMood, offeredChoices } from '../engine/index.ts';
import type { Choice, Scenario } from '../scenario/index.ts';

/** One reply of a replayed run: the node it was given at and what was offered there. */
export interface ReplayedStep {
  readonly node: string;
  readonly offered: readonly Choice[];
  readonly choice: Choice;
}

export type Replay =
  | {
      readonly ok: true;
      readonly steps: readonly ReplayedStep[];
      /** The node reached after the last reply. */
      readonly node: string;
      readonly ended: boolean;
    }
  | {
      readonly ok: false;
      readonly reason: 'unknown-choice' | 'not-offered' | 'past-ending';
      /** 0-based position of the reply that did not fit. */
      readonly at: number;
      readonly choiceId: string;
      readonly node: string;
    };

/**
 * Replays reply ids from the start with the engine's own rules (`offeredChoices`,
 * `nextMood`) without building a machine: each id must exist and be offered
 * where it is given, or the replay says which one did not fit.
 */
export function replayChoices(scenario: Scenario, choiceIds: readonly string[]): Replay {
  let node = scenario.start;
  let mood = scenario.customer.mood;
  const acts = new Set<string>();
  const steps: ReplayedStep[] = [];
  for (const [at, choiceId] of choiceIds.entries()) {
    const here = scenario.nodes.get(node);
    if (here === undefined || here.kind === 'end')
      return { ok: false, reason: 'past-ending', at, choiceId, node };
    const choice = scenario.choices.get(choiceId);
    if (choice === undefined) return { ok: false, reason: 'unknown-choice', at, choiceId, node };
    const offered = offeredChoices(scenario, node, { mood, performed: acts });
    if (!offered.includes(choice)) return { ok: false, reason: 'not-offered', at, choiceId, node };
    steps.push({ node, offered, choice });
    for (const { act } of choice.acts) acts.add(act);
    mood = nextMood(mood, choice.mood);
    node = choice.to;
  }
  return { ok: true, steps, node, ended: scenario.nodes.get(node)?.kind === 'end' };
}
