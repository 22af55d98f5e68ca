import { Graph, layout } from '@dagrejs/dagre';
import type { Choice, Scenario, ScenarioNode } from '../../scenario/index.ts';

/** Size of a node box and an edge label, in map units (CSS pixels at zoom 1). */
export const NODE_SIZE = { width: 230, height: 76 } as const;
const LABEL_SIZE = { width: 96, height: 26 } as const;

export interface PlacedNode {
  readonly node: ScenarioNode;
  /** Centre of the box. */
  readonly x: number;
  readonly y: number;
}

export interface PlacedEdge {
  readonly choice: Choice;
  readonly points: readonly { readonly x: number; readonly y: number }[];
  /** Centre of the label. */
  readonly labelX: number;
  readonly labelY: number;
}

export interface MapLayout {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
}

/**
 * Lays the scenario out top to bottom with dagre (a layered graph layout):
 * one box per node, one edge per reply (a multigraph, so two replies to the
 * same node are two edges), each edge with room for its label.
 */
export function layoutGraph(scenario: Scenario): MapLayout {
  const g = new Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 36, ranksep: 70, edgesep: 14, marginx: 24, marginy: 24 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of scenario.nodes.values())
    g.setNode(node.id, { width: NODE_SIZE.width, height: NODE_SIZE.height });
  for (const choice of scenario.choices.values())
    g.setEdge(
      choice.node,
      choice.to,
      { width: LABEL_SIZE.width, height: LABEL_SIZE.height, labelpos: 'c' },
      choice.id,
    );
  layout(g);
  const nodes: PlacedNode[] = [];
  for (const node of scenario.nodes.values()) {
    const placed = g.node(node.id) as { x?: number; y?: number } | undefined;
    nodes.push({ node, x: placed?.x ?? 0, y: placed?.y ?? 0 });
  }
  const edges: PlacedEdge[] = [];
  for (const choice of scenario.choices.values()) {
    const placed = g.edge({ v: choice.node, w: choice.to, name: choice.id }) as
      | { points?: { x: number; y: number }[]; x?: number; y?: number }
      | undefined;
    const points = placed?.points ?? [];
    const mid = points[Math.floor(points.length / 2)] ?? { x: 0, y: 0 };
    edges.push({ choice, points, labelX: placed?.x ?? mid.x, labelY: placed?.y ?? mid.y });
  }
  const size = g.graph() as { width?: number; height?: number };
  return { width: Math.ceil(size.width ?? 0), height: Math.ceil(size.height ?? 0), nodes, edges };
}
