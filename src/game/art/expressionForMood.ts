import type { Outcome } from '../../scenario/index.ts';

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

const RANK: Readonly<Record<Expression, number>> = {
  furious: 0,
  angry: 1,
  upset: 2,
  neutral: 3,
  pleased: 4,
  delighted: 5,
};

/**
 * The face at an ending: the mood's, kept within what the outcome means, so
 * the last face never contradicts the last line. A resolved customer on a
 * middling mood (35 or more) smiles, at least pleased; one resolved on a low
 * mood (a grudging "Fine. Thanks.") at least stops frowning, neutral. One left
 * unresolved is at most upset, one lost at most angry; an escalation keeps the mood's face.
 */
export function expressionForEnding(outcome: Outcome, mood: number): Expression {
  const face = expressionForMood(mood);
  const [lowest, highest]: readonly [Expression, Expression] =
    outcome === 'resolved'
      ? [mood >= 35 ? 'pleased' : 'neutral', 'delighted']
      : outcome === 'unresolved'
        ? ['furious', 'upset']
        : outcome === 'lost'
          ? ['furious', 'angry']
          : ['furious', 'delighted'];
  if (RANK[face] < RANK[lowest]) return lowest;
  if (RANK[face] > RANK[highest]) return highest;
  return face;
}
