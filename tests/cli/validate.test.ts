import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT } from '../scenario/loadForTest.ts';

/** Runs the CLI exactly as a tutor types it. */
function sim(...args: string[]) {
  const result = spawnSync('npm', ['run', '--silent', 'sim', '--', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('sim validate', () => {
  it('reports every problem in every file of a mixed folder, at its line and column, and exits 1', () => {
    const { status, stdout } = sim('validate', 'tests/fixtures/validation');
    expect(status).toBe(1);
    const lines = stdout.trim().split('\n');
    const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.yaml'));
    expect(lines.at(-1)).toMatch(new RegExp(`^${files.length} files, \\d+ errors, \\d+ warnings$`));
    for (const line of lines.slice(0, -1)) {
      expect(line).toMatch(/^tests\/fixtures\/validation\/[a-z-]+\.yaml:\d+:\d+: (error|warning): \S/);
    }
    expect(stdout).toContain(
      "tests/fixtures/validation/unknown-field.yaml:15:9: error: unknown field 'feeback' (did you mean 'feedback'?).",
    );
    expect(stdout).toContain(
      "tests/fixtures/validation/stuck-node.yaml:27:3: error: node 'loop' can never reach an ending: every reply leads back into 'loop'.",
    );
    expect(stdout).toContain(
      "tests/fixtures/validation/valid-minimal.yaml:1:5: error: the scenario id 'valid-minimal' is already used by tests/fixtures/validation/duplicate-scenario-id.yaml",
    );
    // Every fixture except the valid ones has something to say.
    for (const file of files.filter((f) => !f.startsWith('valid-') && f !== 'proto-keys.yaml')) {
      expect(stdout, file).toContain(`tests/fixtures/validation/${file}:`);
    }
  });

  it('warns when a recommended model can never reach Distinction, and still exits 0', () => {
    const { status, stdout } = sim('validate', 'tests/fixtures/validation/no-distinction.yaml');
    expect(stdout).toBe(
      "tests/fixtures/validation/no-distinction.yaml:5:16: warning: no path through this scenario reaches Distinction under HEAT: make sure a learner can perform every HEAT step, in order, without a fault, or take HEAT out of 'models'.\n1 file, 0 errors, 1 warning\n",
    );
    expect(status).toBe(0);
  });

  it('warns about a node where every reply is hidden by its condition, naming a run that gets there', () => {
    const { status, stdout } = sim('validate', 'tests/fixtures/validation/no-reply-offered.yaml');
    expect(stdout).toBe(
      "tests/fixtures/validation/no-reply-offered.yaml:23:3: warning: node 'calm' can offer no reply at all (after --choices 2): every reply's 'if' fails there. Add a reply without 'if', or loosen a condition.\n1 file, 0 errors, 1 warning\n",
    );
    expect(status).toBe(0);
  });

  it('exits 0 on the shipped library', () => {
    const { status, stdout } = sim('validate', 'scenarios/faulty-kettle.yaml');
    expect(stdout.trim()).toBe('1 file, 0 errors, 0 warnings');
    expect(status).toBe(0);
  });

  it('refuses an empty folder with an error naming it, not "0 files, 0 errors"', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'sim-empty-'));
    try {
      const { status, stdout } = sim('validate', folder);
      expect(stdout).toBe(
        `${folder}:1:1: error: no scenario files (*.yaml) in '${folder}': check that this is the folder you meant, or save your scenarios in it with names ending in .yaml.\n0 files, 1 error, 0 warnings\n`,
      );
      expect(status).toBe(1);
    } finally {
      rmSync(folder, { recursive: true });
    }
  });

  it('refuses a folder with other files but no scenarios, even beside a good file', () => {
    const { status, stdout } = sim('validate', 'scenarios/faulty-kettle.yaml', 'docs');
    expect(stdout).toBe(
      "docs:1:1: error: no scenario files (*.yaml) in 'docs': check that this is the folder you meant, or save your scenarios in it with names ending in .yaml.\n1 file, 1 error, 0 warnings\n",
    );
    expect(status).toBe(1);
  });

  it('names a folder that does not exist', () => {
    const { status, stdout } = sim('validate', 'scenarioz');
    expect(stdout).toContain(
      'scenarioz:1:1: error: no such file or folder: check the name and the folder you are in.',
    );
    expect(status).toBe(1);
  });

  it('names a file that does not exist, without a stack trace', () => {
    const { status, stdout, stderr } = sim('validate', 'no-such-file.yaml');
    expect(status).toBe(1);
    expect(stdout).toContain('no-such-file.yaml:1:1: error: no such file or folder');
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
