import type { Attempt, Reflection, Rehearsal, SavedRun, SelfAssessment, Store } from './schema.ts';

/** The store with this attempt added, or replacing the one with its id. */
export function withAttempt(store: Store, attempt: Attempt): Store {
  const others = store.attempts.filter((a) => a.id !== attempt.id);
  const attempts = [...others, attempt].sort((a, b) =>
    a.finishedAt < b.finishedAt ? -1 : a.finishedAt > b.finishedAt ? 1 : 0,
  );
  return { ...store, attempts };
}

export function withRun(store: Store, run: SavedRun | null): Store {
  return { ...store, run };
}

/** The run with one more reply. */
export function runWithChoice(run: SavedRun, choiceId: string, now: string): SavedRun {
  return { ...run, choices: [...run.choices, choiceId], updatedAt: now };
}

export function attemptWithSelfAssessment(attempt: Attempt, self: SelfAssessment, now: string): Attempt {
  return { ...attempt, selfAssessment: self, updatedAt: now };
}

export function attemptWithReflection(attempt: Attempt, reflection: Reflection, now: string): Attempt {
  return { ...attempt, reflection, updatedAt: now };
}

/** The run with a turn's rehearsal self-marks: one per turn, so marking a turn again replaces its earlier marks. */
export function runWithRehearsal(run: SavedRun, mark: Rehearsal, now: string): SavedRun {
  const others = (run.rehearsed ?? []).filter((m) => m.at !== mark.at || m.node !== mark.node);
  const rehearsed = [...others, { ...mark, steps: [...mark.steps] }].sort((a, b) => a.at - b.at);
  return { ...run, rehearsed, updatedAt: now };
}
