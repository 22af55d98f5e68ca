import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSource, SCENARIOS_DIR, yamlFilesUnder } from '../../src/cli/files.ts';
import { loadLibrary } from '../../src/scenario/index.ts';
import { catalogue, ROOT } from '../scenario/loadForTest.ts';

/** docs/law.md: for each scenario, the legal points it teaches, the Act and section, and the date checked. */
const law = readFileSync(new URL('../../docs/law.md', import.meta.url), 'utf8');
const sections = law.split(/^## /m).slice(1);
const library = loadLibrary(
  yamlFilesUnder(SCENARIOS_DIR).map((file) => readSource(file, ROOT)),
  catalogue(),
);

describe('docs/law.md', () => {
  it.each(library.scenarios.map((s) => s.id))(
    'has a section for %s with its legal points and the date checked',
    (id) => {
      const section = sections.find((text) => text.split('\n')[0]?.includes(`(\`${id}\`)`));
      expect(section, `no "## <title> (\`${id}\`)" section`).toBeDefined();
      expect(section).toMatch(/\| point \| Act and section \| what the scenario teaches \|/);
      expect(section).toMatch(/^Checked: \d{4}-\d{2}-\d{2}\.$/m);
    },
  );

  it('names no scenario the library does not have', () => {
    const ids = sections
      .map((text) => /\(`([a-z0-9-]+)`\)/.exec(text.split('\n')[0] ?? '')?.[1])
      .filter(Boolean);
    expect(ids.filter((id) => !library.scenarios.some((s) => s.id === id))).toEqual([]);
  });
});
