import type { LearnerRun, RunChange, RunObserver } from '../run/index.ts';
import type { Narrator } from './Narrator.ts';

/**
 * The customer's voice as an observer of every run: speaks each customer
 * turn once, when it first appears (not again after an undo), and stops
 * speaking when the role-play lets the run go. A resumed run starts with its
 * replies already replayed, so only the turn it lands on is spoken.
 */
export class RunVoice implements RunObserver {
  private readonly spoken = new WeakMap<LearnerRun, number>();

  constructor(private readonly narrator: Narrator) {}

  started(run: LearnerRun): void {
    const view = run.view();
    this.spoken.set(run, view.path.length);
    this.narrator.sayTurn(view.node.customer);
  }

  changed({ run, view }: RunChange): void {
    const spoken = this.spoken.get(run) ?? 0;
    this.spoken.set(run, view.path.length);
    if (view.path.length > spoken) this.narrator.sayTurn(view.node.customer);
  }

  closed(run: LearnerRun): void {
    this.spoken.delete(run);
    this.narrator.stop();
  }
}
