import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLibrary, MAX_FILE_BYTES } from '../../src/scenario/index.ts';
import { catalogue, FIXTURES, loadFixture, loadText, ROOT } from './loadForTest.ts';

describe('limits on hostile or oversized files', () => {
  it('refuses a file over 1 MB before parsing it', () => {
    const text = `id: big\ntitle: "${'x'.repeat(MAX_FILE_BYTES)}"\n`;
    const { scenario, diagnostics } = loadText(text, 'big.yaml');
    expect(scenario).toBeNull();
    expect(diagnostics).toEqual([
      expect.objectContaining({
        line: 1,
        column: 1,
        code: 'file-too-large',
        message: 'the file is 1.0 MB; scenario files may be at most 1 MB. Split it into smaller scenarios.',
      }),
    ]);
  });

  it('counts the size in bytes, so multi-byte text cannot slip past the limit', () => {
    const text = `title: "${'é'.repeat(MAX_FILE_BYTES / 2 + 1)}"\n`;
    expect(text.length).toBeLessThan(MAX_FILE_BYTES);
    expect(loadText(text).diagnostics[0]?.code).toBe('file-too-large');
  });

  it('refuses aliases that expand beyond the bound (billion laughs)', () => {
    const { scenario, diagnostics } = loadFixture('alias-bomb');
    expect(scenario).toBeNull();
    expect(diagnostics).toEqual([
      expect.objectContaining({
        line: 2,
        column: 8,
        code: 'alias-bomb',
        message:
          'anchors and aliases (& and *) here expand to too much text (more than 100 copies). Write the repeated text out instead.',
      }),
    ]);
  });

  it('allows a few ordinary aliases', () => {
    const text = readFileSync(path.join(FIXTURES, 'valid-minimal.yaml'), 'utf8')
      .replace('feedback: Good.', 'feedback: &kind Good.')
      .replace('feedback: Poor.', 'feedback: *kind');
    const { scenario, diagnostics } = loadText(text);
    expect(diagnostics).toEqual([]);
    expect(scenario?.choices.get('opening.2')?.feedback).toBe('Good.');
  });

  it('reports absurdly deep nesting instead of overflowing the stack', () => {
    const { scenario, diagnostics } = loadText(`title: ${'['.repeat(200_000)}`);
    expect(scenario).toBeNull();
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.every((d) => d.severity === 'error' && d.line >= 1 && d.column >= 1)).toBe(true);
  });

  it('treats __proto__ as an ordinary node id without touching any prototype', () => {
    const { scenario, diagnostics } = loadFixture('proto-keys');
    expect(diagnostics).toEqual([]);
    expect(scenario?.nodes.get('__proto__')?.kind).toBe('end');
    expect(({} as Record<string, unknown>).customer).toBeUndefined();
  });
});

describe('the library', () => {
  it('loads the worked example with no diagnostics at all', () => {
    const file = path.join(ROOT, 'scenarios/faulty-kettle.yaml');
    const text = readFileSync(file, 'utf8');
    const { scenarios, files } = loadLibrary([{ file: 'faulty-kettle.yaml', text }], catalogue());
    expect(files[0]?.diagnostics).toEqual([]);
    const kettle = scenarios[0];
    expect(kettle?.id).toBe('faulty-kettle');
    expect(kettle?.nodes.size).toBe(9);
    // Scoring v2: the example's two new faults, and its one essential marking point.
    expect(kettle?.choices.get('opening.1')?.acts).toEqual([{ act: 'process-first', credit: 1 }]);
    expect(kettle?.choices.get('remedy.2')?.acts).toEqual([
      { act: 'solve', credit: 0.5 },
      { act: 'lesser-remedy', credit: 1 },
    ]);
    expect(kettle?.marking.filter((m) => m.essential).map((m) => m.id)).toEqual(['statutory-rights']);
    // The v2 example quotes each line of its flow list, so the comma in "Yes, it's here." no longer splits it.
    expect(kettle?.nodes.get('receipt')?.customer).toEqual([
      "Yes, it's here.",
      "But I'm more bothered about having no kettle tonight!",
    ]);
    expect(kettle?.marking.find((point) => point.id === 'statutory-rights')?.essential).toBe(true);
    expect(kettle?.marking.find((point) => point.id === 'courtesy')?.essential).toBe(false);
  });

  it('rejects a scenario id used by two files and keeps the first', () => {
    const text = (name: string) => readFileSync(path.join(FIXTURES, `${name}.yaml`), 'utf8');
    const { scenarios, files } = loadLibrary(
      [
        { file: 'valid-minimal.yaml', text: text('valid-minimal') },
        { file: 'broken.yaml', text: text('yaml-syntax') },
        { file: 'duplicate-scenario-id.yaml', text: text('duplicate-scenario-id') },
      ],
      catalogue(),
    );
    expect(scenarios.map((s) => s.file)).toEqual(['valid-minimal.yaml']);
    expect(files[1]?.diagnostics[0]?.code).toBe('yaml-syntax');
    expect(files[2]?.diagnostics).toEqual([
      {
        file: 'duplicate-scenario-id.yaml',
        line: 1,
        column: 5,
        severity: 'error',
        code: 'duplicate-scenario-id',
        message:
          "the scenario id 'valid-minimal' is already used by valid-minimal.yaml: give this scenario its own id.",
      },
    ]);
  });
});
