import type { XapiAgent } from '../../lms/index.ts';
import { LmsBridge } from './LmsBridge.ts';
import { readXapiLaunch, type TutorConfig, tutorLaunch, type XapiLaunch } from './launchConfig.ts';
import { type Cmi5Like, cmi5Sink, senderSink } from './sinks.ts';
import { XapiReporter } from './XapiReporter.ts';
import { XapiSender } from './XapiSender.ts';

/** Key under which unsent statements wait in localStorage. */
export const XAPI_QUEUE_KEY = 'complaint-sim:xapi-queue';
/** Key under which the replies the LRS already holds are kept when no SCORM LMS keeps them (see `recordStep`). */
export const LMS_HELD_KEY = 'complaint-sim:lms-held';

/**
 * Connects the game to whatever launched it: a SCORM LMS (1.2 or 2004) found
 * in a parent frame or the opener, an LRS from an xAPI or cmi5 launch link,
 * or the tutor's `lms-config.json`. Returns at once; LRS set-up finishes in
 * the background. Without any of them the bridge does nothing and the app
 * runs as normal.
 */
export function startLms(win: Window): LmsBridge {
  let bridge: LmsBridge;
  try {
    bridge = LmsBridge.connect(
      win,
      Date.now,
      (run) => void win.setTimeout(run, 0),
      storeAt(win, LMS_HELD_KEY),
    );
  } catch {
    return LmsBridge.none();
  }
  const closers: (() => void)[] = [() => bridge.finish()];
  const close = () => {
    for (const run of closers.splice(0)) run();
  };
  win.addEventListener('pagehide', close);
  win.addEventListener('beforeunload', close);
  void connectXapi(win, bridge, closers).catch(() => undefined);
  return bridge;
}

async function connectXapi(win: Window, bridge: LmsBridge, closers: (() => void)[]): Promise<void> {
  // Read now: the role-play soon rewrites the address to its own deep link, dropping the launch parameters.
  const search = win.location.search;
  let launch: XapiLaunch = readXapiLaunch(search);
  // The tutor's file identifies learners by their SCORM id, so it is only looked for inside a SCORM LMS.
  if (launch.kind === 'none' && bridge.connected) launch = tutorLaunch(await readTutorConfig(win));
  if (launch.kind === 'cmi5') {
    const { default: Cmi5 } = await import('@xapi/cmi5');
    const params = new URLSearchParams(search);
    const cmi5 = new Cmi5({
      endpoint: params.get('endpoint') ?? '',
      fetch: params.get('fetch') ?? '',
      actor: JSON.parse(params.get('actor') ?? 'null'),
      registration: params.get('registration') ?? '',
      activityId: params.get('activityId') ?? '',
    }) as unknown as Cmi5Like;
    const sink = cmi5Sink(cmi5, cmi5.initialize());
    const { actor, activityId, registration } = cmi5.getLaunchParameters();
    bridge.observe(new XapiReporter({ actor, activityBase: withSlash(activityId), registration }, sink));
    closers.unshift(() => void sink.terminate());
    return;
  }
  if (launch.kind !== 'xapi') return;
  const actor = launch.actor ?? scormActor(bridge, win);
  if (actor === null) return;
  const sender = new XapiSender(launch, { store: storeAt(win, XAPI_QUEUE_KEY) });
  win.addEventListener('online', () => void sender.flush());
  void sender.flush();
  const activityBase = launch.activityBase ?? new URL('./', win.location.href).href;
  bridge.observe(
    new XapiReporter(
      {
        actor,
        activityBase,
        registration: launch.registration ?? crypto.randomUUID(),
      },
      senderSink(sender),
    ),
  );
}

/** With only the tutor's file: the learner as the SCORM LMS knows them (its id, never their name). */
function scormActor(bridge: LmsBridge, win: Window): XapiAgent | null {
  const connection = bridge.connection;
  if (connection === null) return null;
  const id = connection.get(connection.version === '1.2' ? 'cmi.core.student_id' : 'cmi.learner_id');
  if (id === '') return null;
  const homePage = win.document.referrer === '' ? win.location.origin : new URL(win.document.referrer).origin;
  return { objectType: 'Agent', account: { homePage, name: id } };
}

async function readTutorConfig(win: Window): Promise<TutorConfig | null> {
  try {
    const response = await win.fetch(new URL('./lms-config.json', win.location.href), { cache: 'no-store' });
    return response.ok ? ((await response.json()) as TutorConfig) : null;
  } catch {
    return null;
  }
}

function storeAt(win: Window, key: string) {
  return {
    load: () => win.localStorage.getItem(key),
    save: (text: string) => win.localStorage.setItem(key, text),
  };
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
