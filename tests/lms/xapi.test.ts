import * as validation from '@learninglocker/xapi-validation';
import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/engine/index.ts';
import {
  answeredStatement,
  completedStatement,
  judgedStatement,
  launchedStatement,
  scenarioActivityId,
  VERBS,
  XAPI_EXTENSIONS,
  type XapiAttempt,
  type XapiStatement,
} from '../../src/lms/index.ts';
import { scoreRun } from '../../src/scoring/index.ts';
import { buildScenario } from '../engine/build.ts';
import { catalogue, loadFile } from './support.ts';

type Validate = (statement: unknown) => unknown[];
const lib = validation as unknown as { default: Validate | { default: Validate } };
const validate: Validate = typeof lib.default === 'function' ? lib.default : lib.default.default;

const kettle = loadFile('scenarios/faulty-kettle.yaml');
const lass = catalogue.models.get('LASS');
if (lass === undefined) throw new Error('LASS missing');

const attempt: XapiAttempt = {
  actor: { objectType: 'Agent', account: { homePage: 'https://moodle.college.example', name: '4711' } },
  activityBase: 'https://sim.college.example/complaints/',
  scenario: kettle,
  model: lass,
  mode: 'assessment',
  registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7',
};
const stamp = (n: number) => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  timestamp: new Date(Date.UTC(2026, 2, 1, 9, 0, n)),
});

function play(ids: readonly string[]) {
  const session = createSession(kettle);
  for (const id of ids) session.choose(id);
  const view = session.view();
  session.dispose();
  return view;
}

function expectValid(statement: XapiStatement): void {
  expect(validate(JSON.parse(JSON.stringify(statement)))).toEqual([]);
}

describe('xAPI statements', () => {
  const view = play(['opening.3', 'angry.1', 'details.3', 'remedy.2']);
  const score = scoreRun(kettle, view.run, lass, catalogue);

  it('the validator catches a broken statement (so an empty list means something)', () => {
    expect(validate({ actor: {}, verb: { id: 'not an iri' }, object: {} }).length).toBeGreaterThan(0);
  });

  it('builds a valid launched statement for the scenario activity', () => {
    const statement = launchedStatement(attempt, stamp(1));
    expectValid(statement);
    expect(statement.verb).toEqual(VERBS.launched);
    expect(statement.object.id).toBe('https://sim.college.example/complaints/scenarios/faulty-kettle');
    expect(statement.context?.registration).toBe(attempt.registration);
    expect(statement.context?.extensions?.[XAPI_EXTENSIONS.mode]).toBe('assessment');
    expect(statement.context?.contextActivities?.category?.[0]?.id).toBe(
      'https://sim.college.example/complaints/models/LASS',
    );
  });

  it('builds a valid answered statement per reply, with steps, faults and mood change in extensions', () => {
    view.transcript.forEach((entry, i) => {
      expectValid(answeredStatement(attempt, catalogue, entry, stamp(10 + i)));
    });
    const [first, second] = view.transcript;
    if (first === undefined || second === undefined) throw new Error('no transcript');
    const blame = answeredStatement(attempt, catalogue, first, stamp(10));
    expect(blame.verb).toEqual(VERBS.answered);
    expect(blame.object.id).toBe(`${scenarioActivityId(attempt)}/nodes/opening`);
    expect(blame.object.definition?.interactionType).toBe('choice');
    expect(blame.object.definition?.choices?.map((c) => c.id)).toEqual([
      'opening.1',
      'opening.2',
      'opening.3',
    ]);
    expect(blame.result?.response).toBe('opening.3');
    expect(blame.result?.success).toBe(false);
    expect(blame.result?.extensions?.[XAPI_EXTENSIONS.faults]).toEqual([
      { act: 'blame', penalty: 2, critical: false },
    ]);
    expect(blame.result?.extensions?.[XAPI_EXTENSIONS.mood]).toEqual({ before: 30, after: 5, change: -25 });
    expect(blame.context?.contextActivities?.parent?.[0]?.id).toBe(scenarioActivityId(attempt));
    const sorry = answeredStatement(attempt, catalogue, second, stamp(11));
    expect(sorry.result?.success).toBe(true);
    expect(sorry.result?.extensions?.[XAPI_EXTENSIONS.steps]).toEqual([
      { id: 'listen', credit: 1 },
      { id: 'apologise', credit: 1 },
    ]);
  });

  it('builds valid completed and failed statements with the scaled score and per-step scores', () => {
    const completed = completedStatement(attempt, score, 95.5, stamp(20));
    expectValid(completed);
    expect(completed.result).toMatchObject({ completion: true, duration: 'PT1M35.5S' });
    const judged = judgedStatement(attempt, score, 95.5, stamp(21));
    if (judged === null) throw new Error('an assessment is judged');
    expectValid(judged);
    expect(judged.verb).toEqual(VERBS.failed);
    expect(judged.result?.score).toEqual({
      scaled: score.score.percent / 100,
      raw: score.score.marks,
      min: 0,
      max: score.score.max,
    });
    expect(judged.result?.success).toBe(false);
    expect(judged.result?.extensions?.[XAPI_EXTENSIONS.stepScores]).toEqual(score.steps);
    expect(judged.result?.extensions?.[XAPI_EXTENSIONS.band]).toEqual(score.score);
  });

  it('builds a valid passed statement for a Distinction, and none for practice or an unfinished run', () => {
    const best = play(['opening.2', 'details.1', 'remedy.1', 'thanks.1']);
    const passed = judgedStatement(attempt, scoreRun(kettle, best.run, lass, catalogue), 60, stamp(30));
    if (passed === null) throw new Error('an assessment is judged');
    expectValid(passed);
    expect(passed.verb).toEqual(VERBS.passed);
    expect(passed.result?.score?.scaled).toBe(1);
    expect(
      judgedStatement(
        { ...attempt, mode: 'practice' },
        scoreRun(kettle, best.run, lass, catalogue),
        60,
        stamp(31),
      ),
    ).toBeNull();
    const partial = play(['opening.2']);
    expect(
      judgedStatement(attempt, scoreRun(kettle, partial.run, lass, catalogue), 60, stamp(32)),
    ).toBeNull();
  });

  it('keeps odd tutor-written ids valid IRIs and merges a cmi5 context template', () => {
    const odd = buildScenario({
      id: 'café complaint #1',
      start: 'start node',
      nodes: {
        'start node': { choices: [{ to: 'end', id: 'reply one?', acts: ['listen'] }] },
        end: { end: 'resolved' },
      },
    });
    const session = createSession(odd);
    session.choose('reply one?');
    const entry = session.view().transcript[0];
    if (entry === undefined) throw new Error('no transcript');
    const withTemplate: XapiAttempt = {
      ...attempt,
      scenario: odd,
      contextTemplate: {
        contextActivities: {
          grouping: [{ objectType: 'Activity', id: 'https://lms.example/course/au/1' }],
          category: [{ objectType: 'Activity', id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' }],
        },
        extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 'abc' },
      },
    };
    const statement = answeredStatement(withTemplate, catalogue, entry, stamp(40));
    expectValid(statement);
    expect(statement.object.id).toBe(
      'https://sim.college.example/complaints/scenarios/caf%C3%A9%20complaint%20%231/nodes/start%20node',
    );
    expect(statement.context?.contextActivities?.grouping).toEqual(
      withTemplate.contextTemplate?.contextActivities?.grouping,
    );
    expect(statement.context?.contextActivities?.category?.map((c) => c.id)).toEqual([
      'https://w3id.org/xapi/cmi5/context/categories/cmi5',
      'https://sim.college.example/complaints/models/LASS',
    ]);
    expect(statement.context?.extensions?.['https://w3id.org/xapi/cmi5/context/extensions/sessionid']).toBe(
      'abc',
    );
  });
});
