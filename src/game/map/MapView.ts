import type { Scenario } from '../../scenario/index.ts';
import type { Exploration } from '../../tutor/index.ts';
import { TUTOR_STRINGS } from '../presenter/strings.ts';
import { h } from '../ui/dom.ts';
import { layoutGraph, NODE_SIZE } from './layoutGraph.ts';

const S = TUTOR_STRINGS.map;
const SVG = 'http://www.w3.org/2000/svg';

export interface MapViewOptions {
  readonly scenario: Scenario;
  readonly modelId: string;
  readonly exploration: Exploration;
  /** Nodes of the current or last run, in order (empty for none). */
  readonly path: readonly string[];
  /** Reply ids of that run, in order. */
  readonly pathChoices: readonly string[];
  /** The node the conversation is at now, if one is on screen. */
  readonly current: string | null;
  /** "Play from here": called with a reachable node's id; null when clicking only inspects. */
  readonly onNode: ((nodeId: string) => void) | null;
}

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  if (text !== undefined) el.textContent = text;
  return el;
}

const shorten = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;

/** How much of the customer's line a node box shows as its label (the whole line is in its name and tooltip). */
const LABEL_CHARS = 40;

/** Zoom limits: "Fit to screen" may go below the buttons' floor so a big graph still fits both ways. */
const ZOOM = { min: 0.2, fitMin: 0.05, max: 2 } as const;

/**
 * The whole branching graph, laid out by dagre: edges (replies) in an SVG
 * layer, nodes as real buttons on top so they can be focused and clicked.
 * Zoom scales the drawing; the box scrolls to pan. Text goes in as text only.
 */
export class MapView {
  readonly element: HTMLElement;
  private zoom = 1;
  private readonly sizer: HTMLElement;
  private readonly canvas: HTMLElement;
  private readonly width: number;
  private readonly height: number;

  constructor(options: MapViewOptions) {
    const { scenario, modelId, exploration, path, pathChoices, current, onNode } = options;
    const placed = layoutGraph(scenario);
    this.width = placed.width;
    this.height = placed.height;
    const onPathNodes = new Set(path);
    const onPathChoices = new Set(pathChoices);

    const edges = svg('svg', {
      class: 'map-edges',
      width: placed.width,
      height: placed.height,
      viewBox: `0 0 ${placed.width} ${placed.height}`,
      'aria-hidden': 'true',
    });
    const defs = svg('defs', {});
    for (const [id, cls] of [
      ['map-arrow', 'map-arrowhead'],
      ['map-arrow-path', 'map-arrowhead on-path'],
    ] as const) {
      const marker = svg('marker', {
        id,
        viewBox: '0 0 10 10',
        refX: 9,
        refY: 5,
        markerWidth: 7,
        markerHeight: 7,
        orient: 'auto-start-reverse',
      });
      marker.append(svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: cls }));
      defs.append(marker);
    }
    edges.append(defs);
    const labels = svg('g', { class: 'map-labels' });
    // Edges on the path are drawn last so they sit on top.
    const ordered = [...placed.edges].sort(
      (a, b) => Number(onPathChoices.has(a.choice.id)) - Number(onPathChoices.has(b.choice.id)),
    );
    for (const edge of ordered) {
      const on = onPathChoices.has(edge.choice.id);
      const d = edge.points
        .map((p, i) => `${i === 0 ? 'M' : 'L'} ${p.x.toFixed(1)} ${p.y.toFixed(1)}`)
        .join(' ');
      edges.append(
        svg('path', {
          d,
          class: `map-edge${on ? ' on-path' : ''}`,
          'data-choice': edge.choice.id,
          'data-on-path': String(on),
          'marker-end': `url(#${on ? 'map-arrow-path' : 'map-arrow'})`,
        }),
      );
      const range = exploration.replies.get(edge.choice.id)?.get(modelId);
      const text = S.edgeLabel(edge.choice.index, range?.best.percent ?? null, range?.worst.percent ?? null);
      const group = svg('g', {
        class: `map-label${on ? ' on-path' : ''}`,
        'data-choice': edge.choice.id,
        transform: `translate(${edge.labelX.toFixed(1)} ${edge.labelY.toFixed(1)})`,
      });
      group.append(
        svg('rect', { x: -48, y: -13, width: 96, height: 26, rx: 6 }),
        svg('text', { x: 0, y: 5, 'text-anchor': 'middle' }, text),
        svg('title', {}, `${edge.choice.id}: ${edge.choice.say}`),
      );
      labels.append(group);
    }
    edges.append(labels);

    const nodesLayer = h('div', { class: 'map-nodes' });
    for (const { node, x, y } of placed.nodes) {
      const reachable = exploration.reached.has(node.id);
      const kind = node.kind === 'end' ? S.ending(node.end) : S.customerNode;
      const line = node.customer.join(' ');
      const tags = [
        node.id === scenario.start ? S.start : null,
        node.id === current ? S.current : null,
        onPathNodes.has(node.id) && node.id !== current ? S.onPath : null,
        reachable ? null : S.unreachable,
      ].filter((t) => t !== null);
      const clickable = onNode !== null && reachable;
      const box = h(
        clickable ? 'button' : 'div',
        {
          class: `map-node ${node.kind === 'end' ? `ending outcome-${node.end}` : 'turn'}`,
          type: clickable ? 'button' : undefined,
          'data-node': node.id,
          'data-on-path': String(onPathNodes.has(node.id)),
          'data-current': node.id === current ? 'true' : undefined,
          'data-reachable': String(reachable),
          'aria-label': [S.nodeLabel(node.id, kind, shorten(line, 120)), ...tags].join('. '),
          // The node id (what the author report and the file call it) is on hover and in the name.
          title: [`${node.id}: ${shorten(line, 200)}`, clickable ? S.playFrom(node.id) : null]
            .filter((t) => t !== null)
            .join('\n'),
          style: `left:${(x - NODE_SIZE.width / 2).toFixed(1)}px;top:${(y - NODE_SIZE.height / 2).toFixed(1)}px;width:${NODE_SIZE.width}px;height:${NODE_SIZE.height}px`,
        },
        // Labelled by what the customer says, which a tutor recognises; not by the file's node id.
        h('span', { class: 'map-node-line' }, shorten(line, LABEL_CHARS)),
        // The box shows the tags a sighted tutor needs in words (path and current are also drawn).
        h(
          'span',
          { class: 'map-node-kind' },
          node.id === current
            ? S.current
            : [kind, node.id === scenario.start ? S.start : null, reachable ? null : S.unreachable]
                .filter((t) => t !== null)
                .join(' · '),
        ),
      );
      if (clickable) box.addEventListener('click', () => onNode(node.id));
      nodesLayer.append(box);
    }

    this.canvas = h('div', { class: 'map-canvas' });
    this.canvas.style.width = `${placed.width}px`;
    this.canvas.style.height = `${placed.height}px`;
    this.canvas.append(edges, nodesLayer);
    this.sizer = h('div', { class: 'map-sizer' }, this.canvas);
    this.element = h(
      'div',
      {
        class: 'map-scroll',
        tabindex: 0,
        'data-testid': 'map',
        role: 'region',
        'aria-label': S.heading(scenario.title),
      },
      this.sizer,
    );
    this.apply();
  }

  /** Multiplies the zoom, between a fifth (or a fit's smaller zoom) and twice the natural size. */
  zoomBy(factor: number): void {
    // Below the floor (after a fit) zooming out stays put rather than jumping back up.
    const floor = Math.min(ZOOM.min, this.zoom);
    this.zoom = Math.min(ZOOM.max, Math.max(floor, this.zoom * factor));
    this.apply();
  }

  /** Zooms so the whole graph fits the box, width and height (never above natural size), and shows it from the top. */
  fit(): void {
    const width = this.element.clientWidth - 16;
    const height = this.element.clientHeight - 16;
    this.zoom =
      width > 0 && height > 0
        ? Math.min(1, Math.max(ZOOM.fitMin, Math.min(width / this.width, height / this.height)))
        : 1;
    this.apply();
    this.element.scrollTo({ left: 0, top: 0 });
  }

  /** Scrolls so a node is in view (the current one when the map opens). */
  reveal(nodeId: string): void {
    const box = this.element.querySelector<HTMLElement>(`[data-node="${CSS.escape(nodeId)}"]`);
    if (box === null) return;
    const left = (box.offsetLeft + box.offsetWidth / 2) * this.zoom - this.element.clientWidth / 2;
    const top = (box.offsetTop + box.offsetHeight / 2) * this.zoom - this.element.clientHeight / 2;
    this.element.scrollTo({ left: Math.max(0, left), top: Math.max(0, top) });
  }

  private apply(): void {
    this.canvas.style.transform = `scale(${this.zoom})`;
    this.sizer.style.width = `${this.width * this.zoom}px`;
    this.sizer.style.height = `${this.height * this.zoom}px`;
    this.element.dataset.zoom = this.zoom.toFixed(2);
  }
}
