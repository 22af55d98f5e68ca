/** The menu cards' data (issue 18): order, "Start here", time estimates and best bands, over the real library. */
import { describe, expect, it } from 'vitest';
import { readSource, SCENARIOS_DIR, yamlFilesUnder } from '../../src/cli/files.ts';
import { bestBands } from '../../src/game/history/bestBands.ts';
import { medianReplies, minutesFor, orderForMenu, startHere } from '../../src/game/ui/scenarioCards.ts';
import type { Attempt } from '../../src/progress/index.ts';
import { loadLibrary } from '../../src/scenario/index.ts';
import { catalogue, ROOT } from '../scenario/loadForTest.ts';

const library = loadLibrary(
  yamlFilesUnder(SCENARIOS_DIR).map((file) => readSource(file, ROOT)),
  catalogue(),
).scenarios;

describe('menu cards', () => {
  it('starts beginners on the kettle and orders the rest by difficulty, then title', () => {
    const first = startHere(library);
    expect(first?.id).toBe('faulty-kettle');
    const ordered = orderForMenu(library, first);
    expect(ordered[0]).toBe(first);
    expect(ordered).toHaveLength(library.length);
    for (let i = 2; i < ordered.length; i++) {
      const [a, b] = [ordered[i - 1], ordered[i]];
      if (a === undefined || b === undefined) continue;
      expect(b.difficulty).toBeGreaterThanOrEqual(a.difficulty);
      if (a.difficulty === b.difficulty)
        expect(a.title.localeCompare(b.title, 'en-GB')).toBeLessThanOrEqual(0);
    }
  });

  it('estimates the time from the median reply count of the runs, 40 s a turn', () => {
    const kettle = library.find((s) => s.id === 'faulty-kettle');
    if (kettle === undefined) throw new Error('no kettle');
    // The kettle's 26 runs have 2 to 5 replies; the median is 4: 160 s, about 3 min.
    expect(medianReplies(kettle)).toBe(4);
    expect(minutesFor(kettle)).toBe(3);
    for (const scenario of library) {
      expect(medianReplies(scenario)).toBeGreaterThan(0);
      expect(minutesFor(scenario)).toBeGreaterThanOrEqual(1);
      expect(minutesFor(scenario)).toBeLessThanOrEqual(10);
    }
  });

  it('keeps the best band of each scenario under each model it was played under', () => {
    const attempt = (scenarioId: string, model: string, band: Attempt['band']) =>
      ({ scenarioId, model, band }) as Attempt;
    const best = bestBands([
      attempt('faulty-kettle', 'LASS', 'Pass'),
      attempt('faulty-kettle', 'LASS', 'Distinction'),
      attempt('faulty-kettle', 'LASS', 'Merit'),
      attempt('faulty-kettle', 'HEAT', 'Not yet achieved'),
      attempt('delete-my-data', 'LASS', 'Merit'),
    ]);
    expect(best.get('faulty-kettle')?.get('LASS')).toBe('Distinction');
    expect(best.get('faulty-kettle')?.get('HEAT')).toBe('Not yet achieved');
    expect(best.get('delete-my-data')?.get('LASS')).toBe('Merit');
    expect(best.get('delete-my-data')?.get('HEAT')).toBeUndefined();
  });
});
