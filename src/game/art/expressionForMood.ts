export const EXPRESSIONS = ['furious', 'angry', 'upset', 'neutral', 'pleased', 'delighted'] as const;
export type Expression = (typeof EXPRESSIONS)[number];

/**
 * The face a mood (0–100) shows. Thresholds, lower bound inclusive:
 * furious 0–14, angry 15–34, upset 35–49, neutral 50–64, pleased 65–84, delighted 85–100.
 * Out-of-range and non-finite moods are clamped (NaN counts as neutral).
 */
export function expressionForMood(mood: number): Expression {
  const m = Number.isNaN(mood) ? 50 : Math.min(100, Math.max(0, mood));
  if (m < 15) return 'furious';
  if (m < 35) return 'angry';
  if (m < 50) return 'upset';
  if (m < 65) return 'neutral';
  if (m < 85) return 'pleased';
  return 'delighted';
}
