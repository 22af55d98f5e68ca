import type { ConversationView } from '../../engine/index.ts';
import type { Attempt, SavedRun } from '../../progress/index.ts';
import type { LearnerRun, RunChange } from './LearnerRun.ts';

/** A run at its end, as the debrief hands it back: the saved run, its last view and the attempt it became. */
export interface FinishedRun {
  readonly saved: SavedRun;
  readonly view: ConversationView;
  readonly attempt: Attempt;
}

/**
 * Something that follows every learner's run: saved progress, the LMS report,
 * the customer's voice. Registered once on the page's `RunService` (in
 * main.ts), it is told of each run in order: `started` with the view the run
 * begins with (any resumed replies already replayed: `run.source` says where
 * from), `changed` after each reply, undo or hint, `finished` once the debrief
 * has the attempt (a promise is waited for: the debrief shows what is saved),
 * and `closed` when the role-play scene lets the run go. A fault in one
 * observer is caught: it never stops play or the other observers.
 */
export interface RunObserver {
  started?(run: LearnerRun): void;
  changed?(change: RunChange): void;
  finished?(finished: FinishedRun): void | Promise<void>;
  closed?(run: LearnerRun): void;
}
