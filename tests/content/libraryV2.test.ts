import { describe, expect, it } from 'vitest';
import { searchRuns } from '../../src/analysis/index.ts';
import { readSource, SCENARIOS_DIR, yamlFilesUnder } from '../../src/cli/files.ts';
import { loadLibrary, type Scenario } from '../../src/scenario/index.ts';
import { exploreRuns, GIVEAWAY_LIMITS, giveaways } from '../../src/tutor/index.ts';
import { catalogue, ROOT } from '../scenario/loadForTest.ts';

/**
 * Library v2 (issue 16): nothing in a reply's shape gives the answer away, and
 * every scenario turns on points an assessor would insist on. The worked
 * example is the contract's, copied unchanged, so its own shortcuts are left
 * to it (docs/law.md says so); it still counts in the library-wide shares.
 */
const CONFORMANCE = 'faulty-kettle';

const sources = yamlFilesUnder(SCENARIOS_DIR).map((file) => readSource(file, ROOT));
const library = loadLibrary(sources, catalogue());
const reports = new Map(
  library.scenarios.map((scenario) => [
    scenario.file,
    giveaways(scenario, catalogue(), exploreRuns(scenario, catalogue(), { models: scenario.models })),
  ]),
);
const written = library.scenarios.filter((s) => s.id !== CONFORMANCE);

/** Distinct node paths from the start to a resolved ending. */
function resolvedRoutes(scenario: Scenario): Set<string> {
  const routes = new Set<string>();
  searchRuns(
    scenario,
    [],
    catalogue(),
    { visitsPerNode: 1, maxRuns: 200_000, maxSteps: 5_000_000 },
    (run) => {
      if (run.ending.outcome === 'resolved') routes.add(run.path.join(' > '));
      return undefined;
    },
  );
  return routes;
}

describe('library v2: twenty role-plays where nothing gives the answer away', () => {
  it('has twenty scenarios or more', () => {
    expect(library.scenarios.length).toBeGreaterThanOrEqual(20);
  });

  it(`the best reply is the unique longest at no more than ${100 * GIVEAWAY_LIMITS.uniqueLongest}% of clear forks, and the only apology at no more than ${100 * GIVEAWAY_LIMITS.onlyApology}%`, () => {
    const forks = [...reports.values()].flatMap((report) => report.forks);
    expect(forks.length).toBeGreaterThan(40);
    const share = (count: number) => count / forks.length;
    expect(share(forks.filter((f) => f.uniqueLongest).length)).toBeLessThanOrEqual(
      GIVEAWAY_LIMITS.uniqueLongest,
    );
    expect(share(forks.filter((f) => f.onlyApology).length)).toBeLessThanOrEqual(GIVEAWAY_LIMITS.onlyApology);
  });

  it(`nor the unique shortest at more than ${100 * GIVEAWAY_LIMITS.uniqueShortest}% (rewriting wrong replies must not make the short one the giveaway)`, () => {
    const forks = [...reports.values()].flatMap((report) => report.forks);
    const shortest = forks.filter((f) => f.uniqueShortest).length;
    expect(shortest / forks.length).toBeLessThanOrEqual(GIVEAWAY_LIMITS.uniqueShortest);
  });

  it(`nor the only reply that does not say sorry at more than ${100 * GIVEAWAY_LIMITS.onlyWithoutApology}% (wrong replies may apologise, not all of them)`, () => {
    const forks = [...reports.values()].flatMap((report) => report.forks);
    const unsorry = forks.filter((f) => f.onlyWithoutApology).length;
    expect(unsorry / forks.length).toBeLessThanOrEqual(GIVEAWAY_LIMITS.onlyWithoutApology);
  });

  describe.each(written.map((s) => s.file))('%s', (file) => {
    const scenario = written.find((s) => s.file === file) as Scenario;

    it('never reaches Distinction by always taking the longest, the shortest, the politest-sounding, the apologising or the unapologetic reply', () => {
      const wins = (reports.get(file)?.strategies ?? []).filter((s) => s.band === 'Distinction');
      expect(wins.map((s) => `${s.strategy} under ${s.model}: ${s.choices.join(',')}`)).toEqual([]);
    });

    it('words its marking points as what the learner did, not as marker jargon', () => {
      const jargon = scenario.marking.filter((point) =>
        /award credit|credit (is )?given|candidate|learner should/i.test(point.text),
      );
      expect(jargon.map((point) => point.text)).toEqual([]);
    });

    it('has an essential marking point for the law or data protection it turns on', () => {
      expect(scenario.marking.filter((point) => point.essential).length).toBeGreaterThanOrEqual(1);
    });

    it('has at least two different routes to a resolved ending', () => {
      expect(resolvedRoutes(scenario).size).toBeGreaterThanOrEqual(2);
    });

    it('keeps its best run out of its header: no comment says which replies win', () => {
      const text = sources.find((s) => s.file === file)?.text ?? '';
      const header = text.split('\n').filter((line) => line.startsWith('#'));
      expect(
        header.filter((line) => /--choices|ideal|best (run|path|route)|\d+,\d+,\d+/i.test(line)),
      ).toEqual([]);
    });
  });
});
