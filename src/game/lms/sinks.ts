import type { XapiAgent, XapiContext, XapiStatement } from '../../lms/index.ts';
import type { StatementSink } from './XapiReporter.ts';
import type { XapiSender } from './XapiSender.ts';

/** Plain xAPI: everything goes through the queueing sender. */
export function senderSink(sender: XapiSender): StatementSink {
  return {
    sendsLaunched: true,
    record: (statement) => sender.send(statement),
    finished: (completed, judged) =>
      judged === null ? sender.send(completed) : sender.send(completed, judged),
  };
}

/** The slice of @xapi/cmi5's `Cmi5` we use. */
export interface Cmi5Like {
  initialize(): Promise<unknown>;
  getLaunchParameters(): { actor: XapiAgent; registration: string; activityId: string };
  getLaunchData(): { launchMode?: string; masteryScore?: number; contextTemplate?: unknown };
  sendXapiStatement(statement: never, options?: unknown): Promise<unknown>;
  complete(options?: { transform?: (s: never) => unknown }): Promise<unknown>;
  pass(score?: unknown, options?: { transform?: (s: never) => unknown }): Promise<unknown>;
  fail(score?: unknown, options?: { transform?: (s: never) => unknown }): Promise<unknown>;
  terminate(): Promise<unknown>;
}

/**
 * cmi5: `answered` goes through the cmi5 session's authorisation, in the
 * launch's actor, registration and context template; the end of a run becomes cmi5's own
 * `completed` and `passed`/`failed`, carrying our result extensions. Nothing
 * is sent before `ready` (cmi5 requires `initialized` first): calls made
 * earlier wait in order, and once the session is open each call goes
 * straight to the client, whose statements the game queues durably (see
 * `queuedCmi5`), so `terminated`, called as the page goes, is queued before
 * the page is gone. After `terminate` nothing more is sent (cmi5 forbids
 * statements after `terminated`); a session that failed to open sends nothing.
 */
export function cmi5Sink(
  cmi5: Cmi5Like,
  ready: Promise<unknown>,
): StatementSink & { terminate(): Promise<void> } {
  let state: 'waiting' | 'open' | 'closed' = 'waiting';
  const waiting: (() => unknown)[] = [];
  let normal = true;
  let mastery: number | undefined;
  const opened = ready.then(
    () => {
      try {
        const data = cmi5.getLaunchData();
        normal = data.launchMode === undefined || data.launchMode === 'Normal';
        mastery = data.masteryScore;
      } catch {
        normal = false;
      }
      state = 'open';
      for (const task of waiting.splice(0)) attempt(task);
    },
    () => {
      state = 'closed';
      waiting.length = 0;
    },
  );
  const then = (task: () => unknown) => {
    if (state === 'open') attempt(task);
    else if (state === 'waiting') waiting.push(task);
  };
  const withExtensions = (statement: XapiStatement) => (s: never) => ({
    ...(s as object),
    result: { ...((s as { result?: object }).result ?? {}), extensions: statement.result?.extensions },
  });
  return {
    sendsLaunched: false,
    record: (statement) => then(() => cmi5.sendXapiStatement(inCmi5Session(statement, cmi5) as never)),
    finished: (completed, judged, info) => {
      then(() => normal && cmi5.complete({ transform: withExtensions(completed) }));
      if (judged === null) return;
      then(() => {
        if (!normal) return;
        const scaled = judged.result?.score?.scaled ?? 0;
        // cmi5 requires the LMS's mastery score, when it sets one, to decide pass or fail; a critical
        // fault (a legal breach) still fails, as it fails an observation whatever the percent.
        const passed =
          mastery === undefined ? judged.verb.id.endsWith('/passed') : !info.critical && scaled >= mastery;
        const options = { transform: withExtensions(judged) };
        return passed ? cmi5.pass(scaled, options) : cmi5.fail(scaled, options);
      });
    },
    terminate: async () => {
      then(() => {
        state = 'closed';
        return cmi5.terminate();
      });
      await opened;
    },
  };
}

/**
 * A statement of ours as cmi5 wants any statement of the session: the launch's
 * actor and registration, and the LMS's context template merged into our
 * context (its activities first, then ours; its extensions, then ours).
 */
export function inCmi5Session(statement: XapiStatement, cmi5: Cmi5Like): XapiStatement {
  const { actor, registration } = cmi5.getLaunchParameters();
  const template = (cmi5.getLaunchData().contextTemplate ?? {}) as XapiContext;
  const ours = statement.context ?? {};
  const activities = (key: 'parent' | 'grouping' | 'category') => [
    ...(template.contextActivities?.[key] ?? []),
    ...(ours.contextActivities?.[key] ?? []),
  ];
  const contextActivities = Object.fromEntries(
    (['parent', 'grouping', 'category'] as const)
      .map((key) => [key, activities(key)] as const)
      .filter(([, list]) => list.length > 0),
  );
  return {
    ...statement,
    actor,
    context: {
      ...template,
      ...ours,
      registration,
      contextActivities,
      extensions: { ...template.extensions, ...ours.extensions },
    },
  };
}

/** Runs a call to the cmi5 client; its failure (say, a rule it enforces) must never stop play. */
function attempt(task: () => unknown): void {
  try {
    const result = task();
    if (result instanceof Promise) result.catch(() => undefined);
  } catch {
    // As above.
  }
}
