/**
 * The tutor tools' pure core: presenter votes, reply previews, each reply's
 * reachable scores and the author report. No DOM, no Phaser, no Node modules.
 */

export {
  type AuthorReport,
  authorReport,
  describeGaming,
  describeGiveaways,
  type FileSpot,
  GIVEAWAY_LIMITS,
  type ModelReport,
} from './authorReport.ts';
export {
  type ClassFile,
  type ClassFiles,
  type FileAttempt,
  type FileProblem,
  jsonErrorLine,
  NOT_OURS,
  readClassFiles,
  type XapiAnswer,
  type XapiTrail,
} from './classFiles.ts';
export {
  BANDS,
  type ClassLibrary,
  type ClassView,
  classView,
  classViewOfFiles,
  type FaultView,
  type GroupView,
  lineStart,
  type ReplyText,
  SAME_FINISH_MS,
  type StepView,
  type TeachFork,
} from './classView.ts';
export {
  DEFAULT_MAX_WORK,
  type Exploration,
  type ExploreOptions,
  exploreRuns,
  type GamingExample,
  type GamingFinding,
  type GamingKind,
  HIGH_PERCENT,
  type ReplyRange,
} from './exploreRuns.ts';
export {
  type ClearFork,
  courtesy,
  type GiveawayReport,
  giveaways,
  pickFor,
  playStrategy,
  STRATEGIES,
  type Strategy,
  type StrategyResult,
  saysSorry,
  wordCount,
} from './giveaways.ts';
export {
  addVote,
  back,
  decide,
  EMPTY_LOG,
  forward,
  forwardChoice,
  openTurn,
  type PresenterLog,
  playedTurns,
  replyLetter,
  type SupersededTurn,
  setVotes,
  type Tally,
  tallyVotes,
  type VoteTurn,
} from './presenterLog.ts';
export { previewReply, type ReplyPreview, type StepEffect } from './previewReply.ts';
export { shortestRoute } from './shortestRoute.ts';
export { type Rebuilt, type RebuiltAttempt, rebuildAttempts } from './xapiAttempts.ts';
