import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_DIR, sampleClassFiles } from '../../scripts/sampleClass.ts';
import { migrate } from '../../src/progress/index.ts';

describe('the sample class (docs/sample-class)', () => {
  const made = sampleClassFiles();

  it('is what `npm run sample-class` makes', () => {
    const committed = readdirSync(SAMPLE_DIR)
      .filter((name) => name.endsWith('.json'))
      .sort();
    expect(committed).toEqual(made.map((file) => file.name).sort());
    for (const file of made) expect(readFileSync(path.join(SAMPLE_DIR, file.name), 'utf8')).toBe(file.text);
  });

  it('is 30 learners, each with three attempts the importer reads as they are', () => {
    expect(made).toHaveLength(30);
    for (const file of made) {
      const read = migrate(file.text);
      expect(read.status).toBe('ok');
      expect(read.store.attempts).toHaveLength(3);
      expect(file.text.length).toBeLessThan(40_000);
    }
  });
});
