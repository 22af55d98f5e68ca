import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The rules of .dependency-cruiser.cjs, run by the real tool on a small tree
// shaped like src/: each rule must fire on its own mistake, and a clean tree
// must pass (so a rule that matches nothing, or everything, fails here).
const ROOT = path.resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface Violation {
  readonly rule: { readonly name: string };
  readonly from: string;
  readonly to: string;
}

function cruise(files: Record<string, string>): Violation[] {
  const root = mkdtempSync(path.join(tmpdir(), 'deps-'));
  dirs.push(root);
  writeFileSync(
    path.join(root, 'tsconfig.json'),
    '{ "compilerOptions": { "allowImportingTsExtensions": true } }',
  );
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  const run = spawnSync(
    path.join(ROOT, 'node_modules/.bin/depcruise'),
    ['src', '--config', path.join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'json'],
    { cwd: root, encoding: 'utf8' },
  );
  if (run.stdout === '') throw new Error(run.stderr);
  return (JSON.parse(run.stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

const CLEAN = {
  'src/scenario/index.ts': 'export const A = 1;\n',
  'src/scenario/inner.ts': "import { A } from './index.ts';\nexport const B = A;\n",
  'src/engine/index.ts': "import { A } from '../scenario/index.ts';\nexport const E = A;\n",
  'src/tutor/index.ts': "import { E } from '../engine/index.ts';\nexport const T = E;\n",
  'src/game/a.ts':
    "import { T } from '../tutor/index.ts';\nexport const load = () => import('./b.ts');\nexport const G = T;\n",
  'src/game/b.ts': 'export const B = 2;\n',
  'src/main.ts': "import { G } from './game/a.ts';\nconsole.log(G);\n",
};

describe('dependency rules', () => {
  it('pass a tree that keeps them', () => {
    expect(cruise(CLEAN)).toEqual([]);
  });

  it('catch each mistake, naming the rule and the files', () => {
    const found = cruise({
      ...CLEAN,
      // A circle through import(): b → a statically, a → b dynamically.
      'src/game/b.ts': "import { G } from './a.ts';\nexport const B = G;\n",
      // Upward in the core, into the game, into Node, and past a door.
      'src/engine/up.ts': "export { T } from '../tutor/index.ts';\n",
      'src/scenario/out.ts': "import '../game/a.ts';\nimport 'node:fs';\n",
      'src/tutor/back.ts': "import { B } from '../scenario/inner.ts';\nexport const X = B;\n",
      'src/cli/x.ts': "import '../game/b.ts';\n",
    });
    const seen = found.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
    expect(seen).toEqual([
      'core-door: src/tutor/back.ts → src/scenario/inner.ts',
      'core-layers-engine: src/engine/up.ts → src/tutor/index.ts',
      'core-not-to-node: src/scenario/out.ts → fs',
      'core-not-to-outside: src/scenario/out.ts → src/game/a.ts',
      'game-and-cli-apart: src/cli/x.ts → src/game/b.ts',
      'no-circular: src/game/a.ts → src/game/b.ts',
    ]);
  });
});
