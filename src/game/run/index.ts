/** The learner's run: one owner of its state, no Phaser and no DOM (see docs/game.md, "The run"). */
export { chooseStart, type ResumeOffer, type StartDecision, type StartSources } from './chooseStart.ts';
export type { Handover } from './Handover.ts';
export { newId, nowIso } from './ids.ts';
export {
  type HintGiven,
  LearnerRun,
  type RunCause,
  type RunChange,
  type RunListener,
  type RunParts,
  type RunSource,
} from './LearnerRun.ts';
export type { FinishedRun, RunObserver } from './RunObserver.ts';
export {
  type LmsResume,
  type RunPath,
  type RunPrompts,
  RunService,
  type RunServiceParts,
} from './RunService.ts';
