import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/runCli.ts';
import { recordIo } from '../engine/recordIo.ts';
import { SPAWN_TIMEOUT, sim } from '../engine/runSim.ts';

const scenarioFiles = readdirSync(new URL('../../scenarios', import.meta.url)).filter((f) =>
  f.endsWith('.yaml'),
);

describe('sim analyse', { timeout: SPAWN_TIMEOUT }, () => {
  it('prints best and worst runs, the score range per ending, and states its bound', async () => {
    const { code, stdout, stderr } = await sim('analyse', 'scenarios/faulty-kettle.yaml', '--model', 'HEAT');
    expect(stderr.replace(/npm warn.*\n/g, '')).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Each node is visited at most 2 times per run');
    expect(stdout).toMatch(/Explored all \d+ complete runs/);
    expect(stdout).toMatch(/Best:\s+87\.5% Distinction/);
    expect(stdout).toMatch(/resolved-end\s+resolved/);
    expect(stdout).toContain('Distinction reachable: yes');
    expect(stdout).not.toContain('LASS');
  });

  it('prints JSON with --json', async () => {
    const io = recordIo();
    expect(await runCli(['analyse', 'scenarios/faulty-kettle.yaml', '--json', '--visits', '1'], io)).toBe(0);
    const analysis = JSON.parse(io.stdout.join('\n'));
    expect(analysis.bounds.visitsPerNode).toBe(1);
    expect(analysis.models.map((m: { model: string }) => m.model)).toEqual(['LASS', 'LAST', 'HEAT']);
  });

  it('refuses an unknown model, naming the known ones', async () => {
    const io = recordIo();
    expect(await runCli(['analyse', 'scenarios/faulty-kettle.yaml', '--model', 'BLAST'], io)).toBe(1);
    expect(io.stderr.join('\n')).toMatch(/unknown model 'BLAST'. Known models: LASS, LAST, HEAT/);
    expect(io.stdout).toEqual([]);
  });

  for (const file of scenarioFiles) {
    it(`runs without error on scenarios/${file}`, async () => {
      const io = recordIo();
      expect(await runCli(['analyse', `scenarios/${file}`], io)).toBe(0);
      expect(io.stderr).toEqual([]);
      expect(io.stdout.join('\n')).toContain('per run');
    });
  }
});
