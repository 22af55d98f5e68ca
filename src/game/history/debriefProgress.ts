import { type Attempt, calibrate, type Reflection } from '../../progress/index.ts';
import type { DebriefProgress } from '../ui/DebriefView.ts';

/** What the debrief's extras do; the attempt they act on is the latest one saved. */
export interface DebriefActions {
  readonly onTryAgain: (position: number) => void;
  readonly onSaveReflection: (reflection: Reflection) => Promise<void>;
  readonly onEvidence: () => void;
  readonly onHistory: () => void;
}

/**
 * The data the debrief draws its extras from, read off a saved attempt:
 * the learner's own rating against the marks (Assessment), which reply a
 * retry started from, and the reflection saved before. No DOM: tested in
 * Node (tests/game/debriefProgress.test.ts).
 */
export function debriefProgressOf(attempt: Attempt, actions: DebriefActions): DebriefProgress {
  return {
    ...actions,
    selfRating: attempt.selfAssessment === null ? null : calibrate(attempt, attempt.selfAssessment),
    branchOf: attempt.parentId !== null && attempt.forkAt !== null ? attempt.forkAt + 1 : null,
    reflection: attempt.reflection,
  };
}
