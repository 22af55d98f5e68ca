import type { ConversationView } from '../../engine/index.ts';
import type { Handover } from '../run/Handover.ts';
import type { LearnerRun } from '../run/LearnerRun.ts';
import type { Mode } from './mode.ts';

/** What the menu (or a deep link) asks the role-play scene to play. */
export interface RoleplayRequest {
  readonly scenarioId: string;
  readonly modelId: string;
  readonly mode: Mode;
  /** A reply-order seed fixed by the address (`?seed=`, for tests and demos); otherwise each new run draws one. */
  readonly seed?: number;
  /** A run to continue, handed over by the menu, the debrief or a tutor tool (see `Handover`). */
  readonly handover?: Handover;
}

/** What the role-play hands the debrief: the request, the final view of the conversation and the run itself. */
export interface DebriefRequest {
  readonly request: RoleplayRequest;
  readonly view: ConversationView;
  readonly seed: number;
  /** The finished run (its saved run and the attempt it becomes); absent when a test or tool opens the debrief alone. */
  readonly run?: LearnerRun;
}

/** The request without its hand-over: what Restart, another model or the address replay. */
export function plainRequest(request: RoleplayRequest): RoleplayRequest {
  const { handover: _, ...plain } = request;
  return plain;
}
