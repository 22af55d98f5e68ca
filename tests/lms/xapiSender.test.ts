import * as validation from '@learninglocker/xapi-validation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Cmi5Class,
  cmi5Sink,
  LmsBridge,
  queuedCmi5,
  readXapiLaunch,
  senderSink,
  type TrackRequest,
  XapiReporter,
  XapiSender,
} from '../../src/game/lms/index.ts';
import { parseActor } from '../../src/game/lms/launchConfig.ts';
import type { XapiStatement } from '../../src/lms/index.ts';
import { type StubLrs, startStubLrs } from './stubLrs.ts';
import { catalogue, followRun, loadFile } from './support.ts';

type Validate = (statement: unknown) => unknown[];
const lib = validation as unknown as { default: Validate | { default: Validate } };
const validate: Validate = typeof lib.default === 'function' ? lib.default : lib.default.default;

const kettle = loadFile('scenarios/faulty-kettle.yaml');
const critical = loadFile('tests/fixtures/engine/critical-fault.yaml');
const lass = catalogue.models.get('LASS');
if (lass === undefined) throw new Error('LASS missing');
const request: TrackRequest = { scenario: kettle, model: lass, catalogue, mode: 'assessment' };
const actor = {
  objectType: 'Agent' as const,
  account: { homePage: 'https://moodle.college.example', name: '4711' },
};
const AUTH = 'Basic dGVzdDp0ZXN0';

let lrs: StubLrs;
beforeAll(async () => {
  lrs = await startStubLrs();
});
afterAll(() => lrs.close());

let uuid = 0;
const newId = () => {
  uuid += 1;
  return `00000000-0000-4000-8000-${String(uuid).padStart(12, '0')}`;
};

function memoryStore() {
  let text: string | null = null;
  return {
    load: () => text,
    save: (t: string) => {
      text = t;
    },
  };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

function runWith(observer: XapiReporter, ids: readonly string[], req: TrackRequest = request): void {
  const bridge = LmsBridge.none();
  bridge.observe(observer);
  const { run } = followRun(bridge, req, 1);
  for (const id of ids) run.choose(id);
}

describe('sending statements to an LRS', () => {
  it('sends a whole run to the stub LRS: launched, answered per reply, completed, passed; every one valid', async () => {
    lrs.statements.length = 0;
    const sender = new XapiSender({ endpoint: lrs.endpoint, auth: AUTH }, { newId });
    const reporter = new XapiReporter(
      {
        actor,
        activityBase: 'https://sim.college.example/',
        registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7',
      },
      senderSink(sender),
      newId,
    );
    runWith(reporter, ['opening.2', 'details.1', 'remedy.1', 'thanks.1']);
    await until(() => sender.pending === 0 && lrs.statements.length === 7);
    const verbs = lrs.statements.map((s) => (s as XapiStatement).verb.id.split('/').at(-1));
    expect(verbs).toEqual([
      'launched',
      'answered',
      'answered',
      'answered',
      'answered',
      'completed',
      'passed',
    ]);
    for (const statement of lrs.statements) expect(validate(statement)).toEqual([]);
    expect(lrs.requests.at(-1)).toEqual({ auth: AUTH, version: '1.0.3' });
    const passed = lrs.statements.at(-1) as XapiStatement;
    expect(passed.result?.score).toEqual({ scaled: 1, raw: 8, min: 0, max: 8 });
  });

  it('keeps statements while the LRS is down and sends them, once each, when it is back', async () => {
    lrs.statements.length = 0;
    lrs.status = 503;
    const retries: (() => void)[] = [];
    const store = memoryStore();
    const sender = new XapiSender(
      { endpoint: lrs.endpoint, auth: AUTH },
      { newId, store, schedule: (run) => retries.push(run) },
    );
    const reporter = new XapiReporter(
      { actor, activityBase: 'https://sim.college.example/' },
      senderSink(sender),
    );
    runWith(reporter, ['opening.2', 'details.1']);
    await until(() => retries.length > 0);
    expect(sender.pending).toBe(3);
    expect(JSON.parse(store.load() ?? '[]')).toHaveLength(3);
    // A reload while offline: a new sender picks the queue up from storage.
    const reloaded = new XapiSender(
      { endpoint: lrs.endpoint, auth: AUTH },
      { newId, store, schedule: (run) => retries.push(run) },
    );
    expect(reloaded.pending).toBe(3);
    lrs.status = 200;
    await reloaded.flush();
    expect(reloaded.pending).toBe(0);
    expect(lrs.statements).toHaveLength(3);
    expect(new Set(lrs.statements.map((s) => (s as XapiStatement).id)).size).toBe(3);
  });

  it('keeps statements when the network is unreachable, and never throws into play', async () => {
    const retries: (() => void)[] = [];
    const sender = new XapiSender(
      { endpoint: 'http://127.0.0.1:9/xapi/', auth: AUTH },
      { newId, schedule: (run) => retries.push(run) },
    );
    const reporter = new XapiReporter(
      { actor, activityBase: 'https://sim.college.example/' },
      senderSink(sender),
    );
    expect(() => runWith(reporter, ['opening.2'])).not.toThrow();
    await until(() => retries.length > 0);
    expect(sender.pending).toBe(2);
  });

  it('drops a batch the LRS refuses as invalid instead of retrying it for ever', async () => {
    lrs.status = 400;
    const sender = new XapiSender({ endpoint: lrs.endpoint, auth: AUTH }, { newId });
    sender.send({
      actor,
      verb: { id: 'http://adlnet.gov/expapi/verbs/answered', display: {} },
      object: { objectType: 'Activity', id: 'https://x/' },
    });
    await until(() => sender.pending === 0);
    expect(sender.rejected.map((r) => r.status)).toEqual([400]);
    lrs.status = 200;
  });
});

describe('launch links', () => {
  it('reads an xAPI launch link, a cmi5 launch, and nothing from an ordinary address', () => {
    const actorJson = JSON.stringify({
      account: [{ accountServiceHomePage: 'https://lms.example', accountName: 'u1' }],
    });
    const link = `?endpoint=${encodeURIComponent('https://lrs.example/xapi')}&auth=${encodeURIComponent(AUTH)}&actor=${encodeURIComponent(actorJson)}&registration=ec531277-b57b-4c15-8d91-d292c5b2b8f7&activity_id=${encodeURIComponent('https://sim.example/a')}`;
    expect(readXapiLaunch(link)).toEqual({
      kind: 'xapi',
      endpoint: 'https://lrs.example/xapi/',
      auth: AUTH,
      actor: { objectType: 'Agent', account: { homePage: 'https://lms.example', name: 'u1' } },
      registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7',
      activityBase: 'https://sim.example/a/',
    });
    expect(
      readXapiLaunch(
        '?endpoint=https://lrs.example/&fetch=https://lms/f&actor={}&registration=r&activityId=https://a',
      ).kind,
    ).toBe('cmi5');
    expect(readXapiLaunch('?scenario=faulty-kettle').kind).toBe('none');
    expect(readXapiLaunch('?endpoint=javascript:alert(1)&auth=x').kind).toBe('none');
    expect(parseActor('{not json')).toBeNull();
    expect(parseActor('{"mbox":"mailto:a@b.example"}')).toEqual({
      objectType: 'Agent',
      mbox: 'mailto:a@b.example',
    });
  });
});

describe('cmi5', () => {
  function fakeCmi5(launch: { launchMode?: string; masteryScore?: number } = { launchMode: 'Normal' }) {
    const calls: string[] = [];
    const sent: object[] = [];
    const cmi5 = {
      initialize: async () => void calls.push('initialized'),
      getLaunchParameters: () => ({
        actor,
        registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7',
        activityId: 'https://lms.example/au/1',
      }),
      getLaunchData: () => launch,
      sendXapiStatement: async (s: never) => {
        calls.push('answered');
        sent.push(s);
      },
      complete: async () => void calls.push('completed'),
      pass: async (score: unknown) => void calls.push(`passed ${score}`),
      fail: async (score: unknown) => void calls.push(`failed ${score}`),
      terminate: async () => void calls.push('terminated'),
    };
    return { cmi5, calls, sent };
  }

  it('sends answered through the cmi5 session after initialized, then completed and passed, then terminated', async () => {
    const { cmi5, calls, sent } = fakeCmi5();
    const sink = cmi5Sink(cmi5, cmi5.initialize());
    runWith(new XapiReporter({ actor, activityBase: 'https://lms.example/au/1/' }, sink), [
      'opening.2',
      'details.1',
      'remedy.1',
      'thanks.1',
    ]);
    await sink.terminate();
    expect(calls).toEqual([
      'initialized',
      'answered',
      'answered',
      'answered',
      'answered',
      'completed',
      'passed 1',
      'terminated',
    ]);
    expect(sent[0]).toMatchObject({
      actor,
      context: { registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7' },
    });
    expect(validate(sent[0])).toEqual([]);
  });

  it('uses the LMS mastery score, but a critical fault still fails; in Browse mode nothing is judged', async () => {
    const strict = fakeCmi5({ launchMode: 'Normal', masteryScore: 0.9 });
    const sink = cmi5Sink(strict.cmi5, Promise.resolve());
    const heat = catalogue.models.get('HEAT');
    if (heat === undefined) throw new Error('HEAT missing');
    runWith(
      new XapiReporter({ actor, activityBase: 'https://lms.example/au/1/' }, sink),
      ['opening.2', 'details.1', 'remedy.1', 'thanks.1'],
      { ...request, model: heat },
    );
    await sink.terminate();
    expect(strict.calls).toContain('failed 0.875');

    const legal = fakeCmi5({ launchMode: 'Normal', masteryScore: 0.1 });
    const sink2 = cmi5Sink(legal.cmi5, Promise.resolve());
    runWith(
      new XapiReporter({ actor, activityBase: 'https://lms.example/au/1/' }, sink2),
      ['call.1', 'ask.1'],
      { ...request, scenario: critical },
    );
    await sink2.terminate();
    expect(legal.calls.some((c) => c.startsWith('failed'))).toBe(true);

    const browse = fakeCmi5({ launchMode: 'Browse' });
    const sink3 = cmi5Sink(browse.cmi5, Promise.resolve());
    runWith(new XapiReporter({ actor, activityBase: 'https://lms.example/au/1/' }, sink3), [
      'opening.2',
      'details.1',
      'remedy.1',
      'thanks.1',
    ]);
    await sink3.terminate();
    expect(browse.calls).toEqual(['answered', 'answered', 'answered', 'answered', 'terminated']);
  });
});

/**
 * One durable queue for plain xAPI and cmi5 (XapiSender): statements are
 * saved with their ids before anything is posted, a reload picks them up, and
 * a resend of one the LRS already stored is not stored again.
 */
describe('the durable statement queue, across reloads', () => {
  const AU = 'https://lms.example/au/1';
  const SESSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
  const registration = 'ec531277-b57b-4c15-8d91-d292c5b2b8f7';

  /** Stands in for @xapi/cmi5's client (browser-only): the handshake, and statements built by its rules. */
  function fakeClient(token: string, session: string): Cmi5Class {
    class FakeCmi5 {
      private authToken = '';
      constructor(private readonly launch: { actor: unknown; registration: string; activityId: string }) {}
      private built(verb: string): XapiStatement {
        return {
          id: newId(),
          actor,
          verb: { id: `http://adlnet.gov/expapi/verbs/${verb}`, display: { 'en-US': verb } },
          object: { objectType: 'Activity', id: AU },
          context: { registration, extensions: { [SESSION]: session } },
          timestamp: new Date(Date.UTC(2025, 0, 1)).toISOString(),
        };
      }
      async initialize() {
        this.authToken = token;
        return this.sendXapiStatement(this.built('initialized'));
      }
      getAuthToken() {
        return this.authToken;
      }
      getLaunchParameters() {
        return this.launch;
      }
      getLaunchData() {
        return { launchMode: 'Normal', contextTemplate: { extensions: { [SESSION]: session } } };
      }
      complete(options?: { transform?: (s: never) => unknown }) {
        return this.sendXapiStatement(this.built('completed'), options);
      }
      pass(_score: unknown, options?: { transform?: (s: never) => unknown }) {
        return this.sendXapiStatement(this.built('passed'), options);
      }
      fail(_score: unknown, options?: { transform?: (s: never) => unknown }) {
        return this.sendXapiStatement(this.built('failed'), options);
      }
      terminate() {
        return this.sendXapiStatement(this.built('terminated'));
      }
      sendXapiStatement(_statement: unknown, _options?: unknown): Promise<unknown> {
        throw new Error('the real client would post this itself, outside the queue');
      }
    }
    return FakeCmi5 as unknown as Cmi5Class;
  }

  const launch = (n: number) => ({
    endpoint: lrs.endpoint,
    fetch: `https://lms.example/fetch/${n}`,
    actor,
    registration,
    activityId: AU,
  });
  const verbOf = (s: unknown) => (s as XapiStatement).verb.id.split('/').at(-1);
  const idOf = (s: unknown) => (s as XapiStatement).id;
  const queued = (store: { load(): string | null }) => JSON.parse(store.load() ?? '[]') as XapiStatement[];

  it('a reload after the LRS stored a batch but before its reply came: the next page resends the same ids, the LRS stores each once', async () => {
    lrs.statements.length = 0;
    lrs.postedIds.length = 0;
    const store = memoryStore();
    const retries: (() => void)[] = [];
    // The LRS gets the batch; the page goes before the reply reaches it.
    const replyLost: typeof fetch = async (...args) => {
      await fetch(...args);
      throw new TypeError('the page went before the reply came');
    };
    const first = new XapiSender(null, {
      newId,
      store,
      fetch: replyLost,
      schedule: (run) => retries.push(run),
    });
    runWith(new XapiReporter({ actor, activityBase: 'https://sim.college.example/' }, senderSink(first)), [
      'opening.2',
      'details.1',
    ]);
    first.connect({ endpoint: lrs.endpoint, auth: AUTH });
    await until(() => retries.length > 0);
    const sent = queued(store).map(idOf);
    expect(sent).toHaveLength(3);
    expect(new Set(lrs.postedIds)).toEqual(new Set(sent));

    // The next page: the queue is there before it knows its LRS, and nothing is posted until then.
    const next = new XapiSender(null, { newId, store });
    expect(next.pending).toBe(3);
    expect(next.connected).toBe(false);
    await next.flush();
    expect(lrs.postedIds).toHaveLength(3);
    next.connect({ endpoint: lrs.endpoint, auth: AUTH });
    await until(() => next.pending === 0);
    expect(lrs.postedIds).toEqual([...sent, ...sent]);
    expect(lrs.statements.map(idOf)).toEqual(sent);
    expect(queued(store)).toEqual([]);
  });

  it('cmi5: statements wait in the queue while the LRS holds the post; the next launch posts them with its own token, each once, nothing after a terminated', async () => {
    lrs.statements.length = 0;
    lrs.postedIds.length = 0;
    lrs.requests.length = 0;
    const store = memoryStore();
    // Session 1: the LRS never answers (it holds every post), then the page goes.
    const held: typeof fetch = () => new Promise<Response>(() => undefined);
    const first = new XapiSender(null, { newId, store, fetch: held });
    const client1 = queuedCmi5(fakeClient('dG9rZW4x', 'session-1'), launch(1), first);
    const sink1 = cmi5Sink(client1, client1.initialize());
    const reporter1 = new XapiReporter({ actor, activityBase: `${AU}/`, registration }, sink1, newId);
    runWith(reporter1, ['opening.2', 'details.1']);
    await sink1.terminate();
    expect(queued(store).map(verbOf)).toEqual(['initialized', 'answered', 'answered', 'terminated']);
    // Anything reported after terminated (a reply still waiting as the page went) is not sent: cmi5 forbids it.
    const late = queued(store)[1];
    if (late === undefined) throw new Error('no answered statement');
    sink1.record({ ...late, id: newId() });
    expect(queued(store).map(verbOf)).toEqual(['initialized', 'answered', 'answered', 'terminated']);
    const leftovers = queued(store);
    expect(leftovers.every((s) => s.context?.extensions?.[SESSION] === 'session-1')).toBe(true);
    expect(lrs.postedIds).toEqual([]);

    // A relaunch: a new fetch URL, token and session. Its client's first statement connects the queue.
    const second = new XapiSender(null, { newId, store });
    expect(second.pending).toBe(4);
    const client2 = queuedCmi5(fakeClient('dG9rZW4y', 'session-2'), launch(2), second);
    const sink2 = cmi5Sink(client2, client2.initialize());
    runWith(new XapiReporter({ actor, activityBase: `${AU}/`, registration }, sink2, newId), [
      'opening.2',
      'details.1',
      'remedy.1',
      'thanks.1',
    ]);
    await sink2.terminate();
    await until(() => second.pending === 0);
    const verbs = lrs.statements.map(verbOf);
    expect(verbs).toEqual([
      'initialized',
      'answered',
      'answered',
      'terminated',
      'initialized',
      'answered',
      'answered',
      'answered',
      'answered',
      'completed',
      'passed',
      'terminated',
    ]);
    // Session 1's leftovers keep their own ids, times and session; the new launch's token carries them.
    expect(lrs.statements.slice(0, 4)).toEqual(leftovers);
    expect(new Set(lrs.statements.map(idOf)).size).toBe(lrs.statements.length);
    expect(new Set(lrs.requests.map((r) => r.auth))).toEqual(new Set(['Basic dG9rZW4y']));
    for (const statement of lrs.statements.slice(4))
      expect((statement as XapiStatement).context?.extensions?.[SESSION]).toBe('session-2');
    // Our result extensions ride on cmi5's own passed statement.
    expect((lrs.statements[10] as XapiStatement).result?.extensions).toBeDefined();
  });

  it('cmi5: a session that never opened (the handshake failed) queues nothing', async () => {
    const store = memoryStore();
    const sender = new XapiSender(null, { newId, store });
    const client = queuedCmi5(fakeClient('dG9rZW4z', 'session-3'), launch(3), sender);
    const sink = cmi5Sink(client, Promise.reject(new Error('fetch URL already used')));
    runWith(new XapiReporter({ actor, activityBase: `${AU}/`, registration }, sink, newId), ['opening.2']);
    await sink.terminate();
    expect(sender.pending).toBe(0);
    expect(store.load()).toBeNull();
  });
});
