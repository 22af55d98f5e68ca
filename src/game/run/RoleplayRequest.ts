import type { Handover } from './Handover.ts';
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

/** The request without its hand-over: what Restart, another model or the address replay. */
export function plainRequest(request: RoleplayRequest): RoleplayRequest {
  const { handover: _, ...plain } = request;
  return plain;
}
