import type { XapiStatement } from '../../lms/index.ts';

/** Where statements go: an LRS's xAPI base (ending `/`) and its Authorization header value. */
export interface LrsEndpoint {
  readonly endpoint: string;
  readonly auth: string;
}

/** Somewhere to keep unsent statements across a reload (localStorage in the browser). */
export interface QueueStore {
  load(): string | null;
  save(text: string): void;
}

export interface SenderOptions {
  readonly fetch?: typeof fetch;
  readonly store?: QueueStore;
  readonly newId?: () => string;
  /** Schedules a retry; the browser's setTimeout by default. */
  readonly schedule?: (run: () => void, ms: number) => void;
  readonly batchSize?: number;
  /** The most statements kept waiting; the oldest are dropped past it. */
  readonly maxQueue?: number;
}

const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 60_000;

/**
 * Sends statements to an LRS without ever holding up play: `send` only
 * queues (and saves the queue), posting happens in the background in
 * batches, a failure (offline, 5xx, 429) is retried with growing waits, and
 * the queue survives a reload. Each statement gets its id before it is
 * queued, so a retried batch the LRS already stored is not stored twice
 * (xAPI: a statement id the LRS already holds is not stored again).
 *
 * Plain xAPI and cmi5 both queue here. A cmi5 launch only learns its LRS
 * credentials once the LMS has handed out its one-time token, so the sender
 * may start without an LRS (`null`): it queues, and posts once `connect`ed.
 */
export class XapiSender {
  private queue: XapiStatement[] = [];
  private sending = false;
  private retryMs = FIRST_RETRY_MS;
  private retryScheduled = false;
  /** Statements the LRS refused as invalid (4xx): kept out of the queue, here for diagnostics. */
  readonly rejected: { status: number; statements: XapiStatement[] }[] = [];
  /** How many statements the LRS has accepted. */
  sent = 0;

  private readonly fetchFn: typeof fetch;
  private readonly schedule: (run: () => void, ms: number) => void;
  private readonly newId: () => string;

  constructor(
    private lrs: LrsEndpoint | null,
    private readonly options: SenderOptions = {},
  ) {
    this.fetchFn = options.fetch ?? ((...args) => fetch(...args));
    this.schedule = options.schedule ?? ((run, ms) => void setTimeout(run, ms));
    this.newId = options.newId ?? (() => crypto.randomUUID());
    this.queue = readQueue(options.store);
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Whether the sender knows its LRS yet (see `connect`). */
  get connected(): boolean {
    return this.lrs !== null;
  }

  /**
   * Sets the LRS to post to (once its credentials are known) and posts what
   * is queued, leftovers of an earlier page included: their ids were fixed
   * when they were queued, so one the LRS got before a reload is not stored twice.
   */
  connect(lrs: LrsEndpoint): void {
    const same = this.lrs !== null && this.lrs.endpoint === lrs.endpoint && this.lrs.auth === lrs.auth;
    this.lrs = lrs;
    if (!same) void this.flush();
  }

  send(...statements: XapiStatement[]): void {
    this.queue.push(...statements.map((s) => (s.id === undefined ? { ...s, id: this.newId() } : s)));
    const max = this.options.maxQueue ?? 2000;
    if (this.queue.length > max) this.queue.splice(0, this.queue.length - max);
    this.save();
    void this.flush();
  }

  /** Posts what is queued, batch by batch, until the queue is empty or a post fails. */
  async flush(): Promise<void> {
    if (this.sending || this.lrs === null) return;
    this.sending = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.slice(0, this.options.batchSize ?? 25);
        const status = await this.post(batch);
        if (status === 'retry') {
          this.retryLater();
          return;
        }
        this.queue.splice(0, batch.length);
        this.save();
        if (status === 'ok') this.sent += batch.length;
        else this.rejected.push({ status, statements: batch });
        this.retryMs = FIRST_RETRY_MS;
      }
    } finally {
      this.sending = false;
    }
  }

  private async post(batch: readonly XapiStatement[]): Promise<'ok' | 'retry' | number> {
    const lrs = this.lrs;
    if (lrs === null) return 'retry';
    try {
      const response = await this.fetchFn(`${lrs.endpoint}statements`, {
        method: 'POST',
        headers: {
          Authorization: lrs.auth,
          'Content-Type': 'application/json',
          'X-Experience-API-Version': '1.0.3',
        },
        body: JSON.stringify(batch),
        keepalive: true,
      });
      // 409: the LRS already has these ids, which is what a retry after a lost reply looks like.
      if (response.ok || response.status === 409) return 'ok';
      if (response.status === 429 || response.status === 408 || response.status >= 500) return 'retry';
      return response.status;
    } catch {
      return 'retry';
    }
  }

  private retryLater(): void {
    if (this.retryScheduled) return;
    this.retryScheduled = true;
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
    this.schedule(() => {
      this.retryScheduled = false;
      void this.flush();
    }, wait);
  }

  private save(): void {
    try {
      this.options.store?.save(JSON.stringify(this.queue));
    } catch {
      // A full or blocked storage only loses the reload-proofing, not the statements in memory.
    }
  }
}

function readQueue(store: QueueStore | undefined): XapiStatement[] {
  try {
    const parsed: unknown = JSON.parse(store?.load() ?? '[]');
    return Array.isArray(parsed) ? (parsed as XapiStatement[]) : [];
  } catch {
    return [];
  }
}
