import type { ConversationView } from '../../engine/index.ts';
import type { Mode } from './mode.ts';

/** What the menu (or a deep link) asks the role-play scene to play. */
export interface RoleplayRequest {
  readonly scenarioId: string;
  readonly modelId: string;
  readonly mode: Mode;
  /** A reply-order seed fixed by the address (`?seed=`, for tests and demos); otherwise each new run draws one. */
  readonly seed?: number;
}

/** What the role-play hands the debrief: the request, the final view of the conversation and the run's reply-order seed. */
export interface DebriefRequest {
  readonly request: RoleplayRequest;
  readonly view: ConversationView;
  readonly seed: number;
}
