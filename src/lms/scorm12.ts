import { choiceLetter12, identifier12 } from './identifiers.ts';
import { lessonStatus12, lmsOutcome } from './outcome.ts';
import { replyMarks } from './replyMarks.ts';
import { scorm12Time, scorm12Timespan } from './time.ts';
import type { CmiValue, LmsReport } from './types.ts';

/** SCORM 1.2 limits we hold ourselves to (scorm-again, our test LMS, is more lenient). */
export const SCORM12_LIMITS = { suspendData: 4096, identifier: 255 } as const;

export interface WriteOptions {
  /** The LMS's `cmi.interactions._count` now: new interactions are appended from here. */
  readonly interactionIndex: number;
  /** The first transcript entry not yet written (0 to write them all). */
  readonly fromEntry?: number;
  /** Encoded resumable state (see `encodeSuspendData`); omitted leaves it as it is. */
  readonly suspendData?: string;
}

/**
 * SCORM 1.2 values for a run, in the order to set them: status, score (0–100,
 * only for a finished assessment), session time, exit, suspend data, then one
 * interaction per reply from `fromEntry`.
 */
export function scorm12Values(report: LmsReport, options: WriteOptions): CmiValue[] {
  const outcome = lmsOutcome(report.score, report.mode);
  const values: CmiValue[] = [['cmi.core.lesson_status', lessonStatus12(outcome)]];
  if (outcome.percent !== null) {
    values.push(['cmi.core.score.raw', String(outcome.percent)]);
    values.push(['cmi.core.score.min', '0']);
    values.push(['cmi.core.score.max', '100']);
  }
  values.push(['cmi.core.session_time', scorm12Timespan(report.sessionSeconds)]);
  values.push(['cmi.core.exit', outcome.completed ? '' : 'suspend']);
  if (options.suspendData !== undefined) values.push(['cmi.suspend_data', options.suspendData]);
  values.push(...scorm12Interactions(report, options.interactionIndex, options.fromEntry ?? 0));
  return values;
}

/** A reply's 1.2 interaction id: `<scenario>.r<position>.<reply id>` in 1.2's identifier characters. */
export function interactionId12(scenarioId: string, position: number, choiceId: string): string {
  return `${identifier12(scenarioId, 100)}.r${position}.${identifier12(choiceId, 120)}`;
}

/** One `cmi.interactions.n.*` group per reply, from transcript entry `fromEntry`, numbered from `index`. */
export function scorm12Interactions(report: LmsReport, index: number, fromEntry: number): CmiValue[] {
  const values: CmiValue[] = [];
  for (let i = fromEntry; i < report.transcript.length; i += 1) {
    const entry = report.transcript[i];
    if (entry === undefined) continue;
    const n = `cmi.interactions.${index + i - fromEntry}`;
    const { choice } = entry;
    values.push([`${n}.id`, interactionId12(report.scenario.id, i + 1, choice.id)]);
    const acts = [...new Set(choice.acts.map(({ act }) => identifier12(act)))];
    for (const [m, act] of acts.entries()) values.push([`${n}.objectives.${m}.id`, act]);
    const at = report.answeredAt?.[i];
    if (at !== undefined) values.push([`${n}.time`, scorm12Time(at)]);
    values.push([`${n}.type`, 'choice']);
    const letter = choiceLetter12(choice.index);
    if (letter !== null) values.push([`${n}.student_response`, letter]);
    values.push([`${n}.result`, replyMarks(choice, report.model, report.catalogue).result]);
  }
  return values;
}
