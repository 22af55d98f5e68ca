import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, SPAWN_TIMEOUT } from '../engine/runSim.ts';

/** `npm run --silent sim -- acts ...` with `input` typed on standard input. */
function simActs(
  input: string,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'sim', '--', 'acts', ...args], { cwd: REPO });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('sim acts', { timeout: SPAWN_TIMEOUT }, () => {
  it('prints one JSON object per reply line, with the acts and their evidence', async () => {
    const { code, stdout } = await simActs(
      "Oh no, I'm so sorry. What happened?\r\n\nit's not your fault\nI promise it'll be there tomorrow\n",
    );
    expect(code).toBe(0);
    expect(
      stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual([
      {
        text: "Oh no, I'm so sorry. What happened?",
        acts: [
          { act: 'apologise', evidence: "I'm so sorry", check: 'tutor' },
          { act: 'question', evidence: 'What' },
        ],
      },
      { text: "it's not your fault", acts: [] },
      {
        text: "I promise it'll be there tomorrow",
        acts: [{ act: 'overpromise', evidence: 'I promise', check: 'tutor' }],
      },
    ]);
  });

  it('--offsets adds where the evidence is in the text', async () => {
    const { stdout } = await simActs('thanks!\n', '--offsets');
    expect(JSON.parse(stdout)).toEqual({
      text: 'thanks!',
      acts: [{ act: 'thank', evidence: 'thanks', start: 0, end: 6 }],
    });
  });

  it('a broken cue file gives file, line, column and a fix, never a stack trace', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cues-'));
    const file = path.join(dir, 'cues.yaml');
    writeFileSync(file, 'acts:\n  thank:\n    match: [th*nks]\n');
    const { code, stdout, stderr } = await simActs('thanks\n', '--cues', file);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${file}:3:13: error: cue "th*nks": 'th*nks': '*' may only end a word`);
    expect(stderr).toContain('sim acts: the cues have 1 error; fix them first.');
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it("--scenario adds the scenario's own cues: a detail read out before verify is a disclosure", async () => {
    const { code, stdout, stderr } = await simActs(
      "I've found you: 22 Kingsdown Road, SN2 7QT.\nare you still on kingsdown road?\nCan I take your postcode?\n",
      '--scenario',
      'scenarios/estimated-energy-bill.yaml',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { acts: { act: string; evidence: string; check?: string }[] });
    expect(lines.map((line) => line.acts.find((a) => a.act === 'disclose'))).toEqual([
      { act: 'disclose', evidence: '22 Kingsdown Road' },
      { act: 'disclose', evidence: 'kingsdown road', check: 'tutor' },
      undefined,
    ]);
    // Without the scenario, the same words disclose nothing the analyser knows.
    const plain = await simActs("I've found you: 22 Kingsdown Road, SN2 7QT.\n");
    expect(JSON.parse(plain.stdout).acts.map((a: { act: string }) => a.act)).not.toContain('disclose');
  });

  it('--scenario with a mistake in its reading: block names the file, line and column, and how to fix it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cues-'));
    const file = path.join(dir, 'broken.yaml');
    writeFileSync(
      file,
      [
        'id: broken',
        'title: Broken',
        'summary: A reading block with a bad cue.',
        'channel: phone',
        'customer:',
        '  name: Ms Rowe',
        'reading:',
        '  acts:',
        '    solve:',
        '      match: [pay*ment plan]',
        'start: opening',
        'nodes:',
        '  opening:',
        '    customer: Hello.',
        '    end: resolved',
        '',
      ].join('\n'),
    );
    const { code, stdout, stderr } = await simActs('payment plan\n', '--scenario', file);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      `${file}:10:15: error: cue "pay*ment plan": 'pay*ment': '*' may only end a word`,
    );
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('says how to give replies when one is given as an argument', async () => {
    const { code, stderr } = await simActs('', 'sorry');
    expect(code).toBe(1);
    expect(stderr).toContain("sim acts reads replies from standard input, one a line, not 'sorry'");
  });
});
