/**
 * The map's and presenter mode's facts about a scenario are worked out once
 * per page: the memo is the page's (`GameShell.tutorFacts`), handed in, never
 * a module's, so two pages (or two tests) never share or leak entries.
 */
import { describe, expect, it } from 'vitest';
import { type TutorFacts, tutorFacts } from '../../../src/game/map/tutorFacts.ts';
import { authorReport, exploreRuns } from '../../../src/tutor/index.ts';
import { catalogue, loadFile } from '../../lms/support.ts';

const kettle = loadFile('scenarios/faulty-kettle.yaml');

describe('tutorFacts', () => {
  it('works a scenario out once per memo and gives the same facts again', () => {
    const memo: TutorFacts = new WeakMap();
    const first = tutorFacts(kettle, catalogue, memo);
    expect(memo.get(kettle)).toBe(first);
    expect(tutorFacts(kettle, catalogue, memo)).toBe(first);
  });

  it("keeps nothing outside the memo it is given: another page's memo works it out afresh", () => {
    const one = tutorFacts(kettle, catalogue, new WeakMap());
    const other: TutorFacts = new WeakMap();
    const again = tutorFacts(kettle, catalogue, other);
    expect(again).not.toBe(one);
    expect(other.get(kettle)).toBe(again);
    expect(again).toEqual(one);
  });

  it("is the tutor core's exploration and author report of the scenario", () => {
    const facts = tutorFacts(kettle, catalogue, new WeakMap());
    const exploration = exploreRuns(kettle, catalogue);
    expect(facts.exploration).toEqual(exploration);
    expect(facts.report).toEqual(authorReport(kettle, catalogue, {}, { exploration }));
  });
});
