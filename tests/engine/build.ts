/**
 * Test builders: a Scenario and a Catalogue from plain, file-shaped objects,
 * independent of the real loader so engine tests do not wait on it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type {
  Act,
  ActCredit,
  Catalogue,
  Choice,
  ChoiceCondition,
  MarkingPoint,
  Model,
  Outcome,
  Scenario,
  ScenarioNode,
} from '../../src/scenario/index.ts';

export interface RawChoice {
  say?: string;
  to: string;
  acts?: string[] | Record<string, number>;
  mood?: number;
  id?: string;
  feedback?: string;
  if?: ChoiceCondition;
}

export interface RawNode {
  customer?: string | string[];
  choices?: RawChoice[];
  end?: Outcome;
}

export interface RawScenario {
  id?: string;
  customer?: { name?: string; mood?: number };
  start: string;
  nodes: Record<string, RawNode> | [string, RawNode][];
  models?: string[];
  marking?: { id: string; text?: string; when?: Partial<MarkingRaw>; unless?: Partial<MarkingRaw> }[];
}

interface MarkingRaw {
  acts: string[];
  choices: string[];
}

const at = { line: 1, column: 1 };

/** Builds a checked-looking Scenario the way the loader would normalise it. */
export function buildScenario(raw: RawScenario): Scenario {
  const entries = Array.isArray(raw.nodes) ? raw.nodes : Object.entries(raw.nodes);
  const nodes = new Map<string, ScenarioNode>();
  const choices = new Map<string, Choice>();
  for (const [id, rawNode] of entries) {
    const customer = rawNode.customer === undefined ? [`(${id})`] : [rawNode.customer].flat();
    if (rawNode.end !== undefined) {
      nodes.set(id, { id, kind: 'end', end: rawNode.end, customer, position: at });
      continue;
    }
    const nodeChoices = (rawNode.choices ?? []).map((c, i): Choice => {
      const acts: ActCredit[] = Array.isArray(c.acts)
        ? c.acts.map((act) => ({ act, credit: 1 }))
        : Object.entries(c.acts ?? {}).map(([act, credit]) => ({ act, credit }));
      const choice: Choice = {
        id: c.id ?? `${id}.${i + 1}`,
        node: id,
        index: i + 1,
        say: c.say ?? `reply ${i + 1} at ${id}`,
        to: c.to,
        acts,
        mood: c.mood ?? 0,
        position: at,
        ...(c.feedback === undefined ? {} : { feedback: c.feedback }),
        ...(c.if === undefined ? {} : { if: c.if }),
      };
      choices.set(choice.id, choice);
      return choice;
    });
    nodes.set(id, { id, kind: 'choices', choices: nodeChoices, customer, position: at });
  }
  const marking: MarkingPoint[] = (raw.marking ?? []).map((m) => ({
    id: m.id,
    text: m.text ?? m.id,
    ...(m.when === undefined ? {} : { when: { acts: m.when.acts ?? [], choices: m.when.choices ?? [] } }),
    ...(m.unless === undefined
      ? {}
      : { unless: { acts: m.unless.acts ?? [], choices: m.unless.choices ?? [] } }),
  }));
  return {
    id: raw.id ?? 'test-scenario',
    title: 'Test',
    summary: 'A test scenario.',
    channel: 'face-to-face',
    difficulty: 1,
    tags: [],
    models: raw.models ?? ['LASS', 'LAST', 'HEAT'],
    modelsListed: raw.models !== undefined,
    customer: { name: raw.customer?.name ?? 'Test Customer', mood: raw.customer?.mood ?? 50 },
    start: raw.start,
    nodes,
    choices,
    marking,
    file: `${raw.id ?? 'test-scenario'}.yaml`,
  };
}

/** Builds a Scenario from YAML text in the scenario format (a test stand-in for the loader). */
export function scenarioFromYaml(text: string): Scenario {
  const raw = parse(text) as RawScenario & { nodes: Record<string, RawNode> };
  // YAML maps keep file order, but `Object.entries` would hoist integer-like keys; `yaml` gives them in order.
  return buildScenario(raw);
}

const repoRoot = join(import.meta.dirname, '..', '..');

/** The project's real catalogue, read from models/*.yaml with a minimal stand-in loader. */
export function projectCatalogue(): Catalogue {
  const modelsDir = join(repoRoot, 'models');
  const actsRaw = parse(readFileSync(join(modelsDir, 'acts.yaml'), 'utf8')) as {
    acts: Record<
      string,
      { name: string; meaning: string; fault?: boolean; penalty?: number; critical?: boolean }
    >;
  };
  const acts = new Map<string, Act>();
  for (const [id, a] of Object.entries(actsRaw.acts)) {
    acts.set(id, {
      id,
      name: a.name,
      meaning: a.meaning,
      fault: a.fault ?? false,
      penalty: a.penalty ?? 0,
      critical: a.critical ?? false,
    });
  }
  const models = new Map<string, Model>();
  for (const file of readdirSync(modelsDir).sort()) {
    if (file === 'acts.yaml' || !file.endsWith('.yaml')) continue;
    const m = parse(readFileSync(join(modelsDir, file), 'utf8')) as Model;
    models.set(m.id, { id: m.id, name: m.name, summary: m.summary, steps: m.steps });
  }
  // The shipped order, as the spec's table lists them.
  const ordered = new Map<string, Model>();
  for (const id of ['LASS', 'LAST', 'HEAT']) {
    const m = models.get(id);
    if (m !== undefined) ordered.set(id, m);
  }
  for (const [id, m] of models) if (!ordered.has(id)) ordered.set(id, m);
  return { acts, models: ordered };
}

/** The shared example scenario, built with the stand-in loader. */
export function faultyKettle(): Scenario {
  return scenarioFromYaml(readFileSync(join(repoRoot, 'scenarios', 'faulty-kettle.yaml'), 'utf8'));
}
