import { type ConversationView, replyOrder } from '../../engine/index.ts';
import type { Choice } from '../../scenario/index.ts';

/**
 * The reply-order seed of the run on screen (one per role-play scene, so no
 * module state). It starts as a fresh seed; the LMS and saved progress swap in
 * the seed of the run they resume before they replay it. It is `settled` once
 * saved progress has decided which run this is: until then the replies stay
 * hidden, so a learner never sees one order and then another.
 */
export class RunSeed {
  private current: number;
  private decided = false;
  private readonly listeners = new Set<() => void>();

  constructor(seed: number) {
    this.current = seed >>> 0;
  }

  get value(): number {
    return this.current;
  }

  get settled(): boolean {
    return this.decided;
  }

  /** This run is another's continuation (the LMS resuming): use its seed from now on. */
  use(seed: number): void {
    const changed = seed >>> 0 !== this.current;
    this.current = seed >>> 0;
    if (changed) this.notify();
  }

  /** The run is decided and `seed` is its seed (the one already held, for a new run). */
  settle(seed: number = this.current): void {
    const changed = seed >>> 0 !== this.current || !this.decided;
    this.current = seed >>> 0;
    this.decided = true;
    if (changed) this.notify();
  }

  /** The replies offered in `view`, in the order this run shows them at this turn. */
  arrange(view: ConversationView): readonly Choice[] {
    return replyOrder(this.current, { at: view.transcript.length, node: view.node.id }, view.offered);
  }

  /** Called after the seed changes or settles; returns an unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
