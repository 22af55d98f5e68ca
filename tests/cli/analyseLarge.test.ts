import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateScenario, toYaml } from '../../bench/generate.ts';
import { ROOT } from '../scenario/loadForTest.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'sim-large-'));
const file = path.join(dir, 'generated-10000.yaml');
writeFileSync(file, toYaml(generateScenario(10_000, 7)));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sim(...args: string[]) {
  return spawnSync('npm', ['run', '--silent', 'sim', '--', ...args], { cwd: ROOT, encoding: 'utf8' });
}

// Generating, loading and searching a 10,000-node graph takes tens of seconds on a busy 2-core
// machine: this is a test of bounds (it finishes, within memory), not of speed.
describe('sim analyse on a generated 10,000-node scenario', { timeout: 300_000 }, () => {
  it('refuses the file at the default 1 MB limit, saying how to split it', () => {
    expect(statSync(file).size).toBeGreaterThan(1024 * 1024);
    const { status, stderr, stdout } = sim('analyse', file, '--model', 'LASS');
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/scenario files may be at most 1 MB/);
  });

  it('analyses it with a raised limit, within memory, and says how it bounded the search', () => {
    const { status, stdout, stderr } = sim(
      'analyse',
      file,
      '--model',
      'LASS',
      '--max-file-mb',
      '16',
      '--json',
    );
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const analysis = JSON.parse(stdout);
    expect(analysis.bounds.visitsPerNode).toBe(2);
    expect(analysis.note).toMatch(/at most 2 times per run/);
    expect(analysis.explored.completeRuns).toBeGreaterThan(0);
    expect(analysis.models[0].model).toBe('LASS');
  });
});
