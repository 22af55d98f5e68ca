import { isMap, isScalar, type Node as YamlNode } from 'yaml';
import { type AstReader, type Field, written } from './astReader.ts';
import { cueProblem } from './cueSyntax.ts';
import { didYouMean } from './didYouMean.ts';
import { READING_ACT_FIELDS, READING_FIELDS } from './fileSchema.ts';
import type { Catalogue, ScenarioActCues, ScenarioReading } from './types.ts';

/**
 * Fewest letters and digits a detail in `reading.disclose` may have: shorter
 * ones ("14", "£95") turn up in replies that disclose nothing. Four lets in
 * the last digits of a card or bank account ("ending 4471") and the shortest
 * postcodes ("M1 1AE").
 */
export const MIN_DETAIL_CHARACTERS = 4;

/** A detail as it is compared: letters and digits only, lower case ("LS6 2AB" and "ls62ab" agree). */
export function detailKey(detail: string): string {
  return detail.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * The optional `reading:` block: the customer's details for `disclose`, and
 * extra cues per act written as in models/cues.yaml. Every problem is a
 * diagnostic at its own line and column; undefined when the block is absent
 * or could not be read.
 */
export function readReading(
  reader: AstReader,
  field: Field | undefined,
  catalogue: Pick<Catalogue, 'acts'>,
): ScenarioReading | undefined {
  if (field === undefined) return undefined;
  const block = reader.block(field.value, READING_FIELDS, "'reading'", field.value ?? field.key);
  if (block === undefined) return undefined;
  const disclose = readDetails(reader, block.fields.get('disclose'));
  const acts = readActs(reader, block.fields.get('acts')?.value ?? null, catalogue);
  return { disclose, acts };
}

function readDetails(reader: AstReader, field: Field | undefined): string[] {
  if (field === undefined) return [];
  const seen = new Map<string, string>();
  const details: string[] = [];
  for (const { text, node } of reader.textList(
    field,
    'disclose',
    'disclose: [14 Alder Road, 07700 900123]',
  )) {
    const detail = text.trim();
    const key = detailKey(detail);
    if (key.length < MIN_DETAIL_CHARACTERS) {
      reader.sink.error(
        node,
        'short-detail',
        `'${detail}' is too short to tell a disclosure from everyday words: write the whole detail as the customer's record has it, e.g. '14 Alder Road' or '07700 900123'.`,
      );
      continue;
    }
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      reader.sink.warning(
        node,
        'duplicate-detail',
        `'${detail}' is the same detail as '${earlier}': keep one.`,
      );
      continue;
    }
    seen.set(key, detail);
    details.push(detail);
  }
  return details;
}

function readActs(
  reader: AstReader,
  node: YamlNode | null,
  catalogue: Pick<Catalogue, 'acts'>,
): ScenarioActCues[] {
  if (node === null) return [];
  if (!isMap(node)) {
    reader.sink.error(
      node,
      'wrong-type',
      "'acts' in 'reading' should be a block with one act id per line, e.g. `solve:` followed by its `match:` list.",
    );
    return [];
  }
  const acts: ScenarioActCues[] = [];
  for (const pair of node.items) {
    const key = pair.key as YamlNode | null;
    if (!isScalar(key)) continue;
    const id = written(key);
    if (!catalogue.acts.has(id)) {
      reader.sink.error(
        key,
        'unknown-act',
        `unknown act '${id}'${didYouMean(id, catalogue.acts.keys())}; cues are for the acts listed in models/acts.yaml and docs/authoring.md.`,
      );
      continue;
    }
    if (acts.some((a) => a.act === id)) {
      reader.sink.error(key, 'duplicate-act', `the act '${id}' has cues twice in 'reading': keep one block.`);
      continue;
    }
    const block = reader.block(reader.resolve(pair.value), READING_ACT_FIELDS, `the cues of '${id}'`, key);
    if (block === undefined) continue;
    const c = (name: string) => block.fields.get(name);
    const cues = (name: string): string[] =>
      c(name) === undefined
        ? []
        : reader.textList(c(name), name, `${name}: ["payment plan"]`).flatMap(({ text, node: at }) => {
            const problem = cueProblem(text);
            if (problem === undefined) return [text];
            reader.sink.error(at, 'bad-cue', `cue "${text}": ${problem}`);
            return [];
          });
    const negation = c('negation') === undefined ? true : reader.flag(c('negation'), 'negation');
    const tutorCheck = readCheck(reader, c('check'));
    acts.push({
      act: id,
      match: cues('match'),
      unless: cues('unless'),
      negation: negation ?? true,
      tutorCheck,
    });
  }
  return acts;
}

/** `check: tutor`, or no line at all: a reading is sure unless the tutor says otherwise. */
function readCheck(reader: AstReader, field: Field | undefined): boolean {
  if (field === undefined) return false;
  const { value } = field;
  if (isScalar(value) && value.value === 'tutor') return true;
  reader.sink.error(
    value ?? field.key,
    'wrong-value',
    `'check' can only be \`check: tutor\` (the act is shown as "tutor to check", never as a fault)${isScalar(value) && value.value !== null ? `, not '${written(value)}'` : ''}: for a sure reading, leave the line out.`,
  );
  return false;
}
