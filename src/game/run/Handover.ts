import type { SavedRun } from '../../progress/index.ts';

/**
 * A run handed to the next role-play in the scene's data (never a module
 * variable): the menu's Resume banner (`resume`), the debrief's "try again
 * from here" (`branch`), presenter mode's, the map's or the editor's "play
 * from here" (`jump`, with the notice the role-play shows).
 */
export interface Handover {
  readonly kind: 'resume' | 'branch' | 'jump';
  readonly run: SavedRun;
  readonly notice?: string;
}
