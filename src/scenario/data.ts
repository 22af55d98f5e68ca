import type { Act, Catalogue, Choice, Model, Scenario, ScenarioNode } from './types.ts';

/**
 * Plain-JSON forms of a checked scenario and catalogue, so the build can
 * check the bundled library once and the browser need not parse YAML at
 * start-up. Maps become arrays; reading them back rebuilds the Maps.
 */
export interface ScenarioData extends Omit<Scenario, 'nodes' | 'choices'> {
  readonly nodes: readonly ScenarioNode[];
}

export interface CatalogueData {
  readonly acts: readonly Act[];
  readonly models: readonly Model[];
}

export function scenarioToData(scenario: Scenario): ScenarioData {
  const { nodes, choices: _choices, ...rest } = scenario;
  return { ...rest, nodes: [...nodes.values()] };
}

export function scenarioFromData(data: ScenarioData): Scenario {
  const nodes = new Map<string, ScenarioNode>(data.nodes.map((n) => [n.id, n]));
  const choices = new Map<string, Choice>();
  for (const node of data.nodes)
    if (node.kind === 'choices') for (const c of node.choices) choices.set(c.id, c);
  return { ...data, nodes, choices };
}

export function catalogueToData(catalogue: Catalogue): CatalogueData {
  return { acts: [...catalogue.acts.values()], models: [...catalogue.models.values()] };
}

export function catalogueFromData(data: CatalogueData): Catalogue {
  return {
    acts: new Map(data.acts.map((a) => [a.id, a])),
    models: new Map(data.models.map((m) => [m.id, m])),
  };
}
