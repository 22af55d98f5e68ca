import type { ConversationView } from '../../engine/index.ts';
import type { Mode } from './mode.ts';

/** What the menu (or a deep link) asks the role-play scene to play. */
export interface RoleplayRequest {
  readonly scenarioId: string;
  readonly modelId: string;
  readonly mode: Mode;
}

/** What the role-play hands the debrief: the request and the final view of the conversation. */
export interface DebriefRequest {
  readonly request: RoleplayRequest;
  readonly view: ConversationView;
}
