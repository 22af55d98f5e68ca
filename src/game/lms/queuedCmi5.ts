import type Cmi5 from '@xapi/cmi5';
import type { LaunchParameters, SendStatementOptions } from '@xapi/cmi5';
import type { XapiStatement } from '../../lms/index.ts';
import type { Cmi5Like } from './sinks.ts';
import type { XapiSender } from './XapiSender.ts';

/** @xapi/cmi5's client class (loaded on demand: only a cmi5 launch needs it). */
export type Cmi5Class = typeof Cmi5;

/**
 * The real @xapi/cmi5 client, except that every statement it makes (its own
 * `initialized`, `completed`, `passed`/`failed`, `terminated`, and our
 * `answered`) goes into `sender`'s durable queue instead of straight to the
 * LRS: each keeps the id and timestamp the client gave it, is saved in the
 * browser's storage before the call returns, and is removed only once the LRS
 * has it. So a reload never loses one, and a resend is not stored twice.
 *
 * The client still does the cmi5 handshake (the one-time token from the
 * fetch URL, the LMS's launch data) and builds the cmi5-defined statements by
 * its rules; only the posting is ours. The token becomes the sender's LRS
 * credentials the first time the client sends (its `initialized`), so
 * statements a previous page left queued are then posted with this launch's
 * credentials (the previous launch's token was single-use).
 */
export function queuedCmi5(Client: Cmi5Class, launch: LaunchParameters, sender: XapiSender): Cmi5Like {
  class QueuedCmi5 extends Client {
    override sendXapiStatement(
      statement: Parameters<Cmi5['sendXapiStatement']>[0],
      options?: SendStatementOptions,
    ): ReturnType<Cmi5['sendXapiStatement']> {
      const shaped = (options?.transform?.(statement) ?? statement) as XapiStatement;
      sender.connect({ endpoint: withSlash(launch.endpoint), auth: `Basic ${this.getAuthToken()}` });
      sender.send(shaped);
      // Callers only wait on this to keep order, and the queue keeps order itself; nothing reads the reply.
      return Promise.resolve({ data: shaped.id === undefined ? [] : [shaped.id] }) as unknown as ReturnType<
        Cmi5['sendXapiStatement']
      >;
    }
  }
  return new QueuedCmi5(launch) as unknown as Cmi5Like;
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
