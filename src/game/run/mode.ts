export const MODES = ['practice', 'assessment'] as const;
/** Practice: feedback after each reply and undo. Assessment: nothing until the debrief. */
export type Mode = (typeof MODES)[number];

export function isMode(value: string | null | undefined): value is Mode {
  return value === 'practice' || value === 'assessment';
}
