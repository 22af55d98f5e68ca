/**
 * 100 × marks / max, rounded half up to one decimal place (56.25 → 56.3).
 * A float quotient can land a hair below .5 (marks summed from credits such
 * as 0.1 + 0.2), so tenths of a percent are first rounded to a millionth.
 */
export function roundPercent(marks: number, max: number): number {
  if (max <= 0) return 0;
  const tenths = Math.round(((1000 * marks) / max) * 1e6) / 1e6;
  return Math.floor(tenths + 0.5) / 10;
}

/** Removes float noise from sums of authored credits (0.1 + 0.2 → 0.3). */
export function tidyMarks(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
