/** "Say it your way" in xAPI: `answered` carries the act ids found in the learner's words; their text only by the tutor's opt-in. */
import * as validation from '@learninglocker/xapi-validation';
import { describe, expect, it } from 'vitest';
import { createSession } from '../../src/engine/index.ts';
import { type StatementSink, type TrackRequest, XapiReporter } from '../../src/game/lms/index.ts';
import { answeredStatement, XAPI_EXTENSIONS, type XapiStatement } from '../../src/lms/index.ts';
import { catalogue, loadFile } from './support.ts';

type Validate = (statement: unknown) => unknown[];
const lib = validation as unknown as { default: Validate | { default: Validate } };
const validate: Validate = typeof lib.default === 'function' ? lib.default : lib.default.default;

const kettle = loadFile('scenarios/faulty-kettle.yaml');
const lass = catalogue.models.get('LASS');
if (lass === undefined) throw new Error('LASS missing');
const actor = {
  objectType: 'Agent',
  account: { homePage: 'https://moodle.college.example', name: '4711' },
} as const;
const TYPED = "Oh no I'm so sorry about that, what happened?";

function played(ids: readonly string[]) {
  const session = createSession(kettle);
  for (const id of ids) session.choose(id);
  const view = session.view();
  session.dispose();
  return view;
}

/** Runs a reporter over two replies, the first typed first, and returns its answered statements. */
function report(recordSaidText: boolean): XapiStatement[] {
  const recorded: XapiStatement[] = [];
  const sink: StatementSink = {
    record: (s) => recorded.push(s),
    finished: () => undefined,
    sendsLaunched: false,
  };
  let n = 0;
  const reporter = new XapiReporter(
    {
      actor,
      activityBase: 'https://sim.college.example/',
      registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7',
      recordSaidText,
    },
    sink,
    () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  );
  const request: TrackRequest = {
    scenario: kettle,
    model: lass as NonNullable<typeof lass>,
    catalogue,
    mode: 'practice',
    said: (at) =>
      at === 0
        ? {
            text: TYPED,
            acts: [
              { act: 'apologise', evidence: "I'm so sorry", check: 'tutor' },
              { act: 'question', evidence: 'what happened', check: 'sure' },
              // A record from before the flag: read as "tutor to check", and named once.
              { act: 'apologise', evidence: 'sorry' },
            ],
            picked: 'opening.2',
          }
        : // An entry that names another reply than the one chosen is not this reply's.
          at === 1
          ? { text: 'not this one', acts: [{ act: 'thank', evidence: 'thanks' }], picked: 'details.2' }
          : undefined,
  };
  reporter.started(request, 0);
  reporter.changed(played(['opening.2', 'details.1']), request, { fromEntry: 0, answeredAt: [], at: 1000 });
  return recorded;
}

describe('say it your way in xAPI', () => {
  it('answered carries the act ids found (each once), never the typed text, unless the tutor opts in', () => {
    const [first, second] = report(false);
    expect(first?.result?.extensions?.[XAPI_EXTENSIONS.said]).toEqual({
      acts: ['apologise', 'question'],
      tutorToCheck: ['apologise'],
    });
    expect(second?.result?.extensions?.[XAPI_EXTENSIONS.said]).toBeUndefined();
    expect(JSON.stringify(report(false))).not.toContain('so sorry');
    const [opted] = report(true);
    expect(opted?.result?.extensions?.[XAPI_EXTENSIONS.said]).toEqual({
      acts: ['apologise', 'question'],
      tutorToCheck: ['apologise'],
      text: TYPED,
    });
    for (const statement of [...report(false), ...report(true)])
      expect(validate(JSON.parse(JSON.stringify(statement)))).toEqual([]);
  });

  it('a reply not typed first has no said extension at all', () => {
    const [entry] = played(['opening.2']).transcript;
    if (entry === undefined) throw new Error('no reply');
    const statement = answeredStatement(
      {
        actor,
        activityBase: 'https://sim.college.example/',
        scenario: kettle,
        model: lass as NonNullable<typeof lass>,
        mode: 'practice',
      },
      catalogue,
      entry,
      { id: '00000000-0000-4000-8000-000000000001', timestamp: new Date(0) },
    );
    expect(Object.keys(statement.result?.extensions ?? {})).not.toContain(XAPI_EXTENSIONS.said);
  });
});
