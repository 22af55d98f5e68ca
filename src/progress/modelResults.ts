import type { RunScore } from '../scoring/index.ts';
import type { ModelResult } from './schema.ts';

/** What an attempt keeps of each model's score: percent, band, the limits that held and the marks per step. */
export function modelResults(scores: readonly RunScore[]): ModelResult[] {
  return scores.map((score) => ({
    model: score.model,
    percent: score.score.percent,
    band: score.score.band,
    steps: score.steps.map((step) => ({
      id: step.id,
      name: step.name,
      performed: step.performed,
      marks: step.marks,
      max: step.max,
    })),
    limits: [...score.score.limits],
  }));
}
