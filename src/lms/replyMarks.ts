import type { Catalogue, Choice, Model } from '../scenario/index.ts';
import { creditFor } from '../scoring/index.ts';

/** One reply judged against a model, as interactions and `answered` statements record it. */
export interface ReplyMarks {
  /** Model steps the reply earns credit towards, with the credit (0–1]. */
  readonly steps: readonly { readonly id: string; readonly credit: number }[];
  /** Fault acts in the reply, with their penalty. */
  readonly faults: readonly { readonly act: string; readonly penalty: number; readonly critical: boolean }[];
  /**
   * correct: earns marks towards a step and costs none; wrong: costs marks (any
   * fault); neutral: neither.
   */
  readonly result: 'correct' | 'wrong' | 'neutral';
}

/** How a single reply counts under a model: the steps it credits, the faults it commits. */
export function replyMarks(choice: Choice, model: Model, catalogue: Catalogue): ReplyMarks {
  const steps = model.steps
    .map((step) => ({ id: step.id, credit: creditFor(choice, step) }))
    .filter((step) => step.credit > 0);
  const faults = choice.acts.flatMap(({ act }) => {
    const entry = catalogue.acts.get(act);
    return entry?.fault === true ? [{ act, penalty: entry.penalty, critical: entry.critical }] : [];
  });
  const result = faults.length > 0 ? 'wrong' : steps.length > 0 ? 'correct' : 'neutral';
  return { steps, faults, result };
}

/** Act names of a reply, in file order ("Listen, Apologise"); unknown acts by id. */
export function actNames(choice: Choice, catalogue: Catalogue): string[] {
  return choice.acts.map(({ act }) => catalogue.acts.get(act)?.name ?? act);
}
