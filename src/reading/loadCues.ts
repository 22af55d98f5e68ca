import { isMap, isScalar, type Node as YamlNode } from 'yaml';
import {
  AstReader,
  type Catalogue,
  type Diagnostic,
  didYouMean,
  type FieldTable,
  parseYaml,
  type SourceFile,
  written,
} from '../scenario/index.ts';
import type { ActCues, Clauses, Confidence, CueSet, Refusal } from './cueSet.ts';
import { compilePattern, type Pattern, patternProblem } from './patterns.ts';

const TOP_FIELDS: FieldTable = {
  spellings: {
    required: false,
    describe: 'How learners spell a word → the word cues are written with.',
    example: 'spellings:\n  soz: sorry',
    schema: {},
  },
  negators: {
    required: false,
    describe: 'Words that cancel a cue just after them.',
    example: 'negators: [not, never]',
    schema: {},
  },
  fillers: {
    required: false,
    describe: 'Words that may come before a ^ cue at the start of a clause.',
    example: 'fillers: [ok, so, right]',
    schema: {},
  },
  'negation-reach': {
    required: false,
    describe: 'How many words before a cue a negator reaches.',
    example: 'negation-reach: 3',
    schema: {},
  },
  refusal: {
    required: false,
    describe: 'A turn and a refusal near a cue of these acts cancel it ("sorry, but that\'s policy").',
    example: 'refusal:\n  cancels: [apologise]\n  turn: [but]\n  refuse: [policy]',
    schema: {},
  },
  clauses: {
    required: false,
    describe:
      'Rules read per clause: a cushion countered after a contrast, cues only in a statement or a question.',
    example: 'clauses:\n  contrast: [but]\n  counter:\n    dismiss: [non-refundable]',
    schema: {},
  },
  acts: { required: true, describe: 'Act id → its cues.', example: 'acts:\n  apologise: ...', schema: {} },
};

const REFUSAL_FIELDS: FieldTable = {
  cancels: {
    required: true,
    describe: 'The acts a refusal near their cue cancels.',
    example: 'cancels: [apologise, empathise]',
    schema: {},
  },
  turn: {
    required: true,
    describe: 'Words that turn towards a refusal.',
    example: 'turn: [but, however, "i am afraid"]',
    schema: {},
  },
  refuse: {
    required: true,
    describe: 'Words that refuse.',
    example: 'refuse: ["can not", policy]',
    schema: {},
  },
  firm: {
    required: false,
    describe:
      'Refusals so plain they need no turn: in the cue\'s sentence they cancel it ("Sorry, rules are rules").',
    example: 'firm: ["rules are rules", "hands are tied"]',
    schema: {},
  },
};

const CLAUSE_FIELDS: FieldTable = {
  contrast: {
    required: true,
    describe: 'Words that open a contrast clause.',
    example: 'contrast: [but, however, "that said"]',
    schema: {},
  },
  cushion: {
    required: false,
    describe: "Cushions besides the cushioned acts' own cues.",
    example: 'cushion: ["i hear you"]',
    schema: {},
  },
  cushions: {
    required: true,
    describe: 'The acts a cushion countered after a contrast loses.',
    example: 'cushions: [apologise, empathise]',
    schema: {},
  },
  counter: {
    required: false,
    describe: 'Act → signals that, in a contrast clause after a cushion, perform it.',
    example: 'counter:\n  dismiss: [non-refundable]',
    schema: {},
  },
  flat: {
    required: false,
    describe:
      'Act → counter-claims that perform it with no cushion: in a statement, with no offer after them.',
    example: 'flat:\n  dismiss: ["will not be offering"]',
    schema: {},
  },
  offer: {
    required: false,
    describe: 'After the cushion, one of these makes a counter-claim no flat refusal.',
    example: 'offer: [instead]',
    schema: {},
  },
  asks: {
    required: false,
    describe: 'A sentence opening with one of these is a question even without its "?".',
    example: 'asks: ["^^can i"]',
    schema: {},
  },
  'not-statement': {
    required: false,
    describe: 'Before a statement cue in its sentence, these make it no statement.',
    example: 'not-statement: [if]',
    schema: {},
  },
  statement: {
    required: false,
    describe: 'Act → cues that count only in a statement.',
    example: 'statement:\n  blame: ["you did not tick"]',
    schema: {},
  },
  asking: {
    required: false,
    describe: 'Act → cues that count only in a question.',
    example: 'asking:\n  verify: ["^^is this mr|mrs"]',
    schema: {},
  },
};

export const ACT_CUE_FIELDS: FieldTable = {
  match: {
    required: true,
    describe: 'Words that perform the act.',
    example: 'match: ["so sorry", "apologi*"]',
    schema: {},
  },
  unless: {
    required: false,
    describe: 'Words that, covering a match, cancel it.',
    example: 'unless: ["sorry but .. policy"]',
    schema: {},
  },
  negation: {
    required: false,
    describe: 'false if a "not" just before a cue should not cancel it.',
    example: 'negation: false',
    schema: {},
  },
  check: {
    required: false,
    describe: '"tutor" when the act is shown as "tutor to check", never as a fault.',
    example: 'check: tutor',
    schema: {},
  },
};

export interface CueLoadResult {
  readonly cues: CueSet;
  readonly diagnostics: Diagnostic[];
}

/**
 * `models/cues.yaml` → a cue set, with every problem as a diagnostic at its
 * line and column. A broken cue is left out; the rest load. Acts must be in
 * the catalogue.
 */
export function loadCues(source: SourceFile, catalogue: Pick<Catalogue, 'acts'>): CueLoadResult {
  const { doc, root, sink } = parseYaml(source);
  const empty: CueSet = {
    spellings: new Map(),
    negators: new Set(),
    fillers: new Set(),
    negationReach: 3,
    acts: new Map(),
  };
  if (doc === null || root === null) return { cues: empty, diagnostics: sink.diagnostics };
  const reader = new AstReader(doc, sink);
  const top = reader.block(root, TOP_FIELDS, 'the cue file');
  if (top === undefined) return { cues: empty, diagnostics: sink.diagnostics };
  const f = (name: string) => top.fields.get(name);
  const spellings = readSpellings(reader, f('spellings')?.value ?? null);
  const words = (name: string) =>
    new Set(reader.textList(f(name), name, `${name}: [not, never]`).map((w) => w.text.toLowerCase()));
  const reach =
    f('negation-reach') === undefined
      ? 3
      : reader.integer(f('negation-reach'), 'negation-reach', { min: 1, max: 10 });
  const acts = readActCues(reader, f('acts')?.value ?? null, spellings, catalogue, new Map());
  const refusal =
    f('refusal') === undefined
      ? undefined
      : readRefusal(reader, f('refusal')?.value ?? null, spellings, acts);
  const clauses =
    f('clauses') === undefined
      ? undefined
      : readClauses(reader, f('clauses')?.value ?? null, spellings, acts);
  return {
    cues: {
      spellings,
      negators: words('negators'),
      fillers: words('fillers'),
      negationReach: reach ?? 3,
      ...(refusal === undefined ? {} : { refusal }),
      ...(clauses === undefined ? {} : { clauses }),
      acts,
    },
    diagnostics: sink.diagnostics,
  };
}

function readSpellings(reader: AstReader, node: YamlNode | null): Map<string, string> {
  const spellings = new Map<string, string>();
  if (node === null) return spellings;
  if (!isMap(node)) {
    reader.sink.error(
      node,
      'wrong-type',
      "'spellings' should be a block of `typed: meant` lines, such as `soz: sorry`.",
    );
    return spellings;
  }
  for (const pair of node.items) {
    const key = pair.key as YamlNode | null;
    const value = reader.resolve(pair.value);
    if (!isScalar(key) || !isScalar(value) || value.value === null) {
      reader.sink.error(
        key ?? node,
        'wrong-type',
        'each spelling is one line `typed: meant`, such as `soz: sorry` or `im: i am`.',
      );
      continue;
    }
    const typed = written(key).toLowerCase().replace(/['’‘]/g, '');
    const meant = written(value).toLowerCase().replace(/['’‘]/g, '').trim();
    if (!/^[\p{L}\p{N}-]+$/u.test(typed) || !/^[\p{L}\p{N}-]+(?: [\p{L}\p{N}-]+)*$/u.test(meant)) {
      reader.sink.error(
        key,
        'bad-spelling',
        `'${written(key)}: ${written(value)}' should map one typed word to a word or words, like \`im: i am\`.`,
      );
      continue;
    }
    spellings.set(typed, meant);
  }
  return spellings;
}

/** The compiled cues of a list field; a broken cue is an error at its own line and left out. */
function cueList(
  reader: AstReader,
  field: Parameters<AstReader['textList']>[0],
  name: string,
  spellings: ReadonlyMap<string, string>,
): Pattern[] {
  return reader.textList(field, name, `${name}: ["so sorry", "apologi*"]`).flatMap(({ text, node: at }) => {
    const problem = patternProblem(text);
    if (problem === undefined) return [compilePattern(text, spellings)];
    reader.sink.error(at, 'bad-cue', `cue "${text}": ${problem}`);
    return [];
  });
}

function readRefusal(
  reader: AstReader,
  node: YamlNode | null,
  spellings: ReadonlyMap<string, string>,
  acts: ReadonlyMap<string, ActCues>,
): Refusal | undefined {
  const block = reader.block(reader.resolve(node), REFUSAL_FIELDS, "the cue file's 'refusal'");
  if (block === undefined) return undefined;
  const c = (name: string) => block.fields.get(name);
  const cancels = reader
    .textList(c('cancels'), 'cancels', 'cancels: [apologise, empathise]')
    .flatMap(({ text, node: at }) => {
      if (acts.has(text)) return [text];
      reader.sink.error(
        at,
        'unknown-act',
        `'refusal' cancels '${text}', which has no cues here${didYouMean(text, acts.keys())}: name an act of the 'acts:' block.`,
      );
      return [];
    });
  return {
    turn: cueList(reader, c('turn'), 'turn', spellings),
    refuse: cueList(reader, c('refuse'), 'refuse', spellings),
    firm: c('firm') === undefined ? [] : cueList(reader, c('firm'), 'firm', spellings),
    cancels,
  };
}

/** Act ids that must have cues in the cue file, each an error at its own line if not. */
function knownActs(
  reader: AstReader,
  ids: readonly { text: string; node: YamlNode }[],
  acts: ReadonlyMap<string, ActCues>,
  where: string,
): string[] {
  return ids.flatMap(({ text, node: at }) => {
    if (acts.has(text)) return [text];
    reader.sink.error(
      at,
      'unknown-act',
      `${where} names '${text}', which has no cues here${didYouMean(text, acts.keys())}: name an act of the 'acts:' block.`,
    );
    return [];
  });
}

function readClauses(
  reader: AstReader,
  node: YamlNode | null,
  spellings: ReadonlyMap<string, string>,
  acts: ReadonlyMap<string, ActCues>,
): Clauses | undefined {
  const block = reader.block(reader.resolve(node), CLAUSE_FIELDS, "the cue file's 'clauses'");
  if (block === undefined) return undefined;
  const c = (name: string) => block.fields.get(name);
  const list = (name: string) => (c(name) === undefined ? [] : cueList(reader, c(name), name, spellings));
  /** A block of `act: [cues]` lines. */
  const perAct = (name: string): Map<string, Pattern[]> => {
    const into = new Map<string, Pattern[]>();
    const value = reader.resolve(c(name)?.value ?? null);
    if (value === null) return into;
    if (!isMap(value)) {
      reader.sink.error(value, 'wrong-type', `'${name}' should be a block of \`act: [cues]\` lines.`);
      return into;
    }
    for (const pair of value.items) {
      const key = pair.key as YamlNode | null;
      if (!isScalar(key)) continue;
      const [act] = knownActs(reader, [{ text: written(key), node: key }], acts, `'clauses: ${name}'`);
      if (act === undefined) continue;
      const cues = cueList(reader, { key, value: reader.resolve(pair.value) }, act, spellings);
      into.set(act, [...(into.get(act) ?? []), ...cues]);
    }
    return into;
  };
  return {
    contrast: list('contrast'),
    cushion: list('cushion'),
    cushions: knownActs(
      reader,
      reader.textList(c('cushions'), 'cushions', 'cushions: [apologise, empathise]'),
      acts,
      "'clauses: cushions'",
    ),
    counter: perAct('counter'),
    flat: perAct('flat'),
    offer: list('offer'),
    asks: list('asks'),
    notStatement: list('not-statement'),
    statement: perAct('statement'),
    asking: perAct('asking'),
  };
}

/** The `acts:` block of a cue file (or of a scenario's `cues:`), added to `into`. */
export function readActCues(
  reader: AstReader,
  node: YamlNode | null,
  spellings: ReadonlyMap<string, string>,
  catalogue: Pick<Catalogue, 'acts'>,
  into: Map<string, ActCues>,
): Map<string, ActCues> {
  if (node === null) return into;
  if (!isMap(node)) {
    reader.sink.error(
      node,
      'wrong-type',
      "'acts' should be a block with one act id per line, e.g. `apologise:` followed by its `match:` list.",
    );
    return into;
  }
  for (const pair of node.items) {
    const key = pair.key as YamlNode | null;
    if (!isScalar(key)) continue;
    const id = written(key);
    if (!catalogue.acts.has(id)) {
      reader.sink.error(
        key,
        'unknown-act',
        `unknown act '${id}'${didYouMean(id, catalogue.acts.keys())}; cues are for the acts in models/acts.yaml.`,
      );
      continue;
    }
    if (into.has(id)) {
      reader.sink.error(key, 'duplicate-act', `the act '${id}' has cues twice: keep one block.`);
      continue;
    }
    const block = reader.block(reader.resolve(pair.value), ACT_CUE_FIELDS, `the cues of '${id}'`, key);
    if (block === undefined) continue;
    const c = (name: string) => block.fields.get(name);
    const patterns = (name: string): Pattern[] => cueList(reader, c(name), name, spellings);
    const negation = c('negation') === undefined ? true : reader.flag(c('negation'), 'negation');
    const check: Confidence | undefined =
      c('check') === undefined ? 'sure' : reader.oneOf(c('check'), 'check', ['tutor'] as const);
    const match = patterns('match');
    const unless = c('unless') === undefined ? [] : patterns('unless');
    into.set(id, {
      act: id,
      match,
      unless,
      negation: negation ?? true,
      confidence: check === 'tutor' ? 'tutor' : 'sure',
    });
  }
  return into;
}
