import { canReachDistinction } from '../analysis/index.ts';
import type { Catalogue, Diagnostic, Scenario, SourceFile } from '../scenario/index.ts';

/**
 * The contract's warning "a recommended model whose best path cannot reach
 * Distinction", for scenarios that list `models:` themselves. The analysis
 * explores every path (within its bounds) to decide.
 */
export function recommendedModelWarnings(
  scenarios: readonly Scenario[],
  sources: readonly SourceFile[],
  catalogue: Catalogue,
): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  for (const scenario of scenarios) {
    if (!scenario.modelsListed) continue;
    const text = sources.find((s) => s.file === scenario.file)?.text ?? '';
    for (const id of scenario.models) {
      const model = catalogue.models.get(id);
      if (model === undefined || canReachDistinction(scenario, model, catalogue)) continue;
      warnings.push({
        file: scenario.file,
        ...modelPosition(text, id),
        severity: 'warning',
        code: 'no-distinction',
        message: `no path through this scenario reaches Distinction under ${id}: make sure a learner can perform every ${id} step, in order, without a fault, or take ${id} out of 'models'.`,
      });
    }
  }
  return warnings;
}

/** Where the model's id is written on the top-level `models:` line (or the line itself). */
function modelPosition(text: string, id: string): { line: number; column: number } {
  const lines = text.split(/\r?\n/);
  const index = lines.findIndex((line) => /^models\s*:/.test(line));
  if (index < 0) return { line: 1, column: 1 };
  const column = (lines[index] ?? '').toLowerCase().indexOf(id.toLowerCase());
  return { line: index + 1, column: column < 0 ? 1 : column + 1 };
}
