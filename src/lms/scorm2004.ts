import type { Catalogue, Choice } from '../scenario/index.ts';
import { uriSegment } from './identifiers.ts';
import { lmsOutcome } from './outcome.ts';
import { replyMarks } from './replyMarks.ts';
import type { WriteOptions } from './scorm12.ts';
import { isoDuration, scorm2004Timestamp } from './time.ts';
import type { CmiValue, LmsReport } from './types.ts';

/** SCORM 2004 4th edition limits (smallest permitted maximums) we keep to. */
export const SCORM2004_LIMITS = {
  suspendData: 64_000,
  longIdentifier: 4000,
  shortIdentifier: 250,
  description: 250,
} as const;

/** The language tag every description carries. */
export const LANGUAGE = 'en-GB';

/**
 * SCORM 2004 values for a run, in the order to set them: completion, success,
 * score (scaled 0–1 and raw 0–100, only for a finished assessment), session
 * time, exit, suspend data, then one interaction per reply from `fromEntry`.
 */
export function scorm2004Values(report: LmsReport, options: WriteOptions): CmiValue[] {
  const outcome = lmsOutcome(report.score, report.mode);
  const values: CmiValue[] = [
    ['cmi.completion_status', outcome.completed ? 'completed' : 'incomplete'],
    ['cmi.success_status', outcome.success],
  ];
  if (outcome.percent !== null) {
    values.push(['cmi.score.scaled', String(Math.round(outcome.percent * 10) / 1000)]);
    values.push(['cmi.score.raw', String(outcome.percent)]);
    values.push(['cmi.score.min', '0']);
    values.push(['cmi.score.max', '100']);
  }
  values.push(['cmi.session_time', isoDuration(report.sessionSeconds)]);
  values.push(['cmi.exit', outcome.completed ? 'normal' : 'suspend']);
  if (options.suspendData !== undefined) values.push(['cmi.suspend_data', options.suspendData]);
  values.push(...scorm2004Interactions(report, options.interactionIndex, options.fromEntry ?? 0));
  return values;
}

/** A reply's 2004 interaction id: `<scenario>.r<position>.<reply id>`, URI-safe (a long identifier). */
export function interactionId2004(scenarioId: string, position: number, choiceId: string): string {
  return `${uriSegment(scenarioId).slice(0, 1000)}.r${position}.${uriSegment(choiceId).slice(0, 2000)}`;
}

/** One `cmi.interactions.n.*` group per reply, from transcript entry `fromEntry`, numbered from `index`. */
export function scorm2004Interactions(report: LmsReport, index: number, fromEntry: number): CmiValue[] {
  const values: CmiValue[] = [];
  for (let i = fromEntry; i < report.transcript.length; i += 1) {
    const entry = report.transcript[i];
    if (entry === undefined) continue;
    const n = `cmi.interactions.${index + i - fromEntry}`;
    const { choice } = entry;
    values.push([`${n}.id`, interactionId2004(report.scenario.id, i + 1, choice.id)]);
    values.push([`${n}.type`, 'choice']);
    const acts = [...new Set(choice.acts.map(({ act }) => uriSegment(act).slice(0, 4000)))];
    for (const [m, act] of acts.entries()) values.push([`${n}.objectives.${m}.id`, act]);
    const at = report.answeredAt?.[i];
    if (at !== undefined) values.push([`${n}.timestamp`, scorm2004Timestamp(at)]);
    values.push([`${n}.learner_response`, shortIdentifier(choice.id, choice.index)]);
    const marks = replyMarks(choice, report.model, report.catalogue);
    values.push([`${n}.result`, marks.result === 'wrong' ? 'incorrect' : marks.result]);
    values.push([`${n}.description`, describeReply(entry.node, choice.index, choice, report.catalogue)]);
  }
  return values;
}

function shortIdentifier(id: string, index: number): string {
  const safe = uriSegment(id);
  return safe.length <= SCORM2004_LIMITS.shortIdentifier ? safe : `reply-${index}`;
}

/** `{lang=en-GB}opening, reply 2: Listen, Blaming (fault).`, at most 250 characters after the tag. */
function describeReply(node: string, index: number, choice: Choice, catalogue: Catalogue): string {
  const acts = choice.acts.map(({ act }) => {
    const entry = catalogue.acts.get(act);
    return `${entry?.name ?? act}${entry?.fault === true ? ' (fault)' : ''}`;
  });
  let text = `${node}, reply ${index}: ${acts.length === 0 ? 'no acts' : acts.join(', ')}.`;
  // A description may not start with `{` unless it is a language tag.
  if (text.startsWith('{')) text = ` ${text}`;
  const max = SCORM2004_LIMITS.description;
  if (text.length > max) text = `${text.slice(0, max - 1)}…`;
  return `{lang=${LANGUAGE}}${text}`;
}
