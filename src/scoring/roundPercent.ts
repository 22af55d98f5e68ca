/**
 * 100 × marks / max, rounded half up to one decimal place (56.25 → 56.3).
 * Float products such as 31.25 × 10 can land a hair below .5, so the scaled
 * value is first trimmed to 12 significant digits.
 */
export function roundPercent(marks: number, max: number): number {
  if (max <= 0) return 0;
  const scaled = Number((((100 * marks) / max) * 10).toPrecision(12));
  return Math.floor(scaled + 0.5) / 10;
}

/** Removes float noise from sums of authored credits (0.1 + 0.2 → 0.3). */
export function tidyMarks(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
