import { stateKeys } from '../../engine/index.ts';
import type { Catalogue, Choice, Outcome, Scenario } from '../../scenario/index.ts';
import { loadScenarioForCommand, parseCommandArgs } from '../commandHelpers.ts';
import { type Command, UsageError } from '../io.ts';

const LINE_LENGTH = 40;

const STYLES: Record<Outcome, string> = {
  resolved: 'fill:#d8f0d8,stroke:#2e7d32,color:#1b3d1b',
  escalated: 'fill:#fde9c4,stroke:#b26a00,color:#4a2c00',
  unresolved: 'fill:#e4e4e4,stroke:#616161,color:#222222',
  lost: 'fill:#f8d4d4,stroke:#c62828,color:#4a0d0d',
};

const ENTITIES: Record<string, string> = {
  '#': '#35;',
  '"': '#quot;',
  '<': '#lt;',
  '>': '#gt;',
  '&': '#amp;',
  '|': '#124;',
  '`': '#96;',
  '[': '#91;',
  ']': '#93;',
  '(': '#40;',
  ')': '#41;',
  '{': '#123;',
  '}': '#125;',
};

/** Bidi overrides would reorder the label's text on screen; controls have no business in a chart. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const BIDI_AND_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text made safe inside a quoted Mermaid label: every character Mermaid treats specially becomes an entity code. */
export function escapeLabel(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[#"<>&|`[\](){}]/g, (c) => ENTITIES[c] ?? c)
    .replace(BIDI_AND_CONTROLS, (c) => `#${c.codePointAt(0)};`);
}

function shorten(text: string): string {
  return text.length > LINE_LENGTH ? `${text.slice(0, LINE_LENGTH - 1)}…` : text;
}

function edgeLabel(choice: Choice, catalogue: Catalogue): string {
  const acts = choice.acts.map(({ act, credit }) => {
    const fault = catalogue.acts.get(act)?.fault === true;
    return `${fault ? '⚠ ' : ''}${act}${credit < 1 ? ` ×${credit}` : ''}`;
  });
  const condition = choice.if === undefined ? '' : ' (if)';
  return `${choice.index}${condition}${acts.length > 0 ? `: ${acts.join(', ')}` : ''}`;
}

/** The scenario as a Mermaid `flowchart TD`, with generated ids and endings coloured by outcome. */
export function scenarioGraph(scenario: Scenario, catalogue: Catalogue): string {
  const { keyOf } = stateKeys(scenario);
  const key = (id: string): string => keyOf.get(id) ?? 'missing';
  const lines = ['flowchart TD'];
  const endings = new Map<Outcome, string[]>();
  for (const [id, node] of scenario.nodes) {
    const said = node.customer[0] === undefined ? '' : `<br/>${escapeLabel(shorten(node.customer[0]))}`;
    const label = `<b>${escapeLabel(id)}</b>${said}`;
    if (node.kind === 'end') {
      lines.push(`  ${key(id)}(["${label}<br/><i>${node.end}</i>"])`);
      endings.set(node.end, [...(endings.get(node.end) ?? []), key(id)]);
    } else {
      lines.push(`  ${key(id)}["${label}"]`);
    }
  }
  for (const node of scenario.nodes.values()) {
    if (node.kind !== 'choices') continue;
    for (const choice of node.choices) {
      lines.push(`  ${key(node.id)} -->|"${escapeLabel(edgeLabel(choice, catalogue))}"| ${key(choice.to)}`);
    }
  }
  for (const [outcome, style] of Object.entries(STYLES) as [Outcome, string][]) {
    lines.push(`  classDef ${outcome} ${style}`);
    const keys = endings.get(outcome);
    if (keys !== undefined) lines.push(`  class ${keys.join(',')} ${outcome}`);
  }
  return lines.join('\n');
}

/** `sim graph FILE`: prints the scenario as a Mermaid flowchart. */
export const graph: Command = async (args, io) => {
  const { positionals } = parseCommandArgs(args, {});
  if (positionals.length > 1) throw new UsageError(`give one scenario file, not ${positionals.length}.`);
  const { scenario, catalogue } = loadScenarioForCommand(positionals[0], io);
  io.out(scenarioGraph(scenario, catalogue));
  return 0;
};
