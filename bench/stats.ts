/** Timing helpers: medians over rounds, contenders alternated so shared-machine noise hits each alike. */

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** A reading of both clocks: wall time, and CPU time this process used (all its threads). */
export interface Clock {
  readonly wall: number;
  readonly cpu: number;
}

/** Both clocks now, in milliseconds. */
export function clock(): Clock {
  const { user, system } = process.cpuUsage();
  return { wall: performance.now(), cpu: (user + system) / 1000 };
}

/**
 * Milliseconds since `start` on both clocks. On a machine shared with other
 * work, wall time counts the time spent waiting for a core; CPU time does not.
 */
export function since(start: Clock): { ms: number; cpuMs: number } {
  const now = clock();
  return { ms: now.wall - start.wall, cpuMs: now.cpu - start.cpu };
}

/** Milliseconds one call of `fn` takes, and what it returned. */
export function timed<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

/**
 * Runs every contender once per round, in an order that rotates each round
 * (A B C, B C A, C A B, ...), after an unrecorded warm-up, and returns each
 * contender's samples. Warm-up: `true` runs each contender once; a number runs
 * each contender again and again until it has used that many milliseconds of
 * CPU time, so V8 has moved its hot code to the optimising compiler before
 * anything is recorded (one short batch leaves XState's code half-compiled,
 * which made early figures depend on the batch size); `false` skips it.
 */
export function alternate<K extends string, T>(
  rounds: number,
  contenders: Readonly<Record<K, () => T>>,
  warmup: boolean | number = true,
): Record<K, T[]> {
  const names = Object.keys(contenders) as K[];
  if (warmup !== false) {
    for (const name of names) {
      const start = clock();
      do contenders[name]();
      while (typeof warmup === 'number' && clock().cpu - start.cpu < warmup);
    }
  }
  const samples = Object.fromEntries(names.map((name) => [name, [] as T[]])) as Record<K, T[]>;
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length] as K;
      samples[name].push(contenders[name]());
    }
  }
  return samples;
}

/** Collects garbage between measurements when node runs with --expose-gc. */
export function settle(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc !== undefined) gc();
}
