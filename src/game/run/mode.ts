import { type Mode, ModeSchema } from '../../progress/index.ts';

/** Practice: feedback after each reply and undo. Assessment: nothing until the debrief. One `Mode` type: saved progress's. */
export type { Mode };
export const MODES: readonly Mode[] = ModeSchema.options;

export function isMode(value: string | null | undefined): value is Mode {
  return value === 'practice' || value === 'assessment';
}
