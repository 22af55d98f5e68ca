/**
 * The reviewed speech-act layer over the authored replies' labels
 * (tests/fixtures/acts/authored-review.jsonl). An authored reply's `acts:` are
 * what the scoring credits, not every act its words perform ("Thank you,
 * that's clear. Since Tuesday…" scores `summarise` only, though it thanks):
 * each line here corrects one act of one reply, with the reason an assessor
 * would accept. The eval reports figures with and without the layer.
 */
import path from 'node:path';
import { PROJECT_ROOT } from '../src/cli/files.ts';

export const REVIEW_FILE = path.join(PROJECT_ROOT, 'tests/fixtures/acts/authored-review.jsonl');

export interface Correction {
  /** `scenario/choice`, as in authored.jsonl. */
  readonly id: string;
  readonly act: string;
  /** true: the words perform the act though the scoring does not credit it; false: the reverse. */
  readonly present: boolean;
  readonly why: string;
  readonly line: number;
}

/** What the review is checked against: the authored replies' ids and scoring labels, and the acts the cues read. */
export interface ReviewContext {
  readonly labels: ReadonlyMap<string, readonly string[]>;
  readonly acts: ReadonlySet<string>;
}

/**
 * Parses the review file; each problem names the file's line and the fix
 * (a stale id after `npm run acts:fixture`, a correction that corrects
 * nothing, a second line for the same act of the same reply).
 */
export function parseReview(
  text: string,
  context: ReviewContext,
): { corrections: Correction[]; problems: string[] } {
  const file = path.relative(PROJECT_ROOT, REVIEW_FILE);
  const corrections: Correction[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const where = `${file}:${line}`;
    let entry: unknown;
    try {
      entry = JSON.parse(raw);
    } catch {
      problems.push(
        `${where}: not JSON; write {"id": "scenario/choice", "act": …, "present": true|false, "why": …}`,
      );
      return;
    }
    const { id, act, present, why } = (entry ?? {}) as Record<string, unknown>;
    if (
      typeof id !== 'string' ||
      typeof act !== 'string' ||
      typeof present !== 'boolean' ||
      typeof why !== 'string'
    ) {
      problems.push(`${where}: needs "id" (text), "act" (text), "present" (true or false) and "why" (text)`);
      return;
    }
    const labels = context.labels.get(id);
    if (labels === undefined) {
      problems.push(
        `${where}: no authored reply "${id}" (stale after npm run acts:fixture?): update the id or remove the line`,
      );
      return;
    }
    if (!context.acts.has(act)) {
      problems.push(`${where}: "${act}" is not an act the cues read (models/cues.yaml): remove the line`);
      return;
    }
    if (why.trim() === '')
      problems.push(`${where}: "why" is empty: say which words do (or do not) perform the act`);
    if (labels.includes(act) === present) {
      problems.push(
        `${where}: the scoring already ${present ? 'credits' : 'leaves out'} ${act} for "${id}", so this corrects nothing (stale after a scenario edit?): remove the line`,
      );
      return;
    }
    const key = `${id} ${act}`;
    if (seen.has(key)) {
      problems.push(`${where}: a second correction of ${act} for "${id}": keep one line`);
      return;
    }
    seen.add(key);
    corrections.push({ id, act, present, why, line });
  });
  return { corrections, problems };
}

/** The scoring labels of one reply with the review's corrections applied. */
export function reviewedLabels(
  id: string,
  labels: readonly string[],
  corrections: readonly Correction[],
): string[] {
  const mine = corrections.filter((c) => c.id === id);
  const dropped = new Set(mine.filter((c) => !c.present).map((c) => c.act));
  const added = mine.filter((c) => c.present && !labels.includes(c.act)).map((c) => c.act);
  return [...labels.filter((a) => !dropped.has(a)), ...added];
}
