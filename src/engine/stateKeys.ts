import type { Scenario } from '../scenario/index.ts';

/**
 * Generated keys (`n0`, `n1`, … in file order) for a scenario's nodes, for
 * formats that give ids a meaning (Mermaid in `sim graph`). Node ids are
 * tutor-written and may contain dots, spaces or be `__proto__`, so they never
 * become keys.
 */
export interface StateKeys {
  readonly keyOf: ReadonlyMap<string, string>;
  readonly nodeOf: ReadonlyMap<string, string>;
}

/** Numbers the scenario's nodes in file order. */
export function stateKeys(scenario: Scenario): StateKeys {
  const keyOf = new Map<string, string>();
  const nodeOf = new Map<string, string>();
  let n = 0;
  for (const id of scenario.nodes.keys()) {
    const key = `n${n++}`;
    keyOf.set(id, key);
    nodeOf.set(key, id);
  }
  return { keyOf, nodeOf };
}
