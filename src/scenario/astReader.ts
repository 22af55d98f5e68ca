import { type Document, isAlias, isMap, isScalar, isSeq, type Scalar, type Node as YamlNode } from 'yaml';
import type { DiagnosticSink } from './diagnostics.ts';
import { didYouMean } from './didYouMean.ts';
import type { FieldTable } from './fileSchema.ts';

/** One field of a block: its key node (for positions) and its value (null when left empty). */
export interface Field {
  readonly key: YamlNode;
  readonly value: YamlNode | null;
}

/** The fields of one block, by name, plus the block itself for positions. */
export interface Block {
  readonly node: YamlNode;
  readonly fields: ReadonlyMap<string, Field>;
  /** How many unknown fields the block had (a misspelt field must not also be reported as missing data). */
  readonly unknownFields: number;
}

const CORE_TAGS = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`),
);

/** The tag as a tutor would write it (`!!binary`) when it is not a plain-data tag, else undefined. */
export function forbiddenTag(tag: string | undefined): string | undefined {
  if (tag === undefined || tag === '!' || CORE_TAGS.has(tag)) return undefined;
  return tag.replace('tag:yaml.org,2002:', '!!');
}

/**
 * Typed reads from the YAML tree. Each read either returns a value or reports
 * a diagnostic at the right node and returns undefined, so one pass collects
 * every problem in the file.
 */
export class AstReader {
  /** Key nodes whose value was already refused (e.g. a tag): later reads stay quiet about them. */
  private readonly refused = new WeakSet<YamlNode>();

  constructor(
    private readonly doc: Document,
    readonly sink: DiagnosticSink,
  ) {}

  /** Follows aliases; refuses explicit tags such as `!!binary` or `!js/function` (data is plain text). */
  resolve(node: unknown): YamlNode | null {
    let current = node;
    if (isAlias(current)) current = current.resolve(this.doc);
    if (current === null || current === undefined) return null;
    const resolved = current as YamlNode;
    const shown = forbiddenTag(resolved.tag);
    if (shown !== undefined) {
      this.sink.error(
        resolved,
        'yaml-tag',
        `YAML tags such as '${shown}' are not allowed in scenario files: remove the tag and write plain text.`,
      );
      return null;
    }
    if (isScalar(resolved) && resolved.value === null) return null;
    return resolved;
  }

  /**
   * Reads a block of `name: value` fields, reporting fields the table doesn't
   * know (with a "did you mean"), fields given twice, and missing required ones.
   */
  block(
    node: YamlNode | null,
    table: FieldTable,
    what: string,
    at: YamlNode | null = node,
  ): Block | undefined {
    if (!isMap(node)) {
      this.sink.error(
        node ?? at,
        'wrong-type',
        `${what} should be a block of fields (name: value), ${describe(node)}.`,
      );
      return undefined;
    }
    const fields = new Map<string, Field>();
    let unknownFields = 0;
    for (const pair of node.items) {
      const key = pair.key as YamlNode | null;
      const name = isScalar(key) ? written(key) : undefined;
      if (key === null || name === undefined) {
        this.sink.error(key ?? node, 'wrong-type', `${what} has a field whose name is not plain text.`);
        continue;
      }
      if (!Object.hasOwn(table, name)) {
        const guess = didYouMean(name, Object.keys(table));
        const allowed =
          guess === '' ? `; the fields allowed in ${what} are: ${Object.keys(table).join(', ')}` : '';
        this.sink.error(key, 'unknown-field', `unknown field '${name}'${guess}${allowed}.`);
        unknownFields++;
        continue;
      }
      const earlier = fields.get(name);
      if (earlier !== undefined) {
        const line = this.sink.position(earlier.key).line;
        this.sink.error(
          key,
          'duplicate-field',
          `'${name}' is given twice in ${what} (first on line ${line}): keep one.`,
        );
        continue;
      }
      const errorsBefore = this.sink.diagnostics.length;
      const value = this.resolve(pair.value);
      if (value === null && this.sink.diagnostics.length > errorsBefore) this.refused.add(key);
      fields.set(name, { key, value });
    }
    for (const [name, spec] of Object.entries(table)) {
      if (spec.required && !fields.has(name)) {
        this.sink.error(
          at ?? node,
          'missing-field',
          `${what} is missing '${name}' (${lowerFirst(spec.describe)}): add a line such as \`${spec.example.split('\n')[0]}\`.`,
        );
      }
    }
    return { node, fields, unknownFields };
  }

  /** A non-empty line of text. Numbers and true/false are read as the text written. */
  text(field: Field | undefined, label: string): string | undefined {
    if (field === undefined || this.refused.has(field.key)) return undefined;
    const { value } = field;
    if (value === null) {
      this.sink.error(field.key, 'empty-field', `'${label}' is empty: write the text after the colon.`);
      return undefined;
    }
    if (!isScalar(value) || value.value instanceof Uint8Array) {
      this.sink.error(value, 'wrong-type', `'${label}' should be a line of text, ${describe(value)}.`);
      return undefined;
    }
    const result = written(value);
    if (result.trim() === '') {
      this.sink.error(value, 'empty-field', `'${label}' is empty: write the text after the colon.`);
      return undefined;
    }
    return result;
  }

  /** A whole number, optionally within [min, max]. */
  integer(
    field: Field | undefined,
    label: string,
    range: { min?: number; max?: number } = {},
  ): number | undefined {
    const value = this.number(field, label, 'a whole number such as 30, +10 or -15');
    if (value === undefined || field?.value === undefined || field.value === null) return undefined;
    if (!Number.isInteger(value)) {
      this.sink.error(field.value, 'wrong-type', `'${label}' should be a whole number, not ${value}.`);
      return undefined;
    }
    const { min, max } = range;
    if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
      this.sink.error(
        field.value,
        'out-of-range',
        `'${label}' is ${value}, but it must be from ${min} to ${max}.`,
      );
      return undefined;
    }
    return value;
  }

  /** Any number. */
  number(field: Field | undefined, label: string, shape = 'a number such as 0.5'): number | undefined {
    if (field === undefined || this.refused.has(field.key)) return undefined;
    const { value } = field;
    if (!isScalar(value) || typeof value.value !== 'number' || !Number.isFinite(value.value)) {
      this.sink.error(value ?? field.key, 'wrong-type', `'${label}' should be ${shape}, ${describe(value)}.`);
      return undefined;
    }
    return value.value;
  }

  /** One of a fixed set of words, with a "did you mean" for typos. */
  oneOf<T extends string | number | boolean>(
    field: Field | undefined,
    label: string,
    allowed: readonly T[],
  ): T | undefined {
    if (field === undefined || this.refused.has(field.key)) return undefined;
    const { value } = field;
    const raw = isScalar(value) ? value.value : undefined;
    const found = allowed.find((option) => option === raw);
    if (found !== undefined) return found;
    const shown = isScalar(value) ? written(value) : '';
    const guess = shown === '' ? '' : didYouMean(shown, allowed.map(String));
    this.sink.error(
      value ?? field.key,
      'wrong-value',
      `'${label}' must be one of ${allowed.join(', ')}${shown === '' ? ` (it is ${describe(value).replace(/^but it is /, '')})` : `, not '${shown}'`}${guess}.`,
    );
    return undefined;
  }

  /**
   * true or false. YAML 1.2 reads `yes`, `no`, `on` and `1` as words or numbers,
   * not as true and false, so each gets a fix in plain words.
   */
  flag(field: Field | undefined, label: string): boolean | undefined {
    if (field === undefined || this.refused.has(field.key)) return undefined;
    const { value } = field;
    if (isScalar(value) && typeof value.value === 'boolean') return value.value;
    const shown = isScalar(value) && value.value !== null ? written(value) : '';
    const meant = FLAG_WORDS.get(shown.trim().toLowerCase());
    const quoted = isScalar(value) && typeof value.value === 'string' && /^(true|false)$/i.test(shown.trim());
    const what = shown === '' ? describe(value) : quoted ? `not "${shown}" in quotes` : `not '${shown}'`;
    const fix = quoted
      ? `write \`${label}: ${shown.trim().toLowerCase()}\` without quotes`
      : meant === undefined
        ? `write \`${label}: true\` or \`${label}: false\`, or leave the line out for false`
        : `write \`${label}: ${meant}\``;
    this.sink.error(value ?? field.key, 'wrong-value', `'${label}' must be true or false, ${what} (${fix}).`);
    return undefined;
  }

  /** The items of a list (aliases resolved), or undefined with a message. */
  list(field: Field | undefined, label: string, example: string): (YamlNode | null)[] | undefined {
    if (field === undefined || this.refused.has(field.key)) return undefined;
    const { value } = field;
    if (!isSeq(value)) {
      this.sink.error(
        value ?? field.key,
        'wrong-type',
        `'${label}' should be a list, like \`${example}\`, ${describe(value)}.`,
      );
      return undefined;
    }
    return value.items.map((item) => this.resolve(item));
  }

  /** A list of short texts (ids, tags), each with its node for later checks. */
  textList(field: Field | undefined, label: string, example: string): { text: string; node: YamlNode }[] {
    const items = this.list(field, label, example) ?? [];
    const result: { text: string; node: YamlNode }[] = [];
    for (const item of items) {
      if (!isScalar(item) || item.value === null || typeof item.value === 'object') {
        this.sink.error(
          item ?? field?.value ?? null,
          'wrong-type',
          `each entry of '${label}' should be a word or id.`,
        );
        continue;
      }
      result.push({ text: written(item), node: item });
    }
    return result;
  }
}

/** Words a tutor may write for true or false, and the one YAML needs. */
const FLAG_WORDS: ReadonlyMap<string, boolean> = new Map([
  ...['yes', 'y', 'on', '1'].map((w) => [w, true] as const),
  ...['no', 'n', 'off', '0'].map((w) => [w, false] as const),
]);

/**
 * A scalar as the tutor wrote it: its text, or for a number or true/false the
 * source (`01`, `1.50`, `.nan`), so ids and messages match the file, not
 * the converted value (`1`, `1.5`, `NaN`).
 */
export function written(node: Scalar): string {
  return typeof node.value === 'string' ? node.value : (node.source ?? String(node.value));
}

/** "but it is a list" — how a value looks, for messages. */
export function describe(node: YamlNode | null): string {
  if (node === null) return 'but it is empty';
  if (isMap(node)) return 'but it is a block of fields';
  if (isSeq(node)) return 'but it is a list';
  if (isScalar(node)) {
    const value = node.value;
    if (typeof value === 'string') return `but it is the text '${value}'`;
    if (typeof value === 'number')
      return Number.isFinite(value)
        ? `but it is the number ${written(node)}`
        : `but it is '${written(node)}', which is not a number you can use`;
    if (typeof value === 'boolean') return `but it is ${value}`;
    if (value === null) return 'but it is empty';
  }
  return 'but it is something else';
}

function lowerFirst(text: string): string {
  return (text.charAt(0).toLowerCase() + text.slice(1)).replace(/\.$/, '');
}
