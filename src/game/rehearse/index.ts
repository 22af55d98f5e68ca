/**
 * Rehearse aloud (issue 19, item 5): in Practice the learner records their
 * spoken reply (kept in this browser only), plays it back and ticks the
 * model's steps they did; the ticks are kept with the run and listed in the
 * evidence record. See docs/progress.md ("Rehearse aloud") and docs/security.md.
 */
export { attachRehearse } from './attachRehearse.ts';
export { eraseRecordings, idbRecordings, RECORDINGS_DATABASE } from './idbRecordings.ts';
export {
  makeRoom,
  RECORDING_LIMITS,
  type RecordingLimits,
  type RecordingMeta,
  type Room,
  recordingKey,
} from './limits.ts';
export {
  memoryRecordings,
  type Recording,
  type RecordingBackend,
  RecordingStore,
  type SaveResult,
} from './RecordingStore.ts';
export { rehearsalEvidence } from './rehearsalEvidence.ts';
export { rehearsalFold } from './rehearsalFold.ts';
export { REHEARSE_STRINGS } from './strings.ts';
