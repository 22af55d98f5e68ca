import { Scorm12API, Scorm2004API } from 'scorm-again';
import { describe, expect, it } from 'vitest';
import { findScormApi, LmsBridge, type TrackRequest } from '../../src/game/lms/index.ts';
import { decodeSuspendData } from '../../src/lms/index.ts';
import { scoreRun } from '../../src/scoring/index.ts';
import { catalogue, followRun, loadFile, storedCmi } from './support.ts';

const kettle = loadFile('scenarios/faulty-kettle.yaml');
const lass = catalogue.models.get('LASS');
if (lass === undefined) throw new Error('LASS missing');
const request: TrackRequest = { scenario: kettle, model: lass, catalogue, mode: 'assessment' };

type Flat = Record<string, string>;

/** A fake clock: each reading is 7.5 s after the last. */
function clock(): () => number {
  let t = Date.UTC(2026, 2, 1, 9);
  return () => {
    t += 7500;
    return t;
  };
}

function lms12(saved: Flat = {}) {
  const api = new Scorm12API({ logLevel: 5, autocommit: false });
  if (Object.keys(saved).length > 0) api.loadFromFlattenedJSON(saved, '');
  return api;
}

function lms2004(saved: Flat = {}) {
  const api = new Scorm2004API({ logLevel: 5, autocommit: false });
  if (Object.keys(saved).length > 0) api.loadFromFlattenedJSON(saved, '');
  return api;
}

/** Follows a new run (or the LMS's saved one) and plays `ids` in it, as the learner would. */
function play(bridge: LmsBridge, ids: readonly string[], req: TrackRequest = request, seed = 1_234) {
  const { run, stop } = followRun(bridge, req, seed);
  for (const id of ids) run.choose(id);
  return { session: run, stop, seed: run.seed };
}

describe('finding the LMS', () => {
  it('finds API_1484_11 or API in this window, a parent, or the opener; 2004 first', () => {
    const api12 = { LMSInitialize: () => 'true' };
    const api2004 = { Initialize: () => 'true' };
    const top: Record<string, unknown> = { API: api12 };
    top.parent = top;
    const middle = { parent: top };
    const frame = { parent: middle };
    expect(findScormApi(frame)?.version).toBe('1.2');
    top.API_1484_11 = api2004;
    expect(findScormApi(frame)?.version).toBe('2004');
    const popup = { parent: null, opener: { API: api12 } };
    expect(findScormApi(popup)?.api).toBe(api12);
    expect(findScormApi({})).toBeNull();
  });

  it('stops at a cross-origin frame instead of throwing', () => {
    const blocked = {
      get parent(): never {
        throw new DOMException('Blocked a frame', 'SecurityError');
      },
    };
    expect(findScormApi(blocked)).toBeNull();
  });

  it('without an LMS the bridge does nothing and play goes on', () => {
    const bridge = LmsBridge.connect({});
    expect(bridge.connected).toBe(false);
    const { session } = play(bridge, ['opening.2', 'details.1', 'remedy.1', 'thanks.1']);
    expect(session.view().ending?.outcome).toBe('resolved');
    bridge.finish();
  });
});

describe('SCORM 1.2 through scorm-again', () => {
  it('reports a finished assessment: passed, score, interactions, suspend data, within 1.2 limits', () => {
    const api = lms12();
    const bridge = LmsBridge.connect({ API: api }, clock());
    play(bridge, ['opening.2', 'details.1', 'remedy.1', 'thanks.1']);
    bridge.finish();
    const cmi = storedCmi(api);
    expect(cmi['cmi.core.lesson_status']).toBe('passed');
    expect(cmi['cmi.core.score.raw']).toBe('100');
    expect(cmi['cmi.core.score.max']).toBe('100');
    expect(cmi['cmi.core.exit']).toBe('');
    expect(cmi['cmi.core.session_time']).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
    expect(cmi['cmi.interactions.0.id']).toBe('faulty-kettle.r1.opening.2');
    expect(cmi['cmi.interactions.3.id']).toBe('faulty-kettle.r4.thanks.1');
    expect(cmi['cmi.interactions.3.result']).toBe('correct');
    expect(cmi['cmi.interactions.4.id']).toBeUndefined();
    expect(cmi['cmi.suspend_data']?.length).toBeLessThanOrEqual(4096);
    expect(decodeSuspendData(cmi['cmi.suspend_data'])?.replies).toEqual([2, 1, 1, 1]);
    expect(bridge.connection?.refused).toEqual([]);
  });

  it('suspends an unfinished run and resumes it on the next launch', () => {
    const first = lms12();
    const bridge = LmsBridge.connect({ API: first }, clock());
    play(bridge, ['opening.3', 'angry.1']);
    bridge.finish();
    const cmi = storedCmi(first);
    expect(cmi['cmi.core.lesson_status']).toBe('incomplete');
    expect(cmi['cmi.core.exit']).toBe('suspend');

    const again = lms12({ 'cmi.suspend_data': cmi['cmi.suspend_data'] ?? '', 'cmi.core.entry': 'resume' });
    const resumed = LmsBridge.connect({ API: again }, clock());
    expect(resumed.savedRun?.replies).toEqual([3, 1]);
    expect(resumed.savedRun?.seed).toBe(1_234);
    const { session, seed } = play(resumed, [], request, 99);
    expect(session.view().transcript.map((e) => e.choice.id)).toEqual(['opening.3', 'angry.1']);
    // The resumed run shows its replies in the order it had: the seed comes back with it.
    expect(seed).toBe(1_234);
    for (const id of ['details.1', 'remedy.1', 'thanks.1']) session.choose(id);
    resumed.finish();
    const expected = scoreRun(kettle, session.view().run, lass, catalogue).score;
    expect(storedCmi(again)['cmi.core.lesson_status']).toBe(
      expected.band === 'Not yet achieved' ? 'failed' : 'passed',
    );
    expect(storedCmi(again)['cmi.core.score.raw']).toBe(String(expected.percent));
  });

  it('starts fresh from corrupt suspend data, or a run of another model or mode', () => {
    for (const data of ['garbage', 'c1;faulty-kettle;zzz;LASS;a;21']) {
      const bridge = LmsBridge.connect({ API: lms12({ 'cmi.suspend_data': data }) }, clock());
      expect(play(bridge, []).session.view().transcript).toEqual([]);
    }
    const api = lms12();
    const bridge = LmsBridge.connect({ API: api }, clock());
    play(bridge, ['opening.2']);
    const practice = LmsBridge.connect({
      API: lms12({ 'cmi.suspend_data': storedCmi(api)['cmi.suspend_data'] ?? '' }),
    });
    expect(play(practice, [], { ...request, mode: 'practice' }).session.view().transcript).toEqual([]);
  });

  it('never downgrades a result: a later unfinished or practice run leaves "passed" alone', () => {
    const api = lms12();
    const bridge = LmsBridge.connect({ API: api }, clock());
    play(bridge, ['opening.2', 'details.1', 'remedy.1', 'thanks.1']);
    play(bridge, ['opening.2'], { ...request, mode: 'practice' });
    const cmi = storedCmi(api);
    expect(cmi['cmi.core.lesson_status']).toBe('passed');
    expect(cmi['cmi.core.score.raw']).toBe('100');
    expect(cmi['cmi.interactions.4.id']).toBe('faulty-kettle.r1.opening.2');
  });

  it('records a reply taken back and chosen again (practice undo) as a new interaction', () => {
    const api = lms12();
    const bridge = LmsBridge.connect({ API: api }, clock());
    const { session } = play(bridge, ['opening.3'], { ...request, mode: 'practice' });
    session.undo();
    session.choose('opening.2');
    const cmi = storedCmi(api);
    expect(cmi['cmi.interactions.0.id']).toBe('faulty-kettle.r1.opening.3');
    expect(cmi['cmi.interactions.1.id']).toBe('faulty-kettle.r1.opening.2');
    expect(decodeSuspendData(cmi['cmi.suspend_data'])?.replies).toEqual([2]);
  });
});

describe('never holding up play', () => {
  it('writes to the LMS after the game has drawn the change, in order, and all of it before finishing', () => {
    const api = lms12();
    const deferred: (() => void)[] = [];
    const bridge = LmsBridge.connect({ API: api }, clock(), (run) => deferred.push(run));
    play(bridge, ['opening.2', 'details.1']);
    expect(storedCmi(api)['cmi.interactions.0.id']).toBeUndefined();
    expect(deferred).toHaveLength(1);
    for (const run of deferred.splice(0)) run();
    expect(storedCmi(api)['cmi.interactions.1.id']).toBe('faulty-kettle.r2.details.1');
    const { session } = play(bridge, ['opening.3']);
    session.choose('angry.1');
    bridge.finish();
    const cmi = storedCmi(api);
    expect(cmi['cmi.interactions.3.id']).toBe('faulty-kettle.r2.angry.1');
    expect(cmi['cmi.core.exit']).toBe('suspend');
  });
});

describe('SCORM 2004 through scorm-again', () => {
  it('reports completion, success, scaled score and described interactions, and resumes', () => {
    const api = lms2004();
    const bridge = LmsBridge.connect({ API_1484_11: api }, clock());
    play(bridge, ['opening.3', 'angry.1', 'details.3', 'remedy.2']);
    bridge.finish();
    const cmi = storedCmi(api);
    expect(cmi['cmi.completion_status']).toBe('completed');
    expect(cmi['cmi.success_status']).toBe('failed');
    expect(Number(cmi['cmi.score.scaled'])).toBeGreaterThanOrEqual(0);
    expect(cmi['cmi.exit']).toBe('normal');
    expect(cmi['cmi.interactions.0.learner_response']).toBe('opening.3');
    expect(cmi['cmi.interactions.0.result']).toBe('incorrect');
    expect(cmi['cmi.interactions.0.description']).toBe('{lang=en-GB}opening, reply 3: Blaming (fault).');
    expect(bridge.connection?.refused).toEqual([]);

    const half = lms2004();
    const first = LmsBridge.connect({ API_1484_11: half }, clock());
    play(first, ['opening.2', 'details.1']);
    first.finish();
    expect(storedCmi(half)['cmi.exit']).toBe('suspend');
    const again = LmsBridge.connect({
      API_1484_11: lms2004({ 'cmi.suspend_data': storedCmi(half)['cmi.suspend_data'] ?? '' }),
    });
    expect(play(again, []).session.view().path).toEqual(['opening', 'details', 'remedy']);
  });
});
