/**
 * Bugs the loader fuzz found, each pinned by the smallest input that showed it.
 * (Fixed in src/scenario; see docs/security.md, "Findings".)
 */

import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { loadAndCheck } from '../fuzz/support.ts';

const HEAD = 'id: x\ntitle: t\nsummary: s\nchannel: phone\ncustomer: {name: n}\n';

function minimal(replace: (text: string) => string = (t) => t): string {
  return replace(
    `${HEAD}start: opening\nnodes:\n  opening:\n    choices:\n      - say: Sorry.\n        to: fixed\n        feedback: Good.\n  fixed:\n    end: resolved\n`,
  );
}

describe('loader findings', () => {
  it('reads numbers as written in ids: a node `01:` is reached by `to: 01` and `start: 01`', () => {
    const text = `${HEAD}start: 01\nnodes:\n  01:\n    choices:\n      - {say: s, to: 02, feedback: f}\n  02: {end: lost}\n`;
    const { result } = loadAndCheck(text);
    expect(result.diagnostics).toEqual([]);
    expect([...(result.scenario?.nodes.keys() ?? [])]).toEqual(['01', '02']);
  });

  it('names .nan and .inf as written instead of saying NaN or Infinity', () => {
    const { result } = loadAndCheck(
      minimal((t) => t.replace('customer: {name: n}', 'customer: {name: n, mood: .nan}')),
    );
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      "'mood' should be a whole number such as 30, +10 or -15, but it is '.nan', which is not a number you can use.",
    ]);
    const acts = loadAndCheck(minimal((t) => t.replace('to: fixed', 'to: fixed\n        acts: [.nan]')));
    expect(acts.result.diagnostics[0]?.message).toMatch(/^unknown act '\.nan'/);
  });

  it('says an alias with no anchor copies nothing (it used to be reported as an alias bomb)', () => {
    const { result } = loadAndCheck(minimal((t) => t.replace('title: t', 'title: *nope')));
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        line: 2,
        column: 8,
        code: 'unknown-alias',
        message:
          "'*nope' copies nothing: no '&nope' comes before it. Write the text out, or put '&nope' on the value to copy.",
      }),
    ]);
  });

  it('refuses a tag on a key as well as on a value (a !!binary node id read differently in Node and browsers)', () => {
    const { result } = loadAndCheck(minimal((t) => t.replace('  fixed:\n', '  !!binary Zml4ZWQ=:\n')));
    expect(result.scenario).toBeNull();
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'yaml-tag',
        message:
          "YAML tags such as '!!binary' are not allowed in scenario files: remove the tag and write plain text.",
      }),
    );
    const js = loadAndCheck(minimal((t) => t.replace('  fixed:\n', '  !!js/function fixed:\n')));
    expect(js.result.scenario).toBeNull();
  });

  it('places a syntax error inside the file when the parser skips a newline in a broken block scalar', () => {
    // The LineCounter put this error at line 4, column 9 of a 7-character line.
    const text = ' : \n!!js/function\n  - |\n      x\n__proto__: x';
    const { result } = loadAndCheck(text);
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ line: 5, column: 1, message: expect.stringContaining('"__proto__"') }),
    );
  });

  it('does not slow to a crawl on many replies to unknown nodes ("did you mean" is bounded)', () => {
    // Before: every unknown target was compared with every node id (2,000 × 2,000 took 20–40 s).
    const n = 800;
    const replies = Array.from({ length: n }, (_, i) => `      - {say: s, to: zz${i}, feedback: f}\n`).join(
      '',
    );
    const nodes = Array.from({ length: n }, (_, i) => `  b${i}: {end: lost}\n`).join('');
    const text = `${HEAD}start: a0\nnodes:\n  a0:\n    choices:\n${replies}${nodes}`;
    const parseStart = performance.now();
    parseDocument(text);
    const parseMs = performance.now() - parseStart;
    const { result, ms } = loadAndCheck(text);
    expect(result.diagnostics.filter((d) => d.code === 'unknown-node')).toHaveLength(n);
    // Relative to parsing the same text, so a busy machine does not make it flaky.
    expect(ms).toBeLessThan(parseMs * 4 + 1000);
  }, 60_000);

  it('gives no suggestion for a very long unknown id instead of building a huge table', () => {
    const long = 'y'.repeat(200_000);
    // A key over 1,024 characters must be written as an explicit `? key`.
    const text = `${HEAD}start: "${long}"\nnodes:\n  ? "${'y'.repeat(199_999)}z"\n  : {end: lost}\n`;
    const { result, ms } = loadAndCheck(text);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['unknown-node']);
    expect(result.diagnostics[0]?.message).toMatch(/but there is no such node\.$/);
    expect(ms).toBeLessThan(10_000);
  }, 60_000);

  it('reports many unreachable nodes without scanning the nodes once per node', () => {
    const n = 1500;
    const nodes = Array.from({ length: n }, (_, i) => `  b${i}: {end: lost}\n`).join('');
    const text = `${HEAD}start: a0\nnodes:\n  a0: {end: lost}\n${nodes}`;
    const parseStart = performance.now();
    parseDocument(text);
    const parseMs = performance.now() - parseStart;
    const { result, ms } = loadAndCheck(text);
    expect(result.diagnostics).toHaveLength(n);
    expect(result.diagnostics[n - 1]).toMatchObject({ line: n + 8, column: 3, code: 'unreachable-node' });
    expect(ms).toBeLessThan(parseMs * 4 + 1000);
  }, 60_000);

  it('reads a file saved with old Mac line endings (CR only) like any other', () => {
    const text = minimal().replace(/\n/g, '\r');
    const { result } = loadAndCheck(text);
    expect(result.diagnostics).toEqual([]);
    expect(result.scenario?.nodes.get('opening')?.kind).toBe('choices');
    const broken = loadAndCheck(minimal((t) => t.replace('to: fixed', 'to: fxed')).replace(/\n/g, '\r'));
    expect(broken.result.diagnostics).toEqual([
      expect.objectContaining({ line: 11, column: 13, code: 'unknown-node' }),
    ]);
  });

  it('reports a tag on a node once, without a follow-on "should be a block of fields"', () => {
    const { result } = loadAndCheck(minimal((t) => t.replace('  fixed:\n', '  fixed: !!python/object:x\n')));
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['yaml-tag']);
  });
});
