import { isMap, isScalar, type Node as YamlNode } from 'yaml';
import { AstReader, written } from './astReader.ts';
import { didYouMean } from './didYouMean.ts';
import type { FieldTable } from './fileSchema.ts';
import type { SourceFile } from './sourceFile.ts';
import type { Act, Catalogue, Diagnostic, Model, ModelStep } from './types.ts';
import { parseYaml } from './yamlDocument.ts';

const ACT_FIELDS: FieldTable = {
  name: { required: true, describe: 'Short name shown to learners.', example: 'name: Listen', schema: {} },
  meaning: {
    required: true,
    describe: 'What the act means.',
    example: 'meaning: Lets the customer explain.',
    schema: {},
  },
  fault: { required: false, describe: 'true for a mistake.', example: 'fault: true', schema: {} },
  penalty: { required: false, describe: 'Marks a fault costs.', example: 'penalty: 1', schema: {} },
  critical: { required: false, describe: 'true for a legal breach.', example: 'critical: true', schema: {} },
  did: {
    required: false,
    describe:
      'What a reply with this act did, for the debrief\'s reasons ("put procedure before the customer").',
    example: 'did: put procedure before the customer',
    schema: {},
  },
};
const MODEL_FIELDS: FieldTable = {
  id: { required: true, describe: 'The id scenarios use.', example: 'id: LASS', schema: {} },
  name: { required: true, describe: 'Name shown to learners.', example: 'name: LASS', schema: {} },
  summary: {
    required: true,
    describe: 'The steps in words.',
    example: 'summary: Listen, Apologise, Solve',
    schema: {},
  },
  steps: { required: true, describe: 'The steps in order.', example: 'steps:\n  - id: listen', schema: {} },
  order: {
    required: false,
    describe: 'Position in menus and side-by-side tables.',
    example: 'order: 1',
    schema: {},
  },
};
const STEP_FIELDS: FieldTable = {
  id: { required: true, describe: 'Step id.', example: 'id: listen', schema: {} },
  name: { required: true, describe: 'Step name.', example: 'name: Listen', schema: {} },
  acts: {
    required: true,
    describe: 'Acts that perform the step.',
    example: 'acts: [listen, question]',
    schema: {},
  },
  past: { required: false, describe: 'Past tense for feedback.', example: 'past: listened', schema: {} },
};
const MODEL_ID = /^[A-Za-z][A-Za-z0-9-]*$/;
const NOT_MODELS = new Set(['acts.yaml', 'cues.yaml']);

/**
 * `models/acts.yaml` plus one file per model → the catalogue, with every
 * problem as a diagnostic. A broken model file is left out; the rest load.
 */
export function loadCatalogue(files: readonly SourceFile[]): {
  catalogue: Catalogue;
  diagnostics: Diagnostic[];
} {
  const diagnostics: Diagnostic[] = [];
  const acts = new Map<string, Act>();
  const models = new Map<string, Model>();
  const ordered: { model: Model; order: number }[] = [];
  const actFiles = files.filter((f) => baseName(f.file) === 'acts.yaml');
  // cues.yaml sits beside acts.yaml but is the reading analyser's (src/reading), not a model.
  const modelFiles = files.filter((f) => !NOT_MODELS.has(baseName(f.file)));
  for (const source of actFiles) {
    const { root, sink, doc } = parseYaml(source);
    if (doc !== null && root !== null) readActs(new AstReader(doc, sink), root, acts);
    diagnostics.push(...sink.diagnostics);
  }
  for (const source of modelFiles) {
    const { root, sink, doc } = parseYaml(source);
    if (doc !== null && root !== null) {
      const model = readModel(new AstReader(doc, sink), root, acts, ordered);
      if (model !== undefined && !sink.hasErrors) ordered.push(model);
    }
    diagnostics.push(...sink.diagnostics);
  }
  ordered.sort((a, b) => a.order - b.order || a.model.id.localeCompare(b.model.id));
  for (const { model } of ordered) models.set(model.id, model);
  return { catalogue: { acts, models }, diagnostics };
}

function readActs(reader: AstReader, root: YamlNode, acts: Map<string, Act>): void {
  const top = reader.block(root, { acts: ACT_LIST }, 'the acts file');
  const list = top?.fields.get('acts')?.value;
  if (!isMap(list)) return;
  for (const pair of list.items) {
    const key = pair.key as YamlNode | null;
    if (!isScalar(key)) continue;
    const id = written(key);
    const block = reader.block(reader.resolve(pair.value), ACT_FIELDS, `act '${id}'`, key);
    if (block === undefined) continue;
    const a = (name: string) => block.fields.get(name);
    const name = reader.text(a('name'), 'name');
    const meaning = reader.text(a('meaning'), 'meaning');
    const fault =
      a('fault') === undefined ? false : reader.oneOf(a('fault'), 'fault', [true, false] as const);
    const penalty = a('penalty') === undefined ? 0 : reader.number(a('penalty'), 'penalty');
    const critical =
      a('critical') === undefined ? false : reader.oneOf(a('critical'), 'critical', [true, false] as const);
    const did = a('did') === undefined ? undefined : reader.text(a('did'), 'did');
    if (name === undefined || meaning === undefined || penalty === undefined) continue;
    if (fault === true && penalty <= 0) {
      reader.sink.error(
        key,
        'fault-penalty',
        `act '${id}' is a fault, so give it a 'penalty' in marks (e.g. 1).`,
      );
      continue;
    }
    acts.set(id, {
      id,
      name,
      meaning,
      fault: fault === true,
      penalty: fault === true ? penalty : 0,
      critical: critical === true,
      did: did ?? `did what the catalogue calls '${name}'`,
    });
  }
}

const ACT_LIST = {
  required: true,
  describe: 'act id → act.',
  example: 'acts:\n  listen: ...',
  schema: {},
} as const;

function readModel(
  reader: AstReader,
  root: YamlNode,
  acts: ReadonlyMap<string, Act>,
  models: readonly { model: Model }[],
): { model: Model; order: number } | undefined {
  const block = reader.block(root, MODEL_FIELDS, 'the model');
  if (block === undefined) return undefined;
  const m = (name: string) => block.fields.get(name);
  const id = reader.text(m('id'), 'id');
  const name = reader.text(m('name'), 'name');
  const summary = reader.text(m('summary'), 'summary');
  if (id !== undefined && !MODEL_ID.test(id)) {
    reader.sink.error(
      m('id')?.value,
      'bad-id',
      `model id '${id}' should be letters, digits and hyphens, like LASS.`,
    );
  }
  const order =
    m('order') === undefined ? Number.MAX_SAFE_INTEGER : reader.integer(m('order'), 'order', { min: 0 });
  if (id !== undefined && models.some((other) => other.model.id === id)) {
    reader.sink.error(m('id')?.value, 'duplicate-model', `another file already defines the model '${id}'.`);
  }
  const steps: ModelStep[] = [];
  for (const item of reader.list(m('steps'), 'steps', 'steps:\n  - id: listen') ?? []) {
    const step = reader.block(item, STEP_FIELDS, `step ${steps.length + 1}`, item ?? m('steps')?.key ?? null);
    if (step === undefined) continue;
    const s = (field: string) => step.fields.get(field);
    const stepId = reader.text(s('id'), 'id');
    const stepName = reader.text(s('name'), 'name');
    const past = s('past') === undefined ? undefined : reader.text(s('past'), 'past');
    const stepActs = reader.textList(s('acts'), 'acts', 'acts: [listen, question]');
    for (const { text, node } of stepActs) {
      const act = acts.get(text);
      if (act === undefined) {
        reader.sink.error(node, 'unknown-act', `unknown act '${text}'${didYouMean(text, acts.keys())}.`);
      } else if (act.fault) {
        reader.sink.error(
          node,
          'fault-in-step',
          `'${text}' is a fault: a model step is made of positive acts.`,
        );
      }
    }
    if (stepId === undefined || stepName === undefined) continue;
    steps.push({
      id: stepId,
      name: stepName,
      acts: stepActs.map((a) => a.text),
      past: past ?? stepName.toLowerCase(),
    });
  }
  if (steps.length === 0)
    reader.sink.error(m('steps')?.key ?? root, 'no-steps', 'a model needs at least one step.');
  if (id === undefined || name === undefined || summary === undefined || order === undefined)
    return undefined;
  return { model: { id, name, summary, steps }, order };
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
