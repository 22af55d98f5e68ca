/**
 * Test builders: a Scenario from plain, file-shaped objects (for generated
 * and edge-case scenarios the loader would reject or that need no file), and
 * the real catalogue and example through the real loader.
 */
import { readCatalogue, readScenarioFile } from '../../src/cli/files.ts';
import type {
  ActCredit,
  Catalogue,
  Choice,
  ChoiceCondition,
  MarkingPoint,
  Outcome,
  Scenario,
  ScenarioNode,
} from '../../src/scenario/index.ts';
import { REPO } from './runSim.ts';

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
  marking?: {
    id: string;
    text?: string;
    essential?: boolean;
    when?: Partial<MarkingRaw>;
    unless?: Partial<MarkingRaw>;
  }[];
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
    essential: m.essential ?? false,
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

/** The project's real catalogue, through the real loader. */
export function projectCatalogue(): Catalogue {
  const { catalogue, diagnostics } = readCatalogue(REPO);
  if (diagnostics.some((d) => d.severity === 'error')) throw new Error('models/ has errors');
  return catalogue;
}

/** The shipped example scenario, through the real loader. */
export function faultyKettle(): Scenario {
  const { scenario } = readScenarioFile('scenarios/faulty-kettle.yaml', projectCatalogue(), REPO);
  if (scenario === null) throw new Error('scenarios/faulty-kettle.yaml did not load');
  return scenario;
}

/**
 * One node whose four replies each carry one kind of `if`: `ask.1` once
 * (notPerformed question), `ask.2` after it (performed question), `ask.3` at
 * mood 50 or more, `ask.4` (mood -5) below 50. Starts at mood 40.
 */
export function conditionalScenario(): Scenario {
  return buildScenario({
    start: 'ask',
    customer: { mood: 40 },
    nodes: [
      [
        'ask',
        {
          choices: [
            { to: 'ask', acts: ['question'], if: { notPerformed: ['question'] } },
            { to: 'done', acts: ['thank'], if: { performed: ['question'] } },
            { to: 'done', if: { moodAtLeast: 50 } },
            { to: 'lost', mood: -5, if: { moodBelow: 50 } },
          ],
        },
      ],
      ['done', { end: 'resolved' }],
      ['lost', { end: 'lost' }],
    ],
  });
}
