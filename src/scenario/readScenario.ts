import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { type AstReader, type Block, describe, type Field, written } from './astReader.ts';
import { checkGraph, explainStuck } from './checkGraph.ts';
import {
  AGES,
  type CustomerLook,
  FACIAL_HAIR,
  GLASSES,
  HAIR,
  HAIR_COLOURS,
  HEADWEAR,
  MOBILITY,
  PRONOUNS,
  type Pronouns,
  pronounsFromTitle,
  TOPS,
} from './customerLook.ts';
import { didYouMean, suggester } from './didYouMean.ts';
import {
  CHOICE_FIELDS,
  CONDITION_FIELDS,
  CUSTOMER_FIELDS,
  KEBAB_CASE,
  LOOK_FIELDS,
  MARKING_FIELDS,
  MATCH_FIELDS,
  NODE_FIELDS,
  SCENARIO_FIELDS,
} from './fileSchema.ts';
import { readReading } from './readReading.ts';
import {
  type ActCredit,
  type Catalogue,
  CHANNELS,
  type Choice,
  type ChoiceCondition,
  type Customer,
  type Difficulty,
  type MarkingCondition,
  type MarkingPoint,
  OUTCOMES,
  type Scenario,
  type ScenarioNode,
} from './types.ts';

/** A choice as read, before cross-checks, with the nodes messages point at. */
interface DraftChoice {
  readonly choice: Choice;
  readonly toNode: YamlNode;
  readonly idNode: YamlNode | null;
  readonly at: YamlNode;
}

/**
 * Reads a parsed scenario file into a `Scenario`, reporting every problem
 * the contract lists. Returns undefined when there was any error.
 */
export function readScenario(
  root: YamlNode | null,
  reader: AstReader,
  catalogue: Catalogue,
  file: string,
): Scenario | undefined {
  const { sink } = reader;
  if (root === null) {
    sink.error(
      0,
      'empty-file',
      'the file is empty: a scenario starts with `id: ...`, `title: ...` (see docs/authoring.md).',
    );
    return undefined;
  }
  const top = reader.block(root, SCENARIO_FIELDS, 'the scenario');
  if (top === undefined) return undefined;
  const f = (name: string) => top.fields.get(name);

  const id = reader.text(f('id'), 'id');
  if (id !== undefined && !KEBAB_CASE.test(id)) {
    sink.error(
      f('id')?.value,
      'bad-id',
      `'id' must be kebab-case (lower-case letters and digits joined by hyphens), like '${toKebab(id)}'.`,
    );
  }
  const title = reader.text(f('title'), 'title');
  const summary = reader.text(f('summary'), 'summary');
  const channel = reader.oneOf(f('channel'), 'channel', CHANNELS);
  const setting = f('setting') === undefined ? undefined : reader.text(f('setting'), 'setting');
  const difficulty: Difficulty | undefined =
    f('difficulty') === undefined ? 1 : reader.oneOf(f('difficulty'), 'difficulty', [1, 2, 3] as const);
  const tags = reader.textList(f('tags'), 'tags', 'tags: [complaint handling, Consumer Rights Act 2015]');
  const models = readModels(reader, f('models'), catalogue);
  const customer = readCustomer(reader, f('customer'));
  const drafts: DraftChoice[] = [];
  const declared = new Set<string>();
  const intern = internPool();
  const nodes = readNodes(reader, f('nodes'), catalogue, drafts, declared, intern);
  const startField = f('start');
  const startText = reader.text(startField, 'start');
  const start = startText === undefined ? undefined : intern(startText);

  const choices = indexChoices(reader, drafts);
  const referencesOk = checkReferences(reader, drafts, declared, start, startField);
  const marking = readMarking(reader, f('marking'), catalogue, choices);
  const reading = readReading(reader, f('reading'), catalogue);

  // Graph checks on a half-read graph only add noise: run them once every node and reply reads cleanly.
  if (start !== undefined && referencesOk && nodes.size === declared.size) {
    const { unreachable, stuck } = checkGraph(nodes, start);
    const keys = nodeKeys(top);
    for (const nodeId of stuck) {
      const node = nodes.get(nodeId);
      if (node?.kind === 'choices')
        sink.error(keys.get(nodeId) ?? null, 'stuck-node', explainStuck(node, nodes));
    }
    for (const nodeId of unreachable) {
      sink.warning(
        keys.get(nodeId) ?? null,
        'unreachable-node',
        `node '${nodeId}' is never reached: no reply leads to it from '${start}'. Point a reply's 'to' at it, or delete it.`,
      );
    }
  }

  if (
    sink.hasErrors ||
    id === undefined ||
    title === undefined ||
    summary === undefined ||
    channel === undefined ||
    difficulty === undefined ||
    customer === undefined ||
    start === undefined
  ) {
    return undefined;
  }
  return {
    id,
    title,
    summary,
    channel,
    ...(setting === undefined ? {} : { setting }),
    difficulty,
    tags: tags.map((t) => t.text),
    models: models ?? [...catalogue.models.keys()],
    modelsListed: models !== undefined,
    customer,
    start,
    nodes,
    choices,
    marking,
    ...(reading === undefined ? {} : { reading }),
    file,
  };
}

/** Returns one shared string for equal strings (see `internPool`). */
type Intern = (text: string) => string;

/**
 * Node ids as one string object each, whether written as a node's key, a
 * reply's `to` or `start`: a lookup by an identical string finds its key by
 * identity, with its hash already computed. On large files this keeps the
 * engine's per-reply lookups from reading a fresh copy of the id each time
 * (issue 9: about 10% of a step at 10,000 nodes).
 */
function internPool(): Intern {
  const pool = new Map<string, string>();
  return (text) => {
    const known = pool.get(text);
    if (known !== undefined) return known;
    pool.set(text, text);
    return text;
  };
}

function readModels(reader: AstReader, field: Field | undefined, catalogue: Catalogue): string[] | undefined {
  if (field === undefined) return undefined;
  const known = [...catalogue.models.keys()];
  const result: string[] = [];
  for (const { text, node } of reader.textList(field, 'models', 'models: [LASS, HEAT]')) {
    const exact = known.find((m) => m.toLowerCase() === text.toLowerCase());
    if (exact === undefined) {
      reader.sink.error(
        node,
        'unknown-model',
        `unknown model '${text}'${didYouMean(text, known)}; the models are ${known.join(', ')} (a model is a file in models/).`,
      );
    } else if (!result.includes(exact)) {
      result.push(exact);
    }
  }
  return result;
}

function readCustomer(reader: AstReader, field: Field | undefined): Customer | undefined {
  if (field === undefined) return undefined;
  const block = reader.block(field.value, CUSTOMER_FIELDS, "'customer'", field.value ?? field.key);
  if (block === undefined) return undefined;
  const c = (name: string) => block.fields.get(name);
  const name = reader.text(c('name'), 'name');
  const mood = c('mood') === undefined ? 50 : reader.integer(c('mood'), 'mood', { min: 0, max: 100 });
  const avatar = c('avatar') === undefined ? undefined : reader.text(c('avatar'), 'avatar');
  const about = c('about') === undefined ? undefined : reader.text(c('about'), 'about');
  const written = c('pronouns') === undefined ? undefined : readPronouns(reader, c('pronouns'));
  const look = c('look') === undefined ? undefined : readLook(reader, c('look'));
  if (name === undefined || mood === undefined) return undefined;
  if (c('pronouns') !== undefined && written === undefined) return undefined;
  if (c('look') !== undefined && look === undefined) return undefined;
  const pronouns = written ?? pronounsFromTitle(name);
  return {
    name,
    mood,
    ...(avatar === undefined ? {} : { avatar }),
    ...(about === undefined ? {} : { about }),
    ...(pronouns === undefined ? {} : { pronouns }),
    ...(look === undefined ? {} : { look }),
  };
}

/**
 * One of the pronoun pairs. Half a pair (`he`, `Her`) is too far from the
 * pair for a spelling guess, so it gets a guess of its own.
 */
function readPronouns(reader: AstReader, field: Field | undefined): Pronouns | undefined {
  const value = field?.value;
  const shown = isScalar(value) && typeof value.value === 'string' ? value.value.trim().toLowerCase() : '';
  const pair = PRONOUNS.find((p) => p === shown || p.split('/').includes(shown));
  if (pair === shown) return pair;
  if (pair === undefined) return reader.oneOf(field, 'pronouns', PRONOUNS);
  reader.sink.error(
    value ?? null,
    'wrong-value',
    `'pronouns' must be one of ${PRONOUNS.join(', ')}, not '${isScalar(value) ? written(value) : ''}' (did you mean '${pair}'?).`,
  );
  return undefined;
}

/** `glasses: true` reads as square glasses and `glasses: false` as none: what a tutor means by it. */
function glassesFlag(field: Field | undefined): 'square' | 'none' | undefined {
  const value = field?.value;
  if (!isScalar(value) || typeof value.value !== 'boolean') return undefined;
  return value.value ? 'square' : 'none';
}

/** `customer.look`: every field optional, each one word from its list (skin: a number 1–6). */
function readLook(reader: AstReader, field: Field | undefined): CustomerLook | undefined {
  if (field === undefined) return undefined;
  const block = reader.block(field.value, LOOK_FIELDS, "the customer's 'look'", field.value ?? field.key);
  if (block === undefined) return undefined;
  const errorsBefore = reader.sink.diagnostics.length;
  const g = (name: string) => block.fields.get(name);
  const word = <T extends string>(name: string, allowed: readonly T[]): T | undefined =>
    g(name) === undefined ? undefined : reader.oneOf(g(name), name, allowed);
  const entries = {
    age: word('age', AGES),
    mobility: word('mobility', MOBILITY),
    hair: word('hair', HAIR),
    hairColour: word('hairColour', HAIR_COLOURS),
    skin: g('skin') === undefined ? undefined : reader.integer(g('skin'), 'skin', { min: 1, max: 6 }),
    facialHair: word('facialHair', FACIAL_HAIR),
    glasses: glassesFlag(g('glasses')) ?? word('glasses', GLASSES),
    headwear: word('headwear', HEADWEAR),
    top: word('top', TOPS),
  };
  if (reader.sink.diagnostics.length > errorsBefore) return undefined;
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined)) as CustomerLook;
}

function readNodes(
  reader: AstReader,
  field: Field | undefined,
  catalogue: Catalogue,
  drafts: DraftChoice[],
  declared: Set<string>,
  intern: Intern,
): Map<string, ScenarioNode> {
  const nodes = new Map<string, ScenarioNode>();
  if (field === undefined) return nodes;
  const { sink } = reader;
  if (!isMap(field.value) || field.value.items.length === 0) {
    sink.error(
      field.value ?? field.key,
      'wrong-type',
      `'nodes' should hold the conversation as node id → node, like \`opening:\` with the customer's line and choices below it, ${describe(field.value)}.`,
    );
    return nodes;
  }
  const seenAt = new Map<string, number>();
  for (const pair of field.value.items) {
    const key = pair.key as YamlNode | null;
    if (!isScalar(key) || key.value === null) {
      sink.error(key ?? field.value, 'wrong-type', 'every node needs an id (a name before the colon).');
      continue;
    }
    const id = intern(written(key));
    const earlier = seenAt.get(id);
    if (earlier !== undefined) {
      sink.error(
        key,
        'duplicate-node',
        `node '${id}' is defined twice (first on line ${earlier}): rename one of them.`,
      );
      continue;
    }
    seenAt.set(id, sink.position(key).line);
    declared.add(id);
    const errorsBefore = sink.diagnostics.length;
    const value = reader.resolve(pair.value);
    // A refused value (a tag) is reported once; "should be a block of fields" would only add noise.
    if (value === null && sink.diagnostics.length > errorsBefore) continue;
    const node = readNode(reader, id, key, value, catalogue, drafts, intern);
    if (node !== undefined) nodes.set(id, node);
  }
  return nodes;
}

function readNode(
  reader: AstReader,
  id: string,
  key: YamlNode,
  value: YamlNode | null,
  catalogue: Catalogue,
  drafts: DraftChoice[],
  intern: Intern,
): ScenarioNode | undefined {
  const what = `node '${id}'`;
  const block = reader.block(value, NODE_FIELDS, what, value ?? key);
  if (block === undefined) return undefined;
  const n = (name: string) => block.fields.get(name);
  const customer = readLines(reader, n('customer'));
  const note = n('note') === undefined ? undefined : reader.text(n('note'), 'note');
  const position = reader.sink.position(key);
  const base = { id, customer: customer ?? [], ...(note === undefined ? {} : { note }), position };
  const choicesField = n('choices');
  const endField = n('end');
  if (choicesField !== undefined && endField !== undefined) {
    reader.sink.error(
      key,
      'choices-and-end',
      `${what} has both 'choices' and 'end': a node either offers replies or ends the conversation. Remove one.`,
    );
    return undefined;
  }
  if (choicesField === undefined && endField === undefined) {
    reader.sink.error(
      key,
      'no-choices-or-end',
      `${what} has neither 'choices' nor 'end': add the learner's replies under 'choices:', or end the conversation with a line such as \`end: resolved\`.`,
    );
    return undefined;
  }
  if (endField !== undefined) {
    const end = reader.oneOf(endField, 'end', OUTCOMES);
    return end === undefined ? undefined : { ...base, kind: 'end', end };
  }
  const items = reader.list(choicesField, 'choices', 'choices:\n  - say: ...') ?? [];
  if (choicesField !== undefined && items.length === 0 && isSeq(choicesField.value)) {
    reader.sink.error(
      choicesField.key,
      'no-choices',
      `${what} has an empty 'choices' list: give at least one reply.`,
    );
  }
  const choices: Choice[] = [];
  items.forEach((item, i) => {
    const draft = readChoice(reader, id, i + 1, item ?? choicesField?.key ?? key, item, catalogue, intern);
    if (draft !== undefined) {
      drafts.push(draft);
      choices.push(draft.choice);
    }
  });
  return { ...base, kind: 'choices', choices };
}

function readLines(reader: AstReader, field: Field | undefined): string[] | undefined {
  if (field === undefined) return undefined;
  if (isSeq(field.value)) {
    const lines: string[] = [];
    field.value.items.forEach((item) => {
      const line = reader.text({ key: field.key, value: reader.resolve(item) }, 'customer');
      if (line !== undefined) lines.push(line);
    });
    return lines;
  }
  const line = reader.text(field, 'customer');
  return line === undefined ? undefined : [line];
}

function readChoice(
  reader: AstReader,
  nodeId: string,
  index: number,
  at: YamlNode,
  value: YamlNode | null,
  catalogue: Catalogue,
  intern: Intern,
): DraftChoice | undefined {
  const what = `reply ${index} of node '${nodeId}'`;
  const block = reader.block(value, CHOICE_FIELDS, what, at);
  if (block === undefined) return undefined;
  const c = (name: string) => block.fields.get(name);
  const say = reader.text(c('say'), 'say');
  const to = reader.text(c('to'), 'to');
  const acts = readActs(reader, c('acts'), catalogue, what);
  const mood = c('mood') === undefined ? 0 : reader.integer(c('mood'), 'mood');
  const feedback = c('feedback') === undefined ? undefined : reader.text(c('feedback'), 'feedback');
  const explicitId = c('id') === undefined ? undefined : reader.text(c('id'), 'id');
  const condition = c('if') === undefined ? undefined : readCondition(reader, c('if'), catalogue, what);
  if (c('feedback') === undefined && block.unknownFields === 0) {
    reader.sink.warning(
      at,
      'no-feedback',
      `${what} has no feedback: add \`feedback:\` saying why this reply is good or poor (learners see it in Practice and in the debrief).`,
    );
  }
  if (
    mood !== undefined &&
    mood < 0 &&
    acts?.length === 0 &&
    noActsWritten(c('acts')) &&
    block.unknownFields === 0
  ) {
    reader.sink.warning(c('mood')?.value, 'mood-drop-costs-nothing', moodDropMessage(what, mood, catalogue));
  }
  const toNode = c('to')?.value;
  if (
    say === undefined ||
    to === undefined ||
    acts === undefined ||
    mood === undefined ||
    toNode === undefined ||
    toNode === null
  ) {
    return undefined;
  }
  const choice: Choice = {
    id: explicitId ?? `${nodeId}.${index}`,
    node: nodeId,
    index,
    say,
    to: intern(to),
    acts,
    mood,
    ...(feedback === undefined ? {} : { feedback }),
    ...(condition === undefined ? {} : { if: condition }),
    position: reader.sink.position(at),
  };
  return { choice, toNode, idNode: c('id')?.value ?? null, at };
}

/** `acts` left out, or written as an empty list or block: not a list whose every entry was refused. */
function noActsWritten(field: Field | undefined): boolean {
  if (field === undefined) return true;
  return (isSeq(field.value) || isMap(field.value)) && field.value.items.length === 0;
}

/** The faults a reply that upsets the customer most often commits, in plain words, for the warning's fix. */
const LIKELY_FAULTS: readonly [id: string, plain: string][] = [
  ['process-first', 'asks for proof or quotes policy before listening'],
  ['dismiss', 'brushes the customer aside'],
  ['deflect', 'passes the buck'],
  ['lesser-remedy', 'offers less than they are owed'],
  ['misinform', 'gets their rights or the policy wrong'],
];

/**
 * The contract's warning for a reply that lowers the mood but performs no act
 * and commits no fault: it upsets the customer yet costs the learner nothing.
 */
function moodDropMessage(what: string, mood: number, catalogue: Catalogue): string {
  const likely = LIKELY_FAULTS.filter(([id]) => catalogue.acts.get(id)?.fault === true).map(
    ([id, plain]) => `\`${id}\` (${plain})`,
  );
  const faults = likely.length === 0 ? '' : `, such as ${orList(likely)}`;
  return (
    `${what} lowers the customer's mood (mood: ${mood}) but performs no act and commits no fault: ` +
    `it upsets the customer yet costs the learner nothing. Name the fault it commits in \`acts:\`${faults}; ` +
    `every fault is listed in docs/authoring.md. If it is a fair reply the customer simply does not like, ` +
    `give the act it performs instead, like \`acts: [inform]\`.`
  );
}

/** "a or b", or "a, b, or c", for a message. */
function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')}${items.length > 2 ? ',' : ''} or ${items.at(-1)}`;
}

function readActs(
  reader: AstReader,
  field: Field | undefined,
  catalogue: Catalogue,
  what: string,
): ActCredit[] | undefined {
  if (field === undefined) return [];
  const { sink } = reader;
  const acts: ActCredit[] = [];
  const add = (act: string, credit: number, node: YamlNode) => {
    const known = catalogue.acts.get(act);
    if (known === undefined) {
      reportUnknownAct(reader, node, act, catalogue);
      return;
    }
    if (!(credit > 0 && credit <= 1)) {
      sink.error(
        node,
        'bad-credit',
        `the credit for '${act}' is ${credit}, but it must be more than 0 and at most 1 (e.g. 0.5 for half-done).`,
      );
      return;
    }
    if (known.fault && credit !== 1) {
      sink.error(
        node,
        'fault-credit',
        `'${act}' is a fault, so it cannot have part credit (${credit}): a fault either happens or it doesn't. Write it in a list, like [${act}].`,
      );
      return;
    }
    if (acts.some((a) => a.act === act)) {
      sink.error(node, 'duplicate-act', `'${act}' is listed twice in ${what}: keep one.`);
      return;
    }
    // The catalogue's own id string: every reply's act is then one shared string (see internPool).
    acts.push({ act: known.id, credit });
  };
  const { value } = field;
  if (isSeq(value)) {
    for (const { text, node } of reader.textList(field, 'acts', 'acts: [apologise]')) add(text, 1, node);
    return acts;
  }
  if (isMap(value)) {
    for (const pair of value.items) {
      const key = pair.key as YamlNode | null;
      if (!isScalar(key)) continue;
      const act = written(key);
      const credit = reader.number({ key, value: reader.resolve(pair.value) }, act);
      if (credit !== undefined) add(act, credit, key);
    }
    return acts;
  }
  sink.error(
    value ?? field.key,
    'wrong-type',
    `'acts' should be a list like \`acts: [apologise, question]\`, or credits like \`acts: { solve: 0.5 }\`, ${describe(value)}.`,
  );
  return undefined;
}

function readCondition(
  reader: AstReader,
  field: Field | undefined,
  catalogue: Catalogue,
  what: string,
): ChoiceCondition | undefined {
  if (field === undefined) return undefined;
  const block = reader.block(field.value, CONDITION_FIELDS, `the 'if' of ${what}`, field.value ?? field.key);
  if (block === undefined) return undefined;
  const g = (name: string) => block.fields.get(name);
  const acts = (name: string) =>
    g(name) === undefined
      ? undefined
      : checkActs(reader, catalogue, reader.textList(g(name), name, `${name}: [apologise]`));
  const performed = acts('performed');
  const notPerformed = acts('notPerformed');
  const moodAtLeast =
    g('moodAtLeast') === undefined ? undefined : reader.integer(g('moodAtLeast'), 'moodAtLeast');
  const moodBelow = g('moodBelow') === undefined ? undefined : reader.integer(g('moodBelow'), 'moodBelow');
  return {
    ...(performed === undefined ? {} : { performed }),
    ...(notPerformed === undefined ? {} : { notPerformed }),
    ...(moodAtLeast === undefined ? {} : { moodAtLeast }),
    ...(moodBelow === undefined ? {} : { moodBelow }),
  };
}

function checkActs(
  reader: AstReader,
  catalogue: Catalogue,
  list: { text: string; node: YamlNode }[],
): string[] {
  for (const { text, node } of list) {
    if (!catalogue.acts.has(text)) reportUnknownAct(reader, node, text, catalogue);
  }
  return list.map((a) => a.text);
}

function reportUnknownAct(reader: AstReader, node: YamlNode, act: string, catalogue: Catalogue): void {
  reader.sink.error(
    node,
    'unknown-act',
    `unknown act '${act}'${didYouMean(act, catalogue.acts.keys())}; the acts are listed in models/acts.yaml and docs/authoring.md.`,
  );
}

/** Gives every choice its id and reports ids used twice in the file. */
function indexChoices(reader: AstReader, drafts: readonly DraftChoice[]): Map<string, Choice> {
  const choices = new Map<string, Choice>();
  const firstLine = new Map<string, number>();
  for (const draft of drafts) {
    const { id } = draft.choice;
    const earlier = firstLine.get(id);
    if (earlier !== undefined) {
      reader.sink.error(
        draft.idNode ?? draft.at,
        'duplicate-choice-id',
        `the reply id '${id}' is used twice in this file (first on line ${earlier}): give this reply a different 'id'.`,
      );
      continue;
    }
    firstLine.set(id, draft.choice.position.line);
    choices.set(id, draft.choice);
  }
  return choices;
}

function checkReferences(
  reader: AstReader,
  drafts: readonly DraftChoice[],
  declared: ReadonlySet<string>,
  start: string | undefined,
  startField: Field | undefined,
): boolean {
  const suggest = suggester(declared);
  let ok = true;
  for (const { choice, toNode } of drafts) {
    if (!declared.has(choice.to)) {
      ok = false;
      reader.sink.error(
        toNode,
        'unknown-node',
        `reply goes to '${choice.to}', but there is no such node${suggest(choice.to)}.`,
      );
    }
  }
  if (start !== undefined && !declared.has(start) && declared.size > 0) {
    ok = false;
    reader.sink.error(
      startField?.value,
      'unknown-node',
      `'start' is '${start}', but there is no such node${suggest(start)}.`,
    );
  }
  return ok;
}

function readMarking(
  reader: AstReader,
  field: Field | undefined,
  catalogue: Catalogue,
  choices: ReadonlyMap<string, Choice>,
): MarkingPoint[] {
  const points: MarkingPoint[] = [];
  const items = reader.list(field, 'marking', 'marking:\n  - id: ...') ?? [];
  const seen = new Set<string>();
  const suggest = suggester(choices.keys());
  items.forEach((item, i) => {
    const what = `marking point ${i + 1}`;
    const block = reader.block(item, MARKING_FIELDS, what, item ?? field?.key ?? null);
    if (block === undefined) return;
    const m = (name: string) => block.fields.get(name);
    const id = reader.text(m('id'), 'id');
    const text = reader.text(m('text'), 'text');
    const essential = m('essential') === undefined ? false : reader.flag(m('essential'), 'essential');
    const when = readMatch(reader, m('when'), catalogue, choices, suggest, `the 'when' of ${what}`);
    const unless = readMatch(reader, m('unless'), catalogue, choices, suggest, `the 'unless' of ${what}`);
    if (id !== undefined && seen.has(id)) {
      reader.sink.error(
        m('id')?.value,
        'duplicate-marking-id',
        `the marking point id '${id}' is used twice: rename one.`,
      );
      return;
    }
    if (id === undefined || text === undefined || essential === undefined) return;
    seen.add(id);
    points.push({
      id,
      text,
      essential,
      ...(when === undefined ? {} : { when }),
      ...(unless === undefined ? {} : { unless }),
    });
  });
  return points;
}

function readMatch(
  reader: AstReader,
  field: Field | undefined,
  catalogue: Catalogue,
  choices: ReadonlyMap<string, Choice>,
  suggest: (word: string) => string,
  what: string,
): MarkingCondition | undefined {
  if (field === undefined) return undefined;
  const block: Block | undefined = reader.block(field.value, MATCH_FIELDS, what, field.value ?? field.key);
  if (block === undefined) return undefined;
  const acts = checkActs(
    reader,
    catalogue,
    reader.textList(block.fields.get('acts'), 'acts', 'acts: [question]'),
  );
  const listed = reader.textList(block.fields.get('choices'), 'choices', 'choices: [remedy.1]');
  for (const { text, node } of listed) {
    if (!choices.has(text)) {
      reader.sink.error(
        node,
        'unknown-choice',
        `there is no reply with the id '${text}'${suggest(text)}. Reply ids are '<node id>.<n>' (n counts the node's replies from 1) unless the reply sets its own 'id'.`,
      );
    }
  }
  if (acts.length === 0 && listed.length === 0) {
    reader.sink.error(
      field.key,
      'empty-condition',
      `${what} lists no acts and no choices: add \`acts: [...]\` or \`choices: [...]\`, or remove it.`,
    );
  }
  return { acts, choices: listed.map((c) => c.text) };
}

/** The key node of each node id (its first definition), for positions of graph problems. */
function nodeKeys(top: Block): Map<string, YamlNode> {
  const keys = new Map<string, YamlNode>();
  const nodesMap = top.fields.get('nodes')?.value;
  if (!isMap(nodesMap)) return keys;
  for (const pair of nodesMap.items) {
    const key = pair.key as YamlNode | null;
    if (isScalar(key) && !keys.has(written(key))) keys.set(written(key), key);
  }
  return keys;
}

function toKebab(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
