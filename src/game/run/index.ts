/** The learner's run: one owner of its state, no Phaser and no DOM (see docs/game.md, "The run"). */
export { chooseStart, type ResumeOffer, type StartDecision, type StartSources } from './chooseStart.ts';
export type { DebriefRequest } from './DebriefRequest.ts';
export { type DeepLink, deepLinkFor, parseDeepLink } from './deepLink.ts';
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
  type SaidBeforeChoosing,
} from './LearnerRun.ts';
export { isMode, MODES, type Mode } from './mode.ts';
export { newSeed, seedParam } from './newSeed.ts';
export { plainRequest, type RoleplayRequest } from './RoleplayRequest.ts';
export type { FinishedRun, RunObserver } from './RunObserver.ts';
export {
  type LmsResume,
  type RunPath,
  type RunPrompts,
  RunService,
  type RunServiceParts,
} from './RunService.ts';
