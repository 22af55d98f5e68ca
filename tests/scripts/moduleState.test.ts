import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findModuleState, main } from '../../scripts/lint/moduleState.ts';

const BAD = `// a comment first, so offsets are not counted from the first token
let counter = 0;
export let current: string | null = null;
var legacy = 1;
const cache = new Map<string, number>();
const seen = new WeakSet<object>();
export const instance = new Narrator();
const queue: string[] = [];
const state = { open: false };
const typed = {} as Record<string, number>;
const later = [] satisfies number[];
`;

const GOOD = `import type { X } from './x.ts';
const LIMIT = 3;
const NAMES = ['a', 'b'] as const;
export const COLOURS: Readonly<Record<string, string>> = { red: '#f00' };
const KNOWN: ReadonlySet<string> = new Set(['a']);
const LIST: readonly string[] = ['x'];
const FROZEN = Object.freeze({ a: 1 });
const FORMAT = new Intl.NumberFormat('en-GB');
const ENCODER = new TextEncoder();
const lazy = () => import('./y.ts');
export function f(): number {
  let local = 1;
  const m = new Map<string, number>();
  m.set('a', local++);
  return m.size;
}
export class K {
  private readonly items = new Map<string, string>();
  method(): void {
    let x = 0;
    x++;
  }
}
`;

describe('module-state check', () => {
  it('reports every module-level let, var, new and literal, with its line and column', () => {
    const found = findModuleState('bad.ts', BAD);
    expect(found.map((f) => `${f.line}:${f.column} ${f.name}`)).toEqual([
      '2:5 counter',
      '3:12 current',
      '4:5 legacy',
      '5:7 cache',
      '6:7 seen',
      '7:14 instance',
      '8:7 queue',
      '9:7 state',
      '10:7 typed',
      '11:7 later',
    ]);
    expect(found[0]?.message).toContain('module-level `let`');
    expect(found[3]?.message).toContain('`new Map`');
    expect(found[7]?.message).toContain('as const');
  });

  it('passes constants, read-only types and state inside functions and classes', () => {
    expect(findModuleState('good.ts', GOOD)).toEqual([]);
  });

  it('counts lines after non-ASCII text correctly', () => {
    const found = findModuleState('uk.ts', "const A = '£ – é';\nlet b = 0;\n");
    expect(found.map((f) => [f.line, f.column])).toEqual([[2, 5]]);
  });

  it('leaves Node tools alone (a file importing node:*)', () => {
    expect(
      findModuleState('tool.ts', "import { readFileSync } from 'node:fs';\nconst rows: string[] = [];\n"),
    ).toEqual([]);
  });

  describe('main', () => {
    const dirs: string[] = [];
    afterEach(() => {
      vi.restoreAllMocks();
      for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    });

    function tree(files: Record<string, string>): string {
      const root = mkdtempSync(path.join(tmpdir(), 'module-state-'));
      dirs.push(root);
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        writeFileSync(path.join(root, file), text);
      }
      return root;
    }

    it('fails on a bad file naming file:line:column, and passes a good tree', () => {
      const errors: string[] = [];
      vi.spyOn(console, 'error').mockImplementation((text: string) => errors.push(text));
      vi.spyOn(console, 'log').mockImplementation(() => undefined);
      const bad = tree({ 'game/a/bad.ts': BAD, 'game/good.ts': GOOD });
      expect(main([bad], [])).toBe(1);
      expect(errors[0]).toMatch(/bad\.ts:2:5 module-state/);
      expect(main([tree({ 'game/good.ts': GOOD })], [])).toBe(0);
    });

    it('skips the files on the known list, and only those', () => {
      vi.spyOn(console, 'error').mockImplementation(() => undefined);
      vi.spyOn(console, 'log').mockImplementation(() => undefined);
      const root = tree({ 'known.ts': 'let a = 0;\n', 'other.ts': 'let b = 0;\n' });
      const known = path.relative(process.cwd(), path.join(root, 'known.ts'));
      expect(main([path.join(root, 'known.ts')], [known])).toBe(0);
      expect(main([root], [known])).toBe(1);
    });
  });
});
