import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/runCli.ts';
import { REPO } from '../engine/runSim.ts';

async function analyse(...args: string[]): Promise<{ status: number; out: string }> {
  const out: string[] = [];
  const status = await runCli(['analyse', ...args], {
    out: (text: string) => out.push(text),
    err: (text: string) => out.push(text),
    cwd: REPO,
  });
  return { status, out: out.join('\n') };
}

describe('sim analyse: the author report', () => {
  it('adds an Author report section after the existing output', async () => {
    const { status, out } = await analyse('scenarios/faulty-kettle.yaml');
    expect(status).toBe(0);
    expect(out).toContain('Distinction reachable');
    const report = out.slice(out.indexOf('Author report'));
    expect(out.indexOf('Author report')).toBeGreaterThan(out.indexOf('Distinction reachable'));
    expect(report).toContain('Unreachable nodes: none');
    expect(report).toContain('Replies without feedback: none');
    // Scoring v2 closed the kettle's old gaming path (a partial repair reaching Merit): the repair is a
    // lesser-remedy fault and ends unresolved, so it is at most Pass. What is left is HEAT's skipped Empathise.
    expect(report).toMatch(/LASS:\n(.|\n)*Gaming paths: none\n {2}LAST:/);
    expect(report).toMatch(
      /HEAT:\n(.|\n)*Gaming path: 1 run score Merit-level marks without ever doing Empathise \(capped at Pass\)/,
    );
    expect(report).toMatch(/--choices 2,2,1/);
  });

  it('puts the report in --json beside the analysis keys', async () => {
    const { out } = await analyse('scenarios/faulty-kettle.yaml', '--model', 'HEAT', '--json');
    const json = JSON.parse(out) as {
      models: unknown[];
      report: { models: { model: string; gaming: { kind: string; step: string }[] }[] };
    };
    expect(json.models).toHaveLength(1);
    expect(json.report.models[0]?.model).toBe('HEAT');
    expect(json.report.models[0]?.gaming.map((g) => `${g.kind}:${g.step}`)).toEqual([
      'skipped-step:empathise',
    ]);
  });
});
