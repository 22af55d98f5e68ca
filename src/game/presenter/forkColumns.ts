/**
 * The widths of a fork's columns in presenter mode, as a CSS grid template: one column per reply,
 * each as wide as its words need next to the others. Equal columns leave the longest reply many lines
 * taller than the shortest, and that one reply then decides whether the fork fits the screen; sharing
 * the width by length evens the heights out. Every column also holds the same furniture (letter,
 * votes, bar and, when shown, the marks), counted as `base` characters so a short reply is never a sliver.
 */
/** Room for the letter beside the vote box (−, the count, +). */
const MIN = '11.5rem';

export function forkColumns(says: readonly string[], marks: boolean): string {
  const base = marks ? 220 : 160;
  return says.map((say) => `minmax(${MIN}, ${say.trim().length + base}fr)`).join(' ');
}
