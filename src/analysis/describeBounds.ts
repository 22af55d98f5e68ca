import type { ScenarioAnalysis, Truncation } from './types.ts';

const count = (n: number): string => n.toLocaleString('en-GB');

/** One sentence stating the search's bounds and whether they cut it short. */
export function describeBounds(
  bounds: ScenarioAnalysis['bounds'],
  truncated: Truncation,
  runs: number,
): string {
  const loops = `Each node is visited at most ${bounds.visitsPerNode === 1 ? 'once' : `${count(bounds.visitsPerNode)} times`} per run (longer loops are not explored).`;
  switch (truncated) {
    case 'none':
      return `${loops} Explored all ${count(runs)} complete ${runs === 1 ? 'run' : 'runs'} within that bound.`;
    case 'max-runs':
      return `${loops} Explored the first ${count(runs)} complete runs; the scenario has more (limit ${count(bounds.maxRuns)} runs).`;
    case 'max-steps':
      return `${loops} Stopped after following ${count(bounds.maxSteps)} replies, having explored the first ${count(runs)} complete runs; the scenario may have more.`;
  }
}
