import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TABLE_FILE, tableText } from '../../scripts/scenarioTable.ts';
import { analyseScenario } from '../../src/analysis/index.ts';
import { readSource, SCENARIOS_DIR, yamlFilesUnder } from '../../src/cli/files.ts';
import { recommendedModelWarnings } from '../../src/cli/recommendedModels.ts';
import { playPositions } from '../../src/engine/index.ts';
import { CHANNELS, loadLibrary, type Scenario } from '../../src/scenario/index.ts';
import { scoreRun } from '../../src/scoring/index.ts';
import { catalogue, ROOT } from '../scenario/loadForTest.ts';

/** The worked example is the conformance fixture: it is copied as is, so the depth rules don't apply to it. */
const CONFORMANCE = 'faulty-kettle';

const sources = yamlFilesUnder(SCENARIOS_DIR).map((file) => readSource(file, ROOT));
const library = loadLibrary(sources, catalogue());
const byFile = new Map(library.scenarios.map((s) => [s.file, s]));
const written = library.scenarios.filter((s) => s.id !== CONFORMANCE);

describe('the scenario library', () => {
  it('has at least twelve scenarios besides the worked example, covering every channel', () => {
    expect(written.length).toBeGreaterThanOrEqual(12);
    expect(new Set(written.map((s) => s.channel))).toEqual(new Set(CHANNELS));
  });

  describe.each(sources.map((s) => s.file))('%s', (file) => {
    it('validates with no errors and no warnings', () => {
      const diagnostics = [
        ...(library.files.find((f) => f.file === file)?.diagnostics ?? []),
        ...recommendedModelWarnings(
          library.scenarios.filter((s) => s.file === file),
          sources,
          catalogue(),
        ),
      ];
      expect(diagnostics).toEqual([]);
    });

    it('meets the depth rules', ({ skip }) => {
      const scenario = byFile.get(file) as Scenario;
      if (scenario.id === CONFORMANCE) skip('the worked example is copied unchanged');
      const nodes = [...scenario.nodes.values()];
      const endings = nodes.filter((n) => n.kind === 'end');
      const choices = [...scenario.choices.values()];
      expect(nodes.length, 'nodes').toBeGreaterThanOrEqual(12);
      expect(new Set(endings.map((n) => n.end)).size, 'different ending outcomes').toBeGreaterThanOrEqual(3);
      expect(
        choices.filter((c) => c.feedback === undefined).map((c) => c.id),
        'replies without feedback',
      ).toEqual([]);
      expect(scenario.marking.length, 'marking points').toBeGreaterThanOrEqual(3);
      expect(scenario.marking.length, 'marking points').toBeLessThanOrEqual(6);
      expect(scenario.customer.about, 'customer.about').toBeTruthy();
      expect(scenario.modelsListed, 'lists its recommended models').toBe(true);
      expect(
        choices.some((c) => c.acts.some((a) => catalogue().acts.get(a.act)?.fault)),
        'has faults',
      ).toBe(true);
    });

    it('reaches Distinction and Not yet achieved under every recommended model, replayed through the machine', () => {
      const scenario = byFile.get(file) as Scenario;
      const analysis = analyseScenario(scenario, catalogue(), { models: scenario.models });
      expect(analysis.exhaustive, analysis.note).toBe(true);
      for (const result of analysis.models) {
        const model = catalogue().models.get(result.model);
        expect(result.best?.band, `${result.model} best`).toBe('Distinction');
        expect(result.worst?.band, `${result.model} worst`).toBe('Not yet achieved');
        for (const summary of [result.best, result.worst]) {
          if (summary === null || model === undefined) continue;
          const played = playPositions(scenario, [...summary.positions]);
          if (!played.ok) throw new Error(`${file}: ${played.error.message}`);
          const score = scoreRun(scenario, played.run, model, catalogue());
          expect(score.score.band).toBe(summary.band);
          expect(score.score.percent).toBe(summary.percent);
        }
      }
    });
  });

  it('is described by docs/scenarios.md (run `npm run docs:scenarios`)', () => {
    expect(readFileSync(TABLE_FILE, 'utf8')).toBe(tableText());
  });
});
