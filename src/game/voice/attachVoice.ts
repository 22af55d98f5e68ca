import type * as Phaser from 'phaser';
import type { ConversationSession, ConversationView } from '../../engine/index.ts';
import { currentNarrator } from './Narrator.ts';

/**
 * The role-play's hook for the customer's voice: speaks each customer turn
 * once, when it first appears (not again after an undo), and stops speaking
 * when the scene ends. A run replayed on resume speaks only where it lands.
 */
export function attachVoice(scene: Phaser.Scene, session: ConversationSession): void {
  const narrator = currentNarrator();
  if (narrator === null) return;
  let spoken = 0;
  let pending: ConversationView | null = null;
  const onView = (view: ConversationView): void => {
    if (view.path.length <= spoken) {
      spoken = view.path.length;
      return;
    }
    // Replies replayed in one go (resuming a saved run) arrive together: speak only the last turn.
    const first = pending === null;
    pending = view;
    if (first)
      queueMicrotask(() => {
        const latest = pending;
        pending = null;
        if (latest === null || latest.path.length <= spoken) return;
        spoken = latest.path.length;
        narrator.sayTurn(latest.node.customer);
      });
  };
  const unsubscribe = session.subscribe(onView);
  onView(session.view());
  scene.events.once('shutdown', () => {
    unsubscribe();
    pending = null;
    narrator.stop();
  });
}
