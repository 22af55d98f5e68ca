import type { Scenario } from '../scenario/index.ts';
import type { XapiAnswer } from './classFiles.ts';

/** One attempt rebuilt from `answered` statements: its reply ids, and when its last reply was given. */
export interface RebuiltAttempt {
  readonly choices: readonly string[];
  readonly finishedAt: string;
}

export interface Rebuilt {
  readonly attempts: readonly RebuiltAttempt[];
  /** Replies that fit nowhere on this scenario (changed since, or not ours): their attempts are not counted. */
  readonly broken: number;
  /** Attempts whose replies stop before an ending. */
  readonly unfinished: number;
}

/**
 * Rebuilds attempts from one learner's replies in one registration, oldest
 * first. The reporter sends each reply once (`docs/lms.md`): a reply taken back
 * (undo) stays recorded, and a resumed run or "try again from here" does not
 * resend the replies before it. So a reply is placed where its node is:
 * - at the node the attempt has reached: the next reply;
 * - at a node the attempt passed earlier (or after a finished attempt, at a
 *   node on its path): the replies from there on were taken back, or this is a
 *   retry from that fork, and it continues from the replies before it;
 * - at the start: a new attempt.
 * An attempt is finished when a reply reaches an ending (its time is that
 * reply's). Replies that fit nowhere (an unknown reply id, a node off the
 * path) break the attempt they would belong to; it is not counted.
 */
export function rebuildAttempts(scenario: Scenario, answers: readonly XapiAnswer[]): Rebuilt {
  const attempts: RebuiltAttempt[] = [];
  let broken = 0;
  let unfinished = 0;
  let choices: string[] = [];
  let nodes: string[] = [];
  let here = scenario.start;
  let finished = false;
  let bad = false;
  for (const answer of answers) {
    const choice = scenario.choices.get(answer.choice);
    if (!finished && !bad && here === answer.node) {
      // The next reply.
    } else {
      const at = nodes.lastIndexOf(answer.node);
      if (!bad && at >= 0) {
        choices = choices.slice(0, at);
        nodes = nodes.slice(0, at);
      } else if (answer.node === scenario.start) {
        // An attempt left before its ending, then a fresh one.
        if (!finished && !bad && choices.length > 0) unfinished++;
        choices = [];
        nodes = [];
        bad = false;
      } else {
        if (!bad) broken++;
        bad = true;
        continue;
      }
      finished = false;
    }
    const node = scenario.nodes.get(answer.node);
    if (choice === undefined || node?.kind !== 'choices' || !node.choices.includes(choice)) {
      if (!bad) broken++;
      bad = true;
      continue;
    }
    choices.push(choice.id);
    nodes.push(answer.node);
    here = choice.to;
    if (scenario.nodes.get(here)?.kind === 'end') {
      attempts.push({ choices: [...choices], finishedAt: answer.at });
      finished = true;
    }
  }
  if (!finished && !bad && choices.length > 0) unfinished++;
  return { attempts, broken, unfinished };
}
