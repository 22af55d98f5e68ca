import { DEFAULT_LIMITS, searchRuns } from '../analysis/index.ts';
import type { Catalogue, Diagnostic, Scenario } from '../scenario/index.ts';

/**
 * A warning for each node that some run reaches with every reply's `if`
 * failing: the learner would face the customer with nothing to say. The graph
 * alone can't show this; the analysis, which honours conditions, can.
 */
export function stuckNodeWarnings(scenario: Scenario, catalogue: Catalogue): Diagnostic[] {
  const firstWay = new Map<string, readonly number[]>();
  searchRuns(
    scenario,
    [],
    catalogue,
    DEFAULT_LIMITS,
    () => false,
    (node, positions) => {
      if (!firstWay.has(node)) firstWay.set(node, [...positions]);
    },
  );
  return [...firstWay].map(([node, positions]) => {
    const at = scenario.nodes.get(node)?.position ?? { line: 1, column: 1 };
    const way = positions.length === 0 ? 'at the start' : `after --choices ${positions.join(',')}`;
    return {
      file: scenario.file,
      line: at.line,
      column: at.column,
      severity: 'warning',
      code: 'no-reply-offered',
      message: `node '${node}' can offer no reply at all (${way}): every reply's 'if' fails there. Add a reply without 'if', or loosen a condition.`,
    };
  });
}
