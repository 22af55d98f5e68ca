import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SCHEMA_FILE, schemaText } from '../../scripts/schema.ts';
import { FIXTURES, ROOT } from './loadForTest.ts';

const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const yamlOf = (file: string) => parse(readFileSync(file, 'utf8'));

describe('the JSON Schema for editors', () => {
  it('is generated from the loader tables and is up to date (run `npm run schema`)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(schemaText());
  });

  it.each(readdirSync(path.join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml')))(
    'accepts the library scenario %s',
    (file) => {
      const ok = validate(yamlOf(path.join(ROOT, 'scenarios', file)));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    },
  );

  it.each([
    ['unknown-field', 'additionalProperties'],
    ['wrong-value', 'enum'],
    ['unknown-act', 'enum'],
    ['unknown-model', 'enum'],
    ['fault-credit', 'const'],
    ['bad-credit', 'maximum'],
    ['missing-field', 'required'],
    ['choices-and-end', 'oneOf'],
    ['essential-not-boolean', 'type'],
  ])('flags the %s fixture in the editor too', (fixture, keyword) => {
    expect(validate(yamlOf(path.join(FIXTURES, `${fixture}.yaml`)))).toBe(false);
    expect(validate.errors?.map((e) => e.keyword)).toContain(keyword);
  });
});
