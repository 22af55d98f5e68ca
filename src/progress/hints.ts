import type { Choice, Model, ModelStep } from '../scenario/index.ts';
import { tallySteps } from '../scoring/index.ts';

/** How many rungs each hint ladder has: a question first, then a stronger nudge. */
export const HINT_LEVELS = 2;

/** Hint ladders by step id (shared by LASS, LAST and HEAT); other steps get a ladder built from the model file. */
const LADDERS: Readonly<Record<string, readonly [string, string]>> = {
  listen: [
    'Have you let the customer explain?',
    'Ask an open question, or sum up what the customer has told you, before you move on.',
  ],
  hear: [
    'Have you let the customer explain?',
    'Ask an open question, or sum up what the customer has told you, before you move on.',
  ],
  apologise: [
    'Has the customer heard you say sorry yet?',
    'Give a sincere apology for what has happened before you offer a fix.',
  ],
  empathise: [
    'How do you think the customer feels right now?',
    'Show you understand how they feel: name the feeling and why it matters to them.',
  ],
  solve: [
    'Do you know enough now to put things right?',
    'Offer a clear remedy, and take ownership of what happens next.',
  ],
  'take-action': [
    'Do you know enough now to put things right?',
    'Offer a clear remedy, and take ownership of what happens next.',
  ],
  thank: [
    'How will you close the conversation?',
    'Thank the customer for raising the complaint before they go.',
  ],
};

/** The ladder for a step of a model: the shared one for its id, or one made from the step's name and past tense. */
export function hintLadder(model: Model, step: ModelStep): readonly [string, string] {
  return (
    LADDERS[step.id] ?? [
      `Think about the ${step.name} step of ${model.name}.`,
      `Look for a reply in which you have ${step.past}.`,
    ]
  );
}

export interface Hint {
  readonly step: ModelStep;
  readonly level: number;
  readonly text: string;
}

/**
 * The hint for now: about the first step of the model (in its order) that the
 * replies so far have not performed, at `level` (1 = a question, 2 = a
 * stronger nudge). Null when every step has been performed.
 */
export function hintFor(model: Model, choices: readonly Choice[], level: number): Hint | null {
  const tally = tallySteps(model, choices);
  const index = tally.performed.indexOf(0);
  const step = index < 0 ? undefined : model.steps[index];
  if (step === undefined) return null;
  const rung = Math.max(1, Math.min(HINT_LEVELS, Math.trunc(level)));
  return { step, level: rung, text: hintLadder(model, step)[rung - 1] ?? '' };
}
