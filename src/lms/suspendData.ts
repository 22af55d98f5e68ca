import { createSession, seedFromText } from '../engine/index.ts';
import type { Scenario } from '../scenario/index.ts';
import { runShapeFingerprint } from './fingerprint.ts';
import type { LmsMode } from './types.ts';

/** What a learner needs to pick a run up again. */
export interface ResumableRun {
  readonly scenario: string;
  readonly fingerprint: string;
  readonly model: string;
  readonly mode: LmsMode;
  /**
   * Each reply as its 1-based position among *all* its node's replies
   * (`Choice.index`): with the scenario, that names the choice id exactly
   * and costs one character a reply.
   */
  readonly replies: readonly number[];
  /** The run's reply-order seed (engine `replyOrder`), so a resumed run shows the replies as they were. */
  readonly seed: number;
}

export interface EncodedRun {
  readonly text: string;
  /** Replies kept: fewer than the run had when it would not fit in `limit`. */
  readonly kept: number;
}

/** Format version; a saved text of another version is not resumed (c1, before runs kept a seed, still is). */
const VERSION = 'c2';
const VERSION_WITHOUT_SEED = 'c1';
const MAX_SEED = 0xffff_ffff;
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const WIDE = '-';
const MAX_INDEX = DIGITS.length * DIGITS.length - 1;

/** SCORM 1.2's `cmi.suspend_data` is a CMIString4096. */
export const SUSPEND_LIMIT_12 = 4096;

/**
 * `c2;<scenario>;<fingerprint>;<model>;<a|p>;<seed>;<replies>`: ids URI-encoded (so
 * never contain `;`), the seed in base 36 (at most 7 characters), replies one
 * base-62 digit each (1–61), or `-` and two digits (62–3843). When the text would pass `limit`, the longest prefix of the
 * run that fits is kept: any prefix of a played run can be replayed, so the
 * learner resumes a little earlier rather than the LMS refusing the save.
 * Returns null when even an empty run would not fit (ids longer than `limit`).
 */
export function encodeSuspendData(run: ResumableRun, limit = SUSPEND_LIMIT_12): EncodedRun | null {
  const head = [
    VERSION,
    encodeURIComponent(run.scenario),
    encodeURIComponent(run.fingerprint),
    encodeURIComponent(run.model),
    run.mode === 'assessment' ? 'a' : 'p',
    (run.seed >>> 0).toString(36),
    '',
  ].join(';');
  if (head.length > limit) return null;
  let text = head;
  let kept = 0;
  for (const reply of run.replies) {
    const digit = encodeReply(reply);
    if (digit === null || text.length + digit.length > limit) break;
    text += digit;
    kept += 1;
  }
  return { text, kept };
}

/** Reads a saved text back; anything malformed is null (start fresh), never an exception. */
export function decodeSuspendData(text: unknown): ResumableRun | null {
  if (typeof text !== 'string' || text.length > 64_000) return null;
  const parts = text.split(';');
  // c1 had no seed: give it one from its own text, so it resumes the same way each time.
  if (parts.length === 6 && parts[0] === VERSION_WITHOUT_SEED)
    parts.splice(5, 0, seedFromText(parts.slice(1, 4).join(';')).toString(36));
  else if (parts.length !== 7 || parts[0] !== VERSION) return null;
  const [, scenario, fingerprint, model, mode, seedText, replies] = parts as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  if (mode !== 'a' && mode !== 'p') return null;
  const ids = [scenario, fingerprint, model].map(safeDecode);
  if (ids.some((id) => id === null || id === '')) return null;
  const seed = /^[0-9a-z]{1,7}$/.test(seedText) ? Number.parseInt(seedText, 36) : -1;
  if (seed < 0 || seed > MAX_SEED) return null;
  const decoded: number[] = [];
  for (let i = 0; i < replies.length; ) {
    if (replies[i] === WIDE) {
      const hi = digitValue(replies[i + 1]);
      const lo = digitValue(replies[i + 2]);
      if (hi < 0 || lo < 0) return null;
      decoded.push(hi * DIGITS.length + lo);
      i += 3;
    } else {
      const digit = digitValue(replies[i]);
      if (digit <= 0) return null;
      decoded.push(digit);
      i += 1;
    }
  }
  return {
    scenario: ids[0] as string,
    fingerprint: ids[1] as string,
    model: ids[2] as string,
    mode: mode === 'a' ? 'assessment' : 'practice',
    replies: decoded,
    seed,
  };
}

/** The positions (`Choice.index`) of a run's choices, as `ResumableRun.replies` holds them. */
export function repliesOf(choices: readonly { readonly index: number }[]): number[] {
  return choices.map((choice) => choice.index);
}

export type ResumeResult =
  | { readonly ok: true; readonly choiceIds: readonly string[]; readonly ended: boolean }
  | { readonly ok: false; readonly reason: 'other-scenario' | 'changed' | 'not-playable' };

/**
 * The choice ids to replay for a saved run of this scenario, checked by
 * playing them through the scenario's own machine (so `if` conditions hold).
 * A run saved against another scenario, another version of it, or that does
 * not replay, is refused: the learner starts fresh.
 */
export function resumeChoices(scenario: Scenario, saved: ResumableRun): ResumeResult {
  if (saved.scenario !== scenario.id) return { ok: false, reason: 'other-scenario' };
  if (saved.fingerprint !== runShapeFingerprint(scenario)) return { ok: false, reason: 'changed' };
  const session = createSession(scenario);
  try {
    const choiceIds: string[] = [];
    for (const index of saved.replies) {
      const view = session.view();
      if (view.node.kind !== 'choices') return { ok: false, reason: 'not-playable' };
      const choice = view.node.choices[index - 1];
      if (choice === undefined) return { ok: false, reason: 'not-playable' };
      session.choose(choice.id);
      choiceIds.push(choice.id);
    }
    return { ok: true, choiceIds, ended: session.view().ending !== null };
  } catch {
    return { ok: false, reason: 'not-playable' };
  } finally {
    session.dispose();
  }
}

function encodeReply(index: number): string | null {
  if (!Number.isInteger(index) || index < 1 || index > MAX_INDEX) return null;
  if (index < DIGITS.length) return DIGITS[index] ?? null;
  return `${WIDE}${DIGITS[Math.floor(index / DIGITS.length)]}${DIGITS[index % DIGITS.length]}`;
}

function digitValue(char: string | undefined): number {
  return char === undefined || char.length !== 1 ? -1 : DIGITS.indexOf(char);
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
