/**
 * The reading folder's one door: a learner's own words → the acts they
 * perform, with the words as evidence ("say it your way"). Pure: no DOM, no
 * Node-only modules. Named "reading" because it reads a reply; `analysis`
 * already means exploring every path of a scenario.
 */

export { type CueSetData, cueSetFromData, cueSetToData } from './cueData.ts';
export {
  type ActCues,
  actConfidence,
  type Confidence,
  type CueSet,
  detectedActs,
  type Refusal,
} from './cueSet.ts';
export { type CueLoadResult, loadCues } from './loadCues.ts';
export { compilePattern, GAP, type Pattern, patternProblem } from './patterns.ts';
export { type FoundAct, type Reading, readReply } from './readReply.ts';
export * from './scenarioCues.ts';
export { buildWeights, closestReply, type ReplyWeights, similarity } from './similarity.ts';
export { normalise, type Token, tokenise } from './tokens.ts';
