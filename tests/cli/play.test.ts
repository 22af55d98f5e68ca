import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SPAWN_TIMEOUT, sim } from '../engine/runSim.ts';

interface Example {
  model: string;
  choices: string;
  expected: Record<string, unknown>;
}

const examples = JSON.parse(
  readFileSync(new URL('../fixtures/examples/faulty-kettle.expected.json', import.meta.url), 'utf8'),
) as Example[];

const KETTLE = 'scenarios/faulty-kettle.yaml';

describe("sim play --json reproduces the example's expected results (scoring v2)", {
  timeout: SPAWN_TIMEOUT,
}, () => {
  for (const { model, choices, expected } of examples) {
    it(`${model} --choices ${choices}`, async () => {
      const { code, stdout } = await sim('play', KETTLE, '--model', model, '--choices', choices, '--json');
      expect(code).toBe(0);
      const actual = JSON.parse(stdout) as Record<string, unknown>;
      expect(Object.keys(actual)).toEqual(Object.keys(expected));
      for (const field of Object.keys(expected)) expect(actual[field], field).toEqual(expected[field]);
      expect(actual).toEqual(expected);
    });
  }
});

describe('sim play for a person', { timeout: SPAWN_TIMEOUT }, () => {
  it('prints steps, feedback, faults with their reply, band, KPIs and marking points', async () => {
    const { code, stdout } = await sim('play', KETTLE, '--model', 'LASS', '--choices', '3,1,3,2');
    expect(code).toBe(0);
    expect(stdout).toMatch(/✗ Solve\s+1\.5\/2/);
    expect(stdout).toContain('You only partly offered a solution.');
    expect(stdout).toMatch(/Blaming \(blame\) in reply opening\.3: −2 marks\.\n\s+“They're usually fine/);
    expect(stdout).toContain('Score: 1.5 out of 8 = 18.8%, Not yet achieved');
    expect(stdout).toContain(
      'outcome (at most Pass; the percent was already lower): The complaint was left unresolved, but you could have resolved it.',
    );
    expect(stdout).toContain('NPS 0/10 (detractor)');
    expect(stdout).toContain('first-contact resolution: no');
    expect(stdout).toMatch(/✓ met\s+Used open questions/);
    expect(stdout).toMatch(
      /✗ missed\s+Gave accurate information about the customer's statutory rights \(essential\)/,
    );
  });

  it('says why the band is below the percent: the reply that put procedure first', async () => {
    const { code, stdout } = await sim('play', KETTLE, '--model', 'LASS', '--choices', '1,1,1,1,1');
    expect(code).toBe(0);
    expect(stdout).toContain('Score: 7 out of 8 = 87.5%, Merit');
    expect(stdout).toContain(
      'fault (at most Merit): ‘Have you got the receipt?’ put procedure before the customer.',
    );
  });
});

describe('sim play refuses a run it cannot score', { timeout: SPAWN_TIMEOUT }, () => {
  const cases: [string, string[], RegExp][] = [
    [
      'a position the node does not offer',
      ['--model', 'LASS', '--choices', '2,4'],
      /node 'details'.*3 replies/,
    ],
    ['choices past an ending', ['--model', 'LASS', '--choices', '2,1,1,1,1'], /ended at node 'resolved-end'/],
    [
      'choices that stop before an ending',
      ['--model', 'LASS', '--choices', '2,1'],
      /node 'remedy'.*1 = remedy\.1/,
    ],
    [
      'an unknown model',
      ['--model', 'BLAST', '--choices', '2,1,1,1'],
      /unknown model 'BLAST'.*LASS, LAST, HEAT/,
    ],
    [
      'choices that are not positions',
      ['--model', 'LASS', '--choices', '2,0'],
      /--choices must be whole numbers/,
    ],
  ];
  for (const [what, args, message] of cases) {
    it(`exits 1 for ${what}, with one message on stderr and nothing on stdout`, async () => {
      const { code, stdout, stderr } = await sim('play', KETTLE, ...args, '--json');
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(/\n\s+at /);
    });
  }

  it('exits 1 for a missing file', async () => {
    const { code, stdout, stderr } = await sim(
      'play',
      'scenarios/no-such.yaml',
      '--model',
      'LASS',
      '--choices',
      '1',
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/cannot read scenarios\/no-such\.yaml/);
  });
});
