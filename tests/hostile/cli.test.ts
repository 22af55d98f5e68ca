/**
 * Hostile text through the real `sim` command, spawned as a tutor types it:
 * printed literally by play and analyse, escaped by graph so a Markdown
 * viewer's Mermaid cannot run it.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../fuzz/support.ts';

interface Sim {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Long enough for six at once on a busy 2-core machine (about 5 s in all when idle). */
const SIM_LIMIT_MS = 100_000;

/**
 * `npm run sim -- …` as a tutor types it. npm runs sim in a process of its
 * own (npm → sh → tsx → node), so it is started in a process group of its own:
 * one that has not finished within SIM_LIMIT_MS is killed whole, and the run
 * says which command it was, instead of the suite's hook timing out with no
 * word of which one (this happened once, in a fresh-clone run, not since).
 */
function sim(...args: string[]): Promise<Sim> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'sim', '--', ...args], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    }, SIM_LIMIT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL')
        reject(new Error(`npm run sim -- ${args.join(' ')} did not finish within ${SIM_LIMIT_MS / 1000} s`));
      else resolve({ code: code ?? 1, stdout, stderr: stderr.replace(/^npm warn .*\n/gm, '') });
    });
  });
}

const FILE = 'tests/fixtures/hostile/hostile-text.yaml';
/** The same escapes as hostile-text.yaml and more; play it by hand to see a terminal obey them. */
const ESCAPES = 'tests/fixtures/hostile/terminal-escapes.yaml';
const IMG = '<img src=x onerror=alert(1)>';
const TEMPLATE = "{{constructor.constructor('alert(1)')()}}";
const SCRIPT_ID = '<script>alert(1)</script>';
/** C0 controls other than tab and newline, DEL, and C1 controls (0x9B is a one-byte CSI), with their code points. */
function controls(text: string): string[] {
  return [...text]
    .map((ch) => ch.codePointAt(0) ?? 0)
    .filter((c) => (c < 0x20 && c !== 0x09 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f))
    .map((c) => `U+${c.toString(16).padStart(4, '0')}`);
}
/** Bidirectional embedding, override and isolate controls. */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

const runs: Record<string, Sim> = {};

beforeAll(async () => {
  // Spawned together: each npm start-up costs seconds on a busy machine.
  const commands: Record<string, string[]> = {
    play: ['play', FILE, '--model', 'LASS', '--choices', '1,1'],
    json: ['play', FILE, '--model', 'LASS', '--choices', '2,2', '--json'],
    analyse: ['analyse', FILE],
    graph: ['graph', FILE],
    validate: ['validate', ESCAPES, 'tests/fixtures/hostile/terminal-escapes-in-errors.yaml'],
    validateAll: ['validate', 'tests/fixtures/hostile/'],
  };
  const results = await Promise.all(Object.values(commands).map((args) => sim(...args)));
  Object.keys(commands).forEach((name, i) => {
    const result = results[i];
    if (result !== undefined) runs[name] = result;
  });
}, 120_000);

function run(name: string): Sim {
  const result = runs[name];
  if (result === undefined) throw new Error(`no run '${name}'`);
  return result;
}

describe('sim play and analyse print hostile text literally', () => {
  it('play prints the title, replies and path as written, with control and bidi characters made visible', () => {
    const { code, stdout, stderr } = run('play');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`${IMG} Hostile title \\u001b]0;pwned\\u0007 (hostile-text)`);
    expect(stdout).toContain(`“I'm sorry. \\u202etxt.exe\\u202c What happened?”`);
    expect(stdout).toContain(`“${TEMPLATE} I will fix it.”`);
    expect(stdout).toContain(`Path: opening → ${SCRIPT_ID} → fixed`);
  });

  it('play --json is valid JSON whose strings are the literal text', () => {
    const { code, stdout } = run('json');
    expect(code).toBe(0);
    const score = JSON.parse(stdout);
    expect(score.path).toEqual(['opening', SCRIPT_ID, 'fixed']);
    expect(score.choices).toEqual(['opening.2', `${SCRIPT_ID}.2`]);
    expect(score.marking).toEqual([{ id: IMG, text: 'javascript:alert(1)', essential: false, met: false }]);
  });

  it('analyse prints the title literally and finishes', () => {
    const { code, stdout, stderr } = run('analyse');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(`Analysis of ${IMG} Hostile title \\u001b]0;pwned\\u0007 (hostile-text)`);
  });
});

describe('sim validate on the whole hostile folder', () => {
  it('reports every file, each refusal by its code, and never an internal error', () => {
    const { code, stdout, stderr } = run('validateAll');
    expect(code).toBe(1);
    expect(stderr).not.toContain('internal error');
    expect(stdout).toContain('billion-laughs.yaml:3:8: error: anchors and aliases');
    expect(stdout).toContain("tags.yaml:3:22: error: YAML tags such as '!!js/function' are not allowed");
    expect(stdout).not.toContain('hostile-text.yaml:');
    expect(stdout).toMatch(/^5 files, \d+ errors, \d+ warnings$/m);
  });
});

describe('sim graph escapes every label for Mermaid', () => {
  const lines = () => run('graph').stdout.trimEnd().split('\n');

  it('prints exactly these node and edge lines (the escaping, pinned)', () => {
    expect(run('graph').code).toBe(0);
    expect(lines().slice(0, 8)).toEqual([
      'flowchart TD',
      '  n0["<b>opening</b><br/>#lt;img src=x onerror=alert#40;1#41;#gt; my order n…"]',
      '  n1["<b>#lt;script#gt;alert#40;1#41;#lt;/script#gt;</b><br/>#quot;#93;#41; --#gt; x#91;#quot;pwned#quot;#93; %% #124; #35; #amp; #96; ; #123;#125; #40;#41;"]',
      `  n2(["<b>fixed</b><br/>#8238;Thanks #27;#91;8mhidden#27;#91;0m<br/><i>resolved</i>"])`,
      '  n0 -->|"1: apologise, question"| n1',
      '  n0 -->|"2: listen"| n1',
      '  n1 -->|"1: solve, own, thank"| n2',
      '  n1 -->|"2: solve"| n2',
    ]);
  });

  it('leaves no raw markup, quote, bracket or directive inside any label', () => {
    for (const line of lines().slice(1)) {
      const label = /^ {2}n\d+(?:\["(.*)"\]|\(\["(.*)"\]\))$/.exec(line);
      const edge = /^ {2}n\d+ -->\|"(.*)"\| n\d+$/.exec(line);
      const style = /^ {2}(?:classDef|class) [\w, :#-]+$/.exec(line);
      expect(label ?? edge ?? style, line).not.toBeNull();
      const text = (label?.[1] ?? label?.[2] ?? edge?.[1] ?? '').replace(/<\/?(?:b|i)>|<br\/>/g, '');
      expect(text, line).not.toMatch(/[<>"`|[\](){}]/);
      expect(text, line).not.toMatch(/%%\{/);
    }
  });

  it('neutralises bidi override characters, so a label cannot reorder the text around it (finding 2)', () => {
    expect(run('graph').stdout).not.toMatch(BIDI);
  });
});

describe('terminal control characters in tutor text', () => {
  it('are loaded and validated without complaint (they are legal YAML text)', () => {
    const { stdout } = run('validate');
    expect(stdout).not.toContain('terminal-escapes.yaml:');
    expect(stdout).toContain('terminal-escapes-in-errors.yaml:3:1: error: unknown field');
  });

  it('are not sent raw to the terminal by sim play (finding 1: ESC ]0; retitles it, ESC ]52; writes the clipboard)', () => {
    const { code, stdout } = run('play');
    expect(code).toBe(0);
    expect(controls(stdout)).toEqual([]);
  });

  it('are not echoed raw by sim validate when a field name holds them (finding 1)', () => {
    const { code, stdout, stderr } = run('validate');
    expect(code).toBe(1);
    expect(controls(stdout + stderr)).toEqual([]);
  });

  it('are escaped or dropped by sim graph (finding 1: escapeLabel only folds whitespace)', () => {
    const { code, stdout } = run('graph');
    expect(code).toBe(0);
    expect(controls(stdout)).toEqual([]);
  });
});

/** `sim` run by node itself (no npm in between), so a timeout kills the process that reads. */
function simDirect(timeout: number, ...args: string[]): Promise<Sim & { readonly killed: boolean }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', ...args],
      { cwd: ROOT, timeout, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout, stderr, killed: error?.killed === true });
      },
    );
  });
}

describe('files that are not scenario files at all (finding 3, src/cli/files.ts readSource)', () => {
  // readSource checks fstat (an ordinary file, at most MAX_FILE_BYTES) before reading anything.
  it('refuses a device such as /dev/zero instead of reading it forever', async () => {
    const result = await simDirect(20_000, 'validate', '/dev/zero');
    expect(result.killed).toBe(false);
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toContain('/dev/zero');
  }, 30_000);

  it('refuses a 3 GB file by its size, without reading it into memory', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sim-big-'));
    const file = path.join(dir, 'huge.yaml');
    try {
      writeFileSync(file, '');
      truncateSync(file, 3 * 1024 ** 3); // sparse: no disk used
      const result = await simDirect(20_000, 'validate', file);
      expect(result.killed).toBe(false);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('scenario files may be at most 1 MB');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
