/**
 * The LMS folder's one door: a run → SCORM 1.2 and 2004 values, suspend data,
 * and xAPI statements. Pure: no DOM, no Phaser, no Node-only modules; the
 * runtime adapter in src/game/lms talks to the LMS with what this returns.
 */

export { createLmsReport } from './createLmsReport.ts';
export { runShapeFingerprint } from './fingerprint.ts';
export { CMI_IDENTIFIER_12, choiceLetter12, identifier12, uriSegment } from './identifiers.ts';
export { lessonStatus12, lmsOutcome, PASSING_BANDS } from './outcome.ts';
export {
  decodeHeld,
  encodeHeld,
  type HeldReplies,
  heldAtLaunch,
  type LaunchInteractions,
  type LedgerStep,
  type RunKey,
  recordStep,
} from './replyLedger.ts';
export { actNames, type ReplyMarks, replyMarks } from './replyMarks.ts';
export {
  interactionId12,
  SCORM12_LIMITS,
  scorm12Interactions,
  scorm12Values,
  type WriteOptions,
} from './scorm12.ts';
export {
  interactionId2004,
  LANGUAGE,
  SCORM2004_LIMITS,
  scorm2004Interactions,
  scorm2004Values,
} from './scorm2004.ts';
export {
  decodeSuspendData,
  type EncodedRun,
  encodeSuspendData,
  type ResumableRun,
  type ResumeResult,
  repliesOf,
  resumeChoices,
  SUSPEND_LIMIT_12,
} from './suspendData.ts';
export { isoDuration, scorm12Time, scorm12Timespan, scorm2004Timestamp } from './time.ts';
export type * from './types.ts';
export {
  answeredStatement,
  completedStatement,
  judgedStatement,
  launchedStatement,
  type SaidReport,
  type Stamp,
  scenarioActivityId,
  VERBS,
  XAPI_EXTENSION_BASE,
  XAPI_EXTENSIONS,
  type XapiAttempt,
} from './xapi.ts';
export type * from './xapiTypes.ts';
