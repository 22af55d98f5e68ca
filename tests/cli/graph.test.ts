import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { escapeLabel, scenarioGraph } from '../../src/cli/commands/graph.ts';
import { runCli } from '../../src/cli/runCli.ts';
import { buildScenario, projectCatalogue } from '../engine/build.ts';
import { recordIo } from '../engine/recordIo.ts';
import { SPAWN_TIMEOUT, sim } from '../engine/runSim.ts';

const scenarioFiles = readdirSync(new URL('../../scenarios', import.meta.url)).filter((f) =>
  f.endsWith('.yaml'),
);

describe('sim graph', { timeout: SPAWN_TIMEOUT }, () => {
  it('prints a Mermaid flowchart with generated ids, act labels, faults marked and endings styled', async () => {
    const { code, stdout } = await sim('graph', 'scenarios/faulty-kettle.yaml');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe('flowchart TD');
    expect(stdout).toContain('n0["<b>opening</b>');
    expect(stdout).toContain('n0 -->|"3: ⚠ blame"| n2');
    expect(stdout).toContain('n4 -->|"2: solve ×0.5, ⚠ lesser-remedy"| n8');
    expect(stdout).toMatch(/classDef resolved fill:/);
    expect(stdout).toContain('class n6 resolved');
    expect(stdout).toContain('class n8 unresolved');
  });

  it('escapes quotes, brackets, angle brackets and hashes so any text is safe', () => {
    expect(escapeLabel('say "hi" <b> #1 [x] (y) {z} a|b & `c`')).toBe(
      'say #quot;hi#quot; #lt;b#gt; #35;1 #91;x#93; #40;y#41; #123;z#125; a#124;b #amp; #96;c#96;',
    );
    const awkward = buildScenario({
      start: 'a.b"]--> x',
      nodes: [
        ['a.b"]--> x', { customer: 'He said "no" <script> #tag', choices: [{ to: '__proto__' }] }],
        ['__proto__', { end: 'lost' }],
      ],
    });
    const chart = scenarioGraph(awkward, projectCatalogue());
    expect(chart).toContain(
      'n0["<b>a.b#quot;#93;--#gt; x</b><br/>He said #quot;no#quot; #lt;script#gt; #35;tag"]',
    );
    expect(chart).toContain('n0 -->|"1"| n1');
    expect(chart).toContain('class n1 lost');
    expect(chart).not.toContain('__proto__ -->');
  });

  for (const file of scenarioFiles) {
    it(`runs without error on scenarios/${file}`, async () => {
      const io = recordIo();
      expect(await runCli(['graph', `scenarios/${file}`], io)).toBe(0);
      expect(io.stderr).toEqual([]);
      expect(io.stdout.join('\n')).toMatch(/^flowchart TD\n/);
    });
  }
});
