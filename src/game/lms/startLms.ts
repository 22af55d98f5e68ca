import type { XapiAgent } from '../../lms/index.ts';
import { LmsBridge } from './LmsBridge.ts';
import {
  readXapiLaunch,
  recordsSaidText,
  type TutorConfig,
  tutorLaunch,
  type XapiLaunch,
} from './launchConfig.ts';
import { queuedCmi5 } from './queuedCmi5.ts';
import { cmi5Sink, senderSink } from './sinks.ts';
import { XapiReporter } from './XapiReporter.ts';
import { XapiSender } from './XapiSender.ts';

/** Key under which unsent statements wait in localStorage. */
export const XAPI_QUEUE_KEY = 'complaint-sim:xapi-queue';
/**
 * Start of the key under which unsent cmi5 statements wait, one queue per LRS
 * endpoint (`cmi5QueueKey`): leftovers are only ever posted to the LRS they
 * were made for, by the next cmi5 launch that uses it.
 */
export const CMI5_QUEUE_KEY = 'complaint-sim:cmi5-queue';

/** The localStorage key of the cmi5 queue for the LRS at `endpoint`. */
export function cmi5QueueKey(endpoint: string): string {
  return `${CMI5_QUEUE_KEY} ${endpoint}`;
}
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
  // The tutor's file identifies learners by their SCORM id, so it is only looked for inside a SCORM LMS
  // (and only when no launch link names an LRS); it also says whether typed replies ("say it your way")
  // may be sent to its LRS (`recordsSaidText`): to an LRS of a launch link they never are.
  const config = launch.kind === 'none' && bridge.connected ? await readTutorConfig(win) : null;
  if (launch.kind === 'none') launch = tutorLaunch(config);
  if (launch.kind === 'cmi5') {
    const params = new URLSearchParams(search);
    const endpoint = params.get('endpoint') ?? '';
    // The queue is read before the client loads: what an earlier page left goes out with this launch's token.
    const sender = new XapiSender(null, { store: storeAt(win, cmi5QueueKey(endpoint)) });
    win.addEventListener('online', () => void sender.flush());
    const { default: Cmi5 } = await import('@xapi/cmi5');
    const cmi5 = queuedCmi5(
      Cmi5,
      {
        endpoint,
        fetch: params.get('fetch') ?? '',
        actor: JSON.parse(params.get('actor') ?? 'null'),
        registration: params.get('registration') ?? '',
        activityId: params.get('activityId') ?? '',
      },
      sender,
    );
    const sink = cmi5Sink(cmi5, cmi5.initialize());
    const { actor, activityId, registration } = cmi5.getLaunchParameters();
    const recordSaidText = recordsSaidText(config);
    bridge.observe(
      new XapiReporter({ actor, activityBase: withSlash(activityId), registration, recordSaidText }, sink),
    );
    // After the bridge's own closing (which reports any reply still waiting), so nothing follows `terminated`.
    closers.push(() => void sink.terminate());
    return;
  }
  if (launch.kind !== 'xapi') return;
  const actor = launch.actor ?? scormActor(bridge, win);
  if (actor === null) return;
  const sender = new XapiSender(launch, { store: storeAt(win, XAPI_QUEUE_KEY) });
  win.addEventListener('online', () => void sender.flush());
  void sender.flush();
  const activityBase = launch.activityBase ?? new URL('./', win.location.href).href;
  const recordSaidText = recordsSaidText(config);
  bridge.observe(
    new XapiReporter(
      {
        actor,
        activityBase,
        registration: launch.registration ?? crypto.randomUUID(),
        recordSaidText,
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
