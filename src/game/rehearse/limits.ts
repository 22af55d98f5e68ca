/**
 * How much Rehearse aloud keeps in this browser (said on screen and in
 * docs/progress.md). One minute is longer than any reply in the library
 * needs; at the browsers' usual speech bitrate (Opus, about 32 kbit/s) a
 * minute is about 250 KB, so 20 MB holds over an hour of rehearsal, well
 * inside every browser's storage allowance, while a phone with little room
 * left is not filled with audio the learner has forgotten about.
 */
export interface RecordingLimits {
  readonly maxSeconds: number;
  readonly maxTotalBytes: number;
  readonly maxRecordings: number;
}

export const RECORDING_LIMITS: RecordingLimits = Object.freeze({
  /** A recording stops by itself at this length, and the learner is told why. */
  maxSeconds: 60,
  /** All recordings together: when a new one would pass this, the oldest are removed first. */
  maxTotalBytes: 20 * 1024 * 1024,
  /** At most this many recordings, whatever their size (the oldest go first). */
  maxRecordings: 100,
});

/** What the store knows of a recording without reading its audio. */
export interface RecordingMeta {
  /** `<run id>:<turn>`: one recording per turn of a run; recording a turn again replaces it. */
  readonly key: string;
  readonly runId: string;
  /** The turn: before reply `at` (0-based), as the run's self-marks count it. */
  readonly at: number;
  readonly node: string;
  /** ISO time it was saved: the oldest are removed first. */
  readonly createdAt: string;
  readonly bytes: number;
  readonly seconds: number;
  /** The audio's MIME type, as the browser's MediaRecorder made it. */
  readonly type: string;
}

/** The decision `makeRoom` takes: the recordings to remove first, or that the new one can never fit. */
export type Room =
  | { readonly fits: true; readonly drop: readonly string[] }
  | { readonly fits: false; readonly reason: 'too-big' };

/**
 * Which recordings to remove so `incoming` fits the limits: the recording it
 * replaces (same key) never counts; then the oldest go first, until both the
 * total size and the count fit. Pure, so it is tested without a browser.
 */
export function makeRoom(
  existing: readonly RecordingMeta[],
  incoming: Pick<RecordingMeta, 'key' | 'bytes'>,
  limits: Pick<RecordingLimits, 'maxTotalBytes' | 'maxRecordings'> = RECORDING_LIMITS,
): Room {
  if (incoming.bytes > limits.maxTotalBytes) return { fits: false, reason: 'too-big' };
  const others = existing
    .filter((meta) => meta.key !== incoming.key)
    .sort((a, b) =>
      a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.key < b.key ? -1 : 1,
    );
  let total = others.reduce((sum, meta) => sum + meta.bytes, 0) + incoming.bytes;
  let count = others.length + 1;
  const drop: string[] = [];
  for (const meta of others) {
    if (total <= limits.maxTotalBytes && count <= limits.maxRecordings) break;
    drop.push(meta.key);
    total -= meta.bytes;
    count -= 1;
  }
  return { fits: true, drop };
}

/** The key of a run's recording at a turn. */
export function recordingKey(runId: string, at: number): string {
  return `${runId}:${at}`;
}
