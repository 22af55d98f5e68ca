import type { ConversationView } from '../../engine/index.ts';
import type { LearnerRun } from './LearnerRun.ts';
import type { RoleplayRequest } from './RoleplayRequest.ts';

/** What the role-play hands the debrief: the request, the final view of the conversation and the run itself. */
export interface DebriefRequest {
  readonly request: RoleplayRequest;
  readonly view: ConversationView;
  readonly seed: number;
  /** The finished run (its saved run and the attempt it becomes); absent when a test or tool opens the debrief alone. */
  readonly run?: LearnerRun;
}
