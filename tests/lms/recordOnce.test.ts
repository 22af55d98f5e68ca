/**
 * Every reply is recorded once: across a relaunch that resumes the run (the
 * LMS keeps the first session's interactions, as Moodle does), undo, "try
 * again from here", a reload whose saved progress replays the run, and an
 * xAPI reporter that joins after the role-play started. scorm-again is the LMS.
 */
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { describe, expect, it } from 'vitest';
import {
  type HeldStore,
  LmsBridge,
  type StatementSink,
  type TrackRequest,
  XapiReporter,
} from '../../src/game/lms/index.ts';
import type { XapiStatement } from '../../src/lms/index.ts';
import { catalogue, followRun, loadFile, storedCmi } from './support.ts';

const kettle = loadFile('scenarios/faulty-kettle.yaml');
const lass = catalogue.models.get('LASS');
if (lass === undefined) throw new Error('LASS missing');
const assessment: TrackRequest = { scenario: kettle, model: lass, catalogue, mode: 'assessment' };
const practice: TrackRequest = { ...assessment, mode: 'practice' };

type Flat = Record<string, string>;
type Api = Scorm12API | Scorm2004API;

function clock(): () => number {
  let t = Date.UTC(2026, 2, 1, 9);
  return () => {
    t += 7500;
    return t;
  };
}

const versions = [
  {
    name: 'SCORM 1.2',
    lms: (saved: Flat = {}) => {
      const api = new Scorm12API({ logLevel: 5, autocommit: false });
      if (Object.keys(saved).length > 0) api.loadFromFlattenedJSON(saved, '');
      return api;
    },
    window: (api: Api) => ({ API: api }),
    time: 'time',
    entry: 'cmi.core.entry',
  },
  {
    name: 'SCORM 2004',
    lms: (saved: Flat = {}) => {
      const api = new Scorm2004API({ logLevel: 5, autocommit: false });
      if (Object.keys(saved).length > 0) api.loadFromFlattenedJSON(saved, '');
      return api;
    },
    window: (api: Api) => ({ API_1484_11: api }),
    time: 'timestamp',
    entry: 'cmi.entry',
  },
] as const;

/** The interaction ids the LMS holds, in order. */
function interactionIds(cmi: Flat): string[] {
  const ids: string[] = [];
  for (let n = 0; cmi[`cmi.interactions.${n}.id`] !== undefined; n += 1)
    ids.push(cmi[`cmi.interactions.${n}.id`] ?? '');
  return ids;
}

/** A relaunch as an LMS does it: everything the last session stored, with entry `resume`. */
function relaunch(cmi: Flat, entry: string): Flat {
  return { ...cmi, [entry]: 'resume' };
}

describe.each(versions)('$name: a resumed run records each reply once', (v) => {
  it('a relaunch resumes without writing the saved replies again; their ids and times stay', () => {
    const first = v.lms();
    const bridge = LmsBridge.connect(v.window(first), clock());
    const { run: session } = followRun(bridge, assessment);
    session.choose('opening.3');
    bridge.finish();
    const before = storedCmi(first);
    expect(interactionIds(before)).toEqual(['faulty-kettle.r1.opening.3']);

    const again = v.lms(relaunch(before, v.entry));
    const resumed = LmsBridge.connect(v.window(again), clock());
    const { run: next } = followRun(resumed, assessment, 99);
    expect(next.view().transcript.map((e) => e.choice.id)).toEqual(['opening.3']);
    for (const id of ['angry.1', 'details.1', 'remedy.1', 'thanks.1']) next.choose(id);
    resumed.finish();
    const after = storedCmi(again);
    expect(interactionIds(after)).toEqual([
      'faulty-kettle.r1.opening.3',
      'faulty-kettle.r2.angry.1',
      'faulty-kettle.r3.details.1',
      'faulty-kettle.r4.remedy.1',
      'faulty-kettle.r5.thanks.1',
    ]);
    expect(after[`cmi.interactions.0.${v.time}`]).toBe(before[`cmi.interactions.0.${v.time}`]);
    expect(resumed.connection?.refused).toEqual([]);
  });

  it('two relaunches in a row, then the end: still one interaction per reply', () => {
    let cmi: Flat = {};
    const plays = [['opening.2'], ['details.1'], ['remedy.1', 'thanks.1']];
    for (const ids of plays) {
      const api = v.lms(Object.keys(cmi).length === 0 ? {} : relaunch(cmi, v.entry));
      const bridge = LmsBridge.connect(v.window(api), clock());
      const { run: session } = followRun(bridge, assessment, 5);
      for (const id of ids) session.choose(id);
      bridge.finish();
      cmi = storedCmi(api);
    }
    expect(interactionIds(cmi)).toEqual([
      'faulty-kettle.r1.opening.2',
      'faulty-kettle.r2.details.1',
      'faulty-kettle.r3.remedy.1',
      'faulty-kettle.r4.thanks.1',
    ]);
  });

  it('practice undo: the undone reply stays recorded once, the replacement is new, a resume adds nothing', () => {
    const first = v.lms();
    const bridge = LmsBridge.connect(v.window(first), clock());
    const { run: session } = followRun(bridge, practice);
    session.choose('opening.3');
    session.undo();
    session.choose('opening.2');
    bridge.finish();
    const again = v.lms(relaunch(storedCmi(first), v.entry));
    const resumed = LmsBridge.connect(v.window(again), clock());
    const { run: next } = followRun(resumed, practice, 1);
    next.choose('details.1');
    resumed.finish();
    expect(interactionIds(storedCmi(again))).toEqual([
      'faulty-kettle.r1.opening.3',
      'faulty-kettle.r1.opening.2',
      'faulty-kettle.r2.details.1',
    ]);
  });

  it('try again from here: the replayed replies are not recorded again, the new ones are (even the same reply)', () => {
    const api = v.lms();
    const bridge = LmsBridge.connect(v.window(api), clock());
    const run = ['opening.2', 'details.1', 'remedy.1', 'thanks.1'];
    const { run: session } = followRun(bridge, assessment, 42);
    for (const id of run) session.choose(id);
    // "Try again from here" hands the next role-play the first two replies and the run's seed, replayed into it.
    const { run: retry } = followRun(bridge, assessment, 42, run.slice(0, 2));
    retry.choose('remedy.1');
    retry.choose('thanks.1');
    bridge.finish();
    expect(interactionIds(storedCmi(api))).toEqual([
      'faulty-kettle.r1.opening.2',
      'faulty-kettle.r2.details.1',
      'faulty-kettle.r3.remedy.1',
      'faulty-kettle.r4.thanks.1',
      'faulty-kettle.r3.remedy.1',
      'faulty-kettle.r4.thanks.1',
    ]);
  });

  it('a restart with a new seed is a new run: the same replies are recorded again, as the learner made them', () => {
    const api = v.lms();
    const bridge = LmsBridge.connect(v.window(api), clock());
    for (const value of [1, 2]) {
      const { run: session } = followRun(bridge, assessment, value);
      session.choose('opening.2');
    }
    bridge.finish();
    expect(interactionIds(storedCmi(api))).toEqual([
      'faulty-kettle.r1.opening.2',
      'faulty-kettle.r1.opening.2',
    ]);
  });
});

/** A sink that keeps every statement, in order. */
function keeper(): StatementSink & { statements: XapiStatement[] } {
  const statements: XapiStatement[] = [];
  return {
    statements,
    sendsLaunched: true,
    record: (s) => void statements.push(s),
    finished: (completed, judged) => void statements.push(completed, ...(judged === null ? [] : [judged])),
  };
}

const actor = { objectType: 'Agent' as const, account: { homePage: 'https://lms.example', name: '4711' } };
const verbs = (statements: readonly XapiStatement[]) => statements.map((s) => s.verb.id.split('/').at(-1));
const answered = (statements: readonly XapiStatement[]) =>
  statements
    .filter((s) => s.verb.id.endsWith('/answered'))
    .map((s) => (s.result as { response?: string } | undefined)?.response);

describe('xAPI: each reply once', () => {
  it('a reporter that joins after the role-play started still gets launched and every reply, with their times', () => {
    const bridge = LmsBridge.none();
    const { run: session } = followRun(bridge, assessment);
    session.choose('opening.2');
    session.choose('details.1');
    // The tutor's lms-config.json (or the cmi5 client) arrives now.
    const sink = keeper();
    bridge.observe(new XapiReporter({ actor, activityBase: 'https://sim.example/' }, sink));
    session.choose('remedy.1');
    session.choose('thanks.1');
    expect(verbs(sink.statements)).toEqual([
      'launched',
      'answered',
      'answered',
      'answered',
      'answered',
      'completed',
      'passed',
    ]);
    const times = sink.statements.map((s) => Date.parse(s.timestamp ?? ''));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('a reload whose saved progress replays the run sends no answered statement twice', () => {
    let text: string | null = null;
    const store: HeldStore = {
      load: () => text,
      save: (t) => {
        text = t;
      },
    };
    const sink = keeper();
    const first = LmsBridge.none(store);
    first.observe(new XapiReporter({ actor, activityBase: 'https://sim.example/' }, sink));
    const { run: session } = followRun(first, practice, 9);
    session.choose('opening.3');
    session.choose('angry.1');

    const reloaded = LmsBridge.none(store);
    reloaded.observe(new XapiReporter({ actor, activityBase: 'https://sim.example/' }, sink));
    // Saved progress replays the run (with its seed) into the reloaded page's run.
    const { run: again } = followRun(reloaded, practice, 9, ['opening.3', 'angry.1']);
    again.choose('details.1');
    expect(answered(sink.statements)).toEqual(['opening.3', 'angry.1', 'details.1']);
  });
});
