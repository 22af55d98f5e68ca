/** Hostile content at the core: literal text stays literal, tags and bombs are refused, size is capped. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/engine/index.ts';
import { MAX_FILE_BYTES, scenarioFromData, scenarioToData } from '../../src/scenario/index.ts';
import { loadAndCheck, prototypeChanges, prototypeSnapshot, ROOT } from '../fuzz/support.ts';

const HOSTILE = path.join(ROOT, 'tests/fixtures/hostile');

function fixture(name: string): string {
  return readFileSync(path.join(HOSTILE, `${name}.yaml`), 'utf8');
}

const IMG = '<img src=x onerror=alert(1)>';
const JS_URL = 'javascript:alert(1)';
const TEMPLATE = "{{constructor.constructor('alert(1)')()}}";
const SCRIPT_ID = '<script>alert(1)</script>';
const RLO = '\u202e';

describe('hostile text is kept as literal text', () => {
  const { result } = loadAndCheck(fixture('hostile-text'), 'hostile-text.yaml');
  const scenario = result.scenario;

  it('loads the file with no diagnostics', () => {
    expect(result.diagnostics).toEqual([]);
    expect(scenario).not.toBeNull();
  });

  it('keeps HTML, javascript: URLs and template expressions character for character', () => {
    expect(scenario?.title).toBe(`${IMG} Hostile title \u001b]0;pwned\u0007`);
    expect(scenario?.summary).toBe(JS_URL);
    expect(scenario?.customer.name).toBe(TEMPLATE);
    expect(scenario?.tags).toEqual([SCRIPT_ID, TEMPLATE]);
    expect(scenario?.nodes.get('opening')?.customer).toEqual([`${IMG} my order never came`]);
    expect(scenario?.nodes.get('opening')?.note).toBe(JS_URL);
    expect(scenario?.choices.get('opening.1')?.feedback).toBe('<b onmouseover=alert(1)>Good</b>');
    expect(scenario?.choices.get(`${SCRIPT_ID}.1`)?.say).toBe(`${TEMPLATE} I will fix it.`);
    expect(scenario?.marking[0]).toMatchObject({ id: IMG, text: JS_URL });
  });

  it('keeps a node id made of markup as a plain id, and plays through it', () => {
    expect(scenario?.nodes.get(SCRIPT_ID)?.kind).toBe('choices');
    if (scenario === null) return;
    const session = createSession(scenario);
    session.choose('opening.1');
    expect(session.view().node.id).toBe(SCRIPT_ID);
    session.choose(`${SCRIPT_ID}.1`);
    expect(session.view().path).toEqual(['opening', SCRIPT_ID, 'fixed']);
  });

  it('keeps right-to-left overrides, terminal escapes and very long lines as they are', () => {
    expect(scenario?.choices.get('opening.1')?.say).toBe(`I'm sorry. ${RLO}txt.exe\u202c What happened?`);
    expect(scenario?.nodes.get('fixed')?.customer).toEqual([`${RLO}Thanks \u001b[8mhidden\u001b[0m`]);
    expect(scenario?.choices.get('opening.2')?.say).toHaveLength(5015);
  });

  it('survives the trip to plain JSON and back (the bundled library) unchanged', () => {
    if (scenario === null) return;
    const before = prototypeSnapshot();
    const back = scenarioFromData(JSON.parse(JSON.stringify(scenarioToData(scenario))));
    expect(back).toEqual(scenario);
    expect(prototypeChanges(before)).toEqual([]);
  });
});

describe('YAML features that run code elsewhere are refused', () => {
  it('refuses !!js/function, !!python/object, !!binary and other tags with a clear error each', () => {
    const { result } = loadAndCheck(fixture('tags'), 'tags.yaml');
    expect(result.scenario).toBeNull();
    const refused = result.diagnostics.filter((d) => d.code === 'yaml-tag');
    expect(refused.map((d) => [d.line, d.message])).toEqual(
      [
        [3, '!!js/function'],
        [4, '!!python/object/apply:os.system'],
        [5, '!!binary'],
        [7, '!!js/undefined'],
        [8, '!!js/regexp'],
        [12, '!!python/object:__main__.Exploit'],
      ].map(([line, tag]) => [
        line,
        `YAML tags such as '${tag}' are not allowed in scenario files: remove the tag and write plain text.`,
      ]),
    );
  });

  it('refuses the billion laughs quickly, pointing at the first alias', () => {
    const start = performance.now();
    const { result } = loadAndCheck(fixture('billion-laughs'), 'billion-laughs.yaml');
    const ms = performance.now() - start;
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ line: 3, column: 8, code: 'alias-bomb', severity: 'error' }),
    ]);
    expect(ms).toBeLessThan(2_000);
  });

  it('refuses a quadratic alias blow-up (wide anchors used many times) within the same bound', () => {
    const wide = `a: &a [${Array.from({ length: 500 }, () => 'x').join(', ')}]\n`;
    const uses = Array.from({ length: 200 }, (_, i) => `k${i}: *a\n`).join('');
    const { result } = loadAndCheck(wide + uses);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['alias-bomb']);
  });

  it('refuses an alias that copies its own ancestor (a cycle) without recursing forever', () => {
    const { result } = loadAndCheck('id: &top\n  again: *top\n');
    expect(result.scenario).toBeNull();
    expect(result.diagnostics.length).toBeGreaterThan(0);
  });
});

describe('size', () => {
  it('refuses a file over 1 MB before parsing it, even one that would be slow to parse', () => {
    // 1 MB of unclosed brackets: parsing it would mean deep recursion and thousands of errors.
    const text = '['.repeat(MAX_FILE_BYTES + 1);
    const start = performance.now();
    const { result } = loadAndCheck(text, 'big.yaml');
    const ms = performance.now() - start;
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ line: 1, column: 1, code: 'file-too-large' }),
    ]);
    // Parsing it would take seconds (the parser recurses per bracket); counting its bytes takes milliseconds.
    expect(ms).toBeLessThan(1_000);
  });

  it('still reads a file of exactly 1 MiB', () => {
    const head = 'id: x\ntitle: t\nsummary: "';
    const tail = '"\n';
    const text = head + 'x'.repeat(MAX_FILE_BYTES - head.length - tail.length) + tail;
    expect(new TextEncoder().encode(text).length).toBe(MAX_FILE_BYTES);
    const { result } = loadAndCheck(text);
    expect(result.diagnostics.map((d) => d.code)).not.toContain('file-too-large');
  });

  it('counts four bytes for an emoji, so 1 MiB of astral characters is refused', () => {
    const text = `title: "${'😀'.repeat(MAX_FILE_BYTES / 4)}"`;
    expect(text.length).toBeLessThan(MAX_FILE_BYTES);
    expect(loadAndCheck(text).result.diagnostics.map((d) => d.code)).toEqual(['file-too-large']);
  });
});
