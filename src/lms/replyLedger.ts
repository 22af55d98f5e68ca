import { interactionId12 } from './scorm12.ts';
import { interactionId2004 } from './scorm2004.ts';
import type { ResumableRun } from './suspendData.ts';
import type { LmsMode, ScormVersion } from './types.ts';

/**
 * Which run a reply belongs to. A run replayed into a new session (an LMS
 * resume, saved progress, "try again from here") keeps its scenario, model,
 * mode and reply-order seed; a new run draws a new seed.
 */
export interface RunKey {
  readonly scenario: string;
  readonly model: string;
  readonly mode: LmsMode;
  readonly seed: number;
}

/**
 * The replies of one run that the LMS (or LRS) already holds, in transcript
 * order: each was recorded once and must never be recorded again.
 */
export interface HeldReplies extends RunKey {
  readonly choices: readonly string[];
}

export interface LedgerStep {
  /** The first transcript entry to record now; the transcript's length when there is nothing new. */
  readonly fromEntry: number;
  /** What is held once those entries are recorded. */
  readonly held: HeldReplies | null;
}

/**
 * One change of a tracked session, from transcript `previous` to `ids`.
 *
 * - Shorter (an undo): the taken-back replies stay recorded, because an LMS
 *   cannot delete an interaction; what is held is cut back to `ids`, so a
 *   replacement reply at that position is a new record.
 * - Longer: the entries new to this session are recorded, except, while the
 *   session is `replaying` a saved run, those that repeat the held run of the
 *   same key from its start. A reply the learner chooses is always recorded,
 *   even when it is the one they chose last time.
 */
export function recordStep(
  held: HeldReplies | null,
  key: RunKey,
  previous: readonly string[],
  ids: readonly string[],
  replaying: boolean,
): LedgerStep {
  const kept = commonPrefix(previous, ids);
  if (ids.length <= kept) {
    // No new entry: an undo cuts what is held; an unchanged view (a session's first) leaves it be.
    const next = ids.length < previous.length ? { ...key, choices: [...ids] } : held;
    return { fromEntry: ids.length, held: next };
  }
  const repeated = replaying && held !== null && sameRun(held, key) ? commonPrefix(held.choices, ids) : 0;
  // A replay still inside the held run leaves all of it held: the rest may be replayed next.
  const next = held !== null && repeated === ids.length ? held : { ...key, choices: [...ids] };
  return { fromEntry: Math.max(kept, repeated), held: next };
}

/** What the LMS holds of `choiceIds`, as the LMS reports it at launch. */
export interface LaunchInteractions {
  readonly version: ScormVersion;
  /** `cmi.interactions._count` at launch. */
  readonly count: number;
  /** The ids of those interactions, or null where they cannot be read (SCORM 1.2's are write-only). */
  readonly ids: readonly string[] | null;
}

/**
 * The replies of the run saved in suspend data that the LMS holds as
 * interactions: suspend data and a reply's interaction are set in the same
 * commit, so normally all of them. Where the ids can be read (2004), the
 * longest prefix whose ids are there; where they cannot (1.2), no more than
 * `_count` (an LMS that kept fewer interactions than the run has replies
 * gets the rest written again rather than lose them).
 */
export function heldAtLaunch(
  saved: ResumableRun,
  choiceIds: readonly string[],
  lms: LaunchInteractions,
): HeldReplies {
  let held = Math.min(choiceIds.length, Math.max(0, lms.count));
  if (lms.ids !== null) {
    const there = new Set(lms.ids);
    const idOf = lms.version === '1.2' ? interactionId12 : interactionId2004;
    held = 0;
    while (held < choiceIds.length && there.has(idOf(saved.scenario, held + 1, choiceIds[held] ?? '')))
      held += 1;
  }
  return {
    scenario: saved.scenario,
    model: saved.model,
    mode: saved.mode,
    seed: saved.seed,
    choices: choiceIds.slice(0, held),
  };
}

/** `HeldReplies` as text for the browser's storage (xAPI and cmi5 launches have no suspend data). */
export function encodeHeld(held: HeldReplies | null): string {
  return JSON.stringify(held);
}

/** Reads `encodeHeld`'s text back; anything else is null, never an exception. */
export function decodeHeld(text: string | null): HeldReplies | null {
  try {
    const raw = JSON.parse(text ?? 'null') as Partial<Record<keyof HeldReplies, unknown>> | null;
    if (raw === null || typeof raw !== 'object') return null;
    const { scenario, model, mode, seed, choices } = raw;
    if (typeof scenario !== 'string' || typeof model !== 'string') return null;
    if (mode !== 'practice' && mode !== 'assessment') return null;
    if (typeof seed !== 'number' || !Number.isInteger(seed)) return null;
    if (!Array.isArray(choices) || !choices.every((id) => typeof id === 'string')) return null;
    return { scenario, model, mode, seed, choices: choices as string[] };
  } catch {
    return null;
  }
}

function sameRun(a: RunKey, b: RunKey): boolean {
  return (
    a.scenario === b.scenario && a.model === b.model && a.mode === b.mode && a.seed >>> 0 === b.seed >>> 0
  );
}

function commonPrefix(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}
