/**
 * Generators of hostile YAML for the loader fuzz tests: raw text, generated
 * YAML trees with anchors, aliases and tags, and mutations of real scenarios.
 */
import fc from 'fast-check';
import {
  type Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Pair,
  parseDocument,
  Scalar,
  visit,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';

/** Generated inputs stay below this, so a slow case is a real bug, not a big input. */
export const MAX_GENERATED_CHARS = 32 * 1024;

/** Keys that have tripped prototype-based lookups in other projects. */
export const PROTO_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
  'isPrototypeOf',
];

const FIELD_KEYS = [
  'id',
  'title',
  'summary',
  'channel',
  'setting',
  'difficulty',
  'tags',
  'models',
  'customer',
  'start',
  'nodes',
  'marking',
  'name',
  'mood',
  'avatar',
  'about',
  'note',
  'choices',
  'end',
  'say',
  'to',
  'acts',
  'feedback',
  'if',
  'performed',
  'notPerformed',
  'moodAtLeast',
  'moodBelow',
  'text',
  'when',
  'unless',
];

const TAGS = [
  '!!js/function',
  '!!js/undefined',
  '!!js/regexp',
  '!!python/object:os.system',
  '!!python/object/apply:subprocess.call',
  '!!binary',
  '!!set',
  '!!omap',
  '!!pairs',
  '!!timestamp',
  '!!str',
  '!!int',
  '!!float',
  '!!map',
  '!!seq',
  '!',
  '!custom',
  '!<tag:example.com,2000:x>',
];

/** Awkward single characters: controls, BOM, bidi overrides, line separators, lone surrogates. */
const JUNK = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\u202e',
  '\u2066',
  '\ufeff',
  '\ufffe',
  '\uffff',
  '\ud800',
  '\udfff',
  '\r',
  '\t',
  '\v',
  '\f',
  'é',
  '😀',
];

const SCALAR_TEXT = [
  'x',
  'opening',
  'resolved',
  'phone',
  'apologise',
  'disclose',
  'LASS',
  '__proto__',
  'constructor',
  '-1',
  '0',
  '1',
  '0.5',
  '1e309',
  '.nan',
  '.inf',
  '-.inf',
  '0x1F',
  '0o17',
  'true',
  'null',
  '~',
  '',
  ' ',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  "{{constructor.constructor('alert(1)')()}}",
  '$' + '{process.exit(1)}',
  '%s%s%n',
  '\u202eevil',
];

/** Raw text built from YAML punctuation, field names and junk: mostly invalid, sometimes not. */
export const yamlishText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      {
        weight: 6,
        arbitrary: fc.constantFrom(':', ': ', ' ', '  ', '\n', '\n  ', '- ', ',', '#', '?', '|', '>'),
      },
      {
        weight: 4,
        arbitrary: fc.constantFrom('[', ']', '{', '}', '"', "'", '&a', '*a', '&b', '*b', '!!', '%'),
      },
      { weight: 4, arbitrary: fc.constantFrom(...FIELD_KEYS, ...PROTO_KEYS, '---', '...', '<<') },
      { weight: 2, arbitrary: fc.constantFrom(...TAGS, ...JUNK) },
      { weight: 2, arbitrary: fc.string({ maxLength: 8, unit: 'binary' }) },
    ),
    { maxLength: 200 },
  )
  .map((parts) => parts.join(''));

/** A generated YAML tree, rendered by `renderTree`. */
export type Tree =
  | { readonly kind: 'scalar'; readonly text: string; readonly style: number; readonly props: Props }
  | {
      readonly kind: 'map';
      readonly items: readonly [string, Tree][];
      readonly flow: boolean;
      readonly props: Props;
    }
  | { readonly kind: 'seq'; readonly items: readonly Tree[]; readonly flow: boolean; readonly props: Props }
  | { readonly kind: 'alias'; readonly anchor: number };

interface Props {
  readonly anchor: number | null;
  readonly tag: string | null;
}

const propsArb: fc.Arbitrary<Props> = fc.record({
  anchor: fc.option(fc.nat({ max: 3 }), { freq: 4 }),
  tag: fc.option(fc.constantFrom(...TAGS), { freq: 8 }),
});

const keyArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...FIELD_KEYS) },
  { weight: 2, arbitrary: fc.constantFrom(...PROTO_KEYS) },
  { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 10 }) },
);

/** Random YAML trees shaped a little like scenarios: scenario field names, anchors, aliases, tags. */
export const treeArb: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    {
      weight: 5,
      arbitrary: fc.record({
        kind: fc.constant('scalar' as const),
        text: fc.oneof(fc.constantFrom(...SCALAR_TEXT), fc.string({ maxLength: 12 })),
        style: fc.nat({ max: 4 }),
        props: propsArb,
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('map' as const),
        items: fc.array(fc.tuple(keyArb, tie('tree')), { maxLength: 6 }),
        flow: fc.boolean(),
        props: propsArb,
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('seq' as const),
        items: fc.array(tie('tree'), { maxLength: 5 }),
        flow: fc.boolean(),
        props: propsArb,
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('alias' as const), anchor: fc.nat({ max: 3 }) }) },
  ),
})).tree;

function propsText(props: Props): string {
  const parts: string[] = [];
  if (props.anchor !== null) parts.push(`&a${props.anchor}`);
  if (props.tag !== null) parts.push(props.tag);
  return parts.length === 0 ? '' : `${parts.join(' ')} `;
}

function scalarText(text: string, style: number, indent: string): string {
  switch (style) {
    case 1:
      return JSON.stringify(text);
    case 2:
      return `'${text.replace(/'/g, "''")}'`;
    case 3:
      return `|\n${text
        .split('\n')
        .map((line) => `${indent}  ${line}`)
        .join('\n')}`;
    default:
      return text;
  }
}

function flowText(tree: Tree): string {
  if (tree.kind === 'alias') return `*a${tree.anchor}`;
  const props = propsText(tree.props);
  if (tree.kind === 'scalar') return props + scalarText(tree.text, tree.style === 3 ? 1 : tree.style, '');
  if (tree.kind === 'seq') return `${props}[${tree.items.map(flowText).join(', ')}]`;
  return `${props}{${tree.items.map(([k, v]) => `${k}: ${flowText(v)}`).join(', ')}}`;
}

/** YAML text for a tree: block style where the tree says so, flow style elsewhere. Often invalid, by design. */
export function renderTree(tree: Tree, indent = ''): string {
  if (tree.kind === 'alias' || tree.kind === 'scalar' || tree.flow || tree.items.length === 0)
    return flowText(tree);
  const props = propsText(tree.props);
  const inner = `${indent}  `;
  const head = props === '' ? '' : `${props.trimEnd()}\n`;
  if (tree.kind === 'seq') {
    return head + tree.items.map((item) => `${indent}- ${renderNested(item, inner)}`).join('\n');
  }
  return head + tree.items.map(([k, v]) => `${indent}${k}: ${renderNested(v, inner)}`).join('\n');
}

function renderNested(tree: Tree, indent: string): string {
  if (tree.kind === 'scalar') return propsText(tree.props) + scalarText(tree.text, tree.style, indent);
  if (tree.kind === 'alias' || tree.flow || tree.items.length === 0) return flowText(tree);
  return `\n${renderTree(tree, indent)}`;
}

// ---------------------------------------------------------------------------
// Mutations of real scenarios

/** One structural change to a parsed scenario, or one change to its text. */
export interface Mutation {
  readonly op: number;
  readonly a: number;
  readonly b: number;
  readonly size: number;
}

export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  op: fc.nat({ max: 29 }),
  a: fc.nat(),
  b: fc.nat(),
  size: fc.nat({ max: 100_000 }),
});

export const OPERATIONS = [
  'delete-field',
  'wrong-type',
  'rename-key-proto',
  'duplicate-key',
  'swap-values',
  'alias-to-ancestor',
  'alias-elsewhere',
  'tag',
  'deep-nesting',
  'huge-string',
  'swap-node-ids',
  'node-id-proto',
  'choice-id-proto',
  'marking-id-proto',
  'act-proto',
  'empty-collection',
  'bom',
  'crlf',
  'cr',
  'tab-indent',
  'nul',
  'junk',
  'truncate',
  'delete-line',
  'duplicate-line',
  'rtl-and-html',
  'deep-flow',
  'to-proto',
  'mood-extreme',
  'start-proto',
] as const;

type Collection = YAMLMap<unknown, unknown> | YAMLSeq<unknown>;

function collections(doc: Document): Collection[] {
  const found: Collection[] = [];
  visit(doc, {
    Map(_, node) {
      found.push(node);
    },
    Seq(_, node) {
      found.push(node);
    },
  });
  return found;
}

function pick<T>(list: readonly T[], n: number): T | undefined {
  return list.length === 0 ? undefined : list[n % list.length];
}

function nodesMap(doc: Document): YAMLMap<unknown, unknown> | undefined {
  const nodes = doc.get('nodes', true);
  return isMap(nodes) ? nodes : undefined;
}

function keyText(pair: Pair<unknown, unknown>): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

/** Every `to:` scalar in the document. */
function targets(doc: Document): Scalar[] {
  const found: Scalar[] = [];
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === 'to' && isScalar(pair.value)) found.push(pair.value);
    },
  });
  return found;
}

/** Renames a node everywhere (its key, every `to:` and `start:`), so the file stays valid. */
function renameNode(doc: Document, from: string, to: string): void {
  const nodes = nodesMap(doc);
  for (const pair of nodes?.items ?? []) if (keyText(pair) === from) pair.key = new Scalar(to);
  for (const target of targets(doc)) if (String(target.value) === from) target.value = to;
  const start = doc.get('start', true);
  if (isScalar(start) && String(start.value) === from) start.value = to;
}

function wrongValue(doc: Document, n: number, size: number): unknown {
  const options: unknown[] = [
    doc.createNode(size),
    doc.createNode(-size),
    doc.createNode(size / 7),
    doc.createNode(true),
    new Scalar(null),
    doc.createNode([]),
    doc.createNode({}),
    doc.createNode(['a', ['b'], { c: 'd' }]),
    doc.createNode({ say: 'x', to: 'opening' }),
    new Scalar(''),
    new Scalar('   '),
    doc.createNode(Number.NaN),
    doc.createNode(Number.POSITIVE_INFINITY),
  ];
  return options[n % options.length];
}

/** Applies one structural mutation to the document; false when it did not apply. */
function mutateDocument(doc: Document, m: Mutation): boolean {
  const all = collections(doc);
  const maps = all.filter((c): c is YAMLMap<unknown, unknown> => isMap(c));
  const name = OPERATIONS[m.op % OPERATIONS.length];
  switch (name) {
    case 'delete-field': {
      const c = pick(all, m.a);
      if (c === undefined || c.items.length === 0) return false;
      c.items.splice(m.b % c.items.length, 1);
      return true;
    }
    case 'wrong-type':
    case 'empty-collection': {
      const c = pick(all, m.a);
      if (c === undefined || c.items.length === 0) return false;
      const i = m.b % c.items.length;
      const value =
        name === 'wrong-type' ? wrongValue(doc, m.size, m.size) : doc.createNode(m.size % 2 ? [] : {});
      const item = c.items[i];
      if (isPair(item)) item.value = value;
      else c.items[i] = value;
      return true;
    }
    case 'rename-key-proto': {
      const pair = pick(maps, m.a)?.items[m.b % 97];
      if (pair === undefined) return false;
      pair.key = new Scalar(PROTO_KEYS[m.size % PROTO_KEYS.length]);
      return true;
    }
    case 'duplicate-key': {
      const map = pick(maps, m.a);
      const pair = map?.items[m.b % Math.max(1, map.items.length)];
      if (map === undefined || pair === undefined) return false;
      map.items.splice(m.size % (map.items.length + 1), 0, pair.clone());
      return true;
    }
    case 'swap-values': {
      const pairs = maps.flatMap((map) => map.items);
      const x = pick(pairs, m.a);
      const y = pick(pairs, m.b);
      if (x === undefined || y === undefined || x === y) return false;
      [x.value, y.value] = [y.value, x.value];
      return true;
    }
    case 'alias-to-ancestor':
    case 'alias-elsewhere': {
      const target = pick(all, m.a);
      if (target === undefined) return false;
      const inside = name === 'alias-to-ancestor' ? collections(doc).filter((c) => contains(target, c)) : all;
      const host = pick(inside, m.b);
      if (host === undefined) return false;
      const alias = doc.createAlias(target as never, `x${m.size % 5}`);
      if (isMap(host)) host.items.push(doc.createPair(`k${m.size % 3}`, alias) as never);
      else host.items.push(alias);
      return true;
    }
    case 'tag': {
      const c = pick(all, m.a);
      const item = c?.items[m.b % Math.max(1, c?.items.length ?? 1)];
      const node = isPair(item) ? (m.size % 4 === 0 ? item.key : item.value) : item;
      if (!isScalar(node) && !isMap(node) && !isSeq(node)) return false;
      (node as { tag?: string }).tag = (TAGS[m.size % TAGS.length] ?? '!x').replace(
        /^!!/,
        'tag:yaml.org,2002:',
      );
      return true;
    }
    case 'deep-nesting': {
      const pair = pick(maps, m.a)?.items[m.b % 7];
      if (pair === undefined) return false;
      let value: unknown = 'deep';
      for (let i = 0; i < 20 + (m.size % 200); i++) value = m.size % 2 ? [value] : { a: value };
      pair.value = doc.createNode(value);
      return true;
    }
    case 'huge-string': {
      const scalars: Scalar[] = [];
      visit(doc, {
        Scalar(_, s) {
          scalars.push(s);
        },
      });
      const s = pick(scalars, m.a);
      if (s === undefined) return false;
      const unit = ['x', 'é', '😀', 'ab ', '\u202e', '<b>'][m.b % 6] ?? 'x';
      s.value = unit.repeat(Math.floor((MAX_GENERATED_CHARS / 4 / unit.length) * ((m.size % 100) / 100)) + 1);
      return true;
    }
    case 'swap-node-ids': {
      const nodes = nodesMap(doc);
      const x = pick(nodes?.items ?? [], m.a);
      const y = pick(nodes?.items ?? [], m.b);
      if (x === undefined || y === undefined) return false;
      [x.key, y.key] = [y.key, x.key];
      return true;
    }
    case 'node-id-proto':
    case 'to-proto':
    case 'start-proto': {
      const nodes = nodesMap(doc);
      const pair = name === 'start-proto' ? undefined : pick(nodes?.items ?? [], m.a);
      const start = doc.get('start');
      const from = pair === undefined ? (typeof start === 'string' ? start : undefined) : keyText(pair);
      if (from === undefined) return false;
      const proto = PROTO_KEYS[m.b % PROTO_KEYS.length] ?? '__proto__';
      if (name === 'to-proto') {
        const t = pick(targets(doc), m.size);
        if (t === undefined) return false;
        t.value = proto;
        return true;
      }
      renameNode(doc, from, proto);
      return true;
    }
    case 'choice-id-proto':
    case 'marking-id-proto': {
      const key = name === 'choice-id-proto' ? 'say' : 'text';
      const blocks = maps.filter((map) => map.items.some((p) => keyText(p) === key));
      const block = pick(blocks, m.a);
      if (block === undefined) return false;
      block.set('id', PROTO_KEYS[m.b % PROTO_KEYS.length]);
      return true;
    }
    case 'act-proto': {
      const blocks = maps.filter((map) => map.items.some((p) => keyText(p) === 'say'));
      const block = pick(blocks, m.a);
      if (block === undefined) return false;
      const act = PROTO_KEYS[m.b % PROTO_KEYS.length] ?? '__proto__';
      block.set('acts', doc.createNode(m.size % 2 ? [act] : new Map([[act, 1]])));
      return true;
    }
    case 'mood-extreme': {
      const moods: Pair<unknown, unknown>[] = [];
      for (const map of maps) for (const p of map.items) if (/^mood/.test(keyText(p) ?? '')) moods.push(p);
      const pair = pick(moods, m.a);
      if (pair === undefined) return false;
      const values = [1e9, -1e9, 101, -1, 1e308, -1e308, 0.5, Number.MAX_SAFE_INTEGER + 2];
      pair.value = doc.createNode(values[m.b % values.length]);
      return true;
    }
    default:
      return false;
  }
}

function contains(outer: Collection, inner: Collection): boolean {
  let found = false;
  visit(outer as never, {
    Map(_, node) {
      if (node === inner) found = true;
    },
    Seq(_, node) {
      if (node === inner) found = true;
    },
  });
  return found || outer === inner;
}

/** Applies one text-level mutation; undefined when the operation is structural. */
function mutateText(text: string, m: Mutation): string | undefined {
  const name = OPERATIONS[m.op % OPERATIONS.length];
  const at = text.length === 0 ? 0 : m.a % text.length;
  const lines = text.split('\n');
  const line = lines.length === 0 ? 0 : m.a % lines.length;
  switch (name) {
    case 'bom':
      return `\ufeff${text}`;
    case 'crlf':
      return text.replace(/\n/g, '\r\n');
    case 'cr':
      return text.replace(/\n/g, '\r');
    case 'tab-indent':
      lines[line] = (lines[line] ?? '').replace(/^ +/, (s) => '\t'.repeat(Math.max(1, s.length / 2)));
      return lines.join('\n');
    case 'nul':
      return `${text.slice(0, at)}\u0000${text.slice(at)}`;
    case 'junk': {
      const junk = Array.from({ length: 1 + (m.size % 6) }, (_, i) => JUNK[(m.b + i * 7) % JUNK.length]).join(
        '',
      );
      return `${text.slice(0, at)}${junk}${text.slice(at)}`;
    }
    case 'truncate':
      return text.slice(0, at);
    case 'delete-line':
      lines.splice(line, 1);
      return lines.join('\n');
    case 'duplicate-line':
      lines.splice(line, 0, lines[line] ?? '');
      return lines.join('\n');
    case 'rtl-and-html': {
      const payload = SCALAR_TEXT[m.b % SCALAR_TEXT.length] ?? '';
      return text.replace(/(say|title|customer|feedback): .*/, `$1: ${JSON.stringify(payload)}`);
    }
    case 'deep-flow':
      return text.replace(/(tags|acts): .*/, `$1: ${'['.repeat(50 + (m.size % 5000))}`);
    default:
      return undefined;
  }
}

export interface Mutated {
  readonly text: string;
  readonly applied: string[];
}

/** The scenario text after each mutation in turn, structural ones through the YAML tree. */
export function mutate(original: string, mutations: readonly Mutation[]): Mutated {
  let text = original;
  const applied: string[] = [];
  for (const m of mutations) {
    const name = OPERATIONS[m.op % OPERATIONS.length] ?? 'none';
    const changed = mutateText(text, m);
    if (changed !== undefined) {
      text = changed;
      applied.push(name);
      continue;
    }
    const doc = parseDocument(text, { uniqueKeys: false });
    if (doc.errors.length > 0) continue; // the text no longer parses; only text mutations go on
    if (!mutateDocument(doc, m)) continue;
    try {
      text = doc.toString({ lineWidth: 0 });
      applied.push(name);
    } catch {
      // The yaml package refuses to print some shapes (e.g. an alias before its anchor): skip.
    }
  }
  return {
    text: text.length > MAX_GENERATED_CHARS * 2 ? text.slice(0, MAX_GENERATED_CHARS * 2) : text,
    applied,
  };
}
