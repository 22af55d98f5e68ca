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
