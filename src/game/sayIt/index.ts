/**
 * "Say it your way" (issue 19): the learner types their reply before the
 * replies are offered; the analyser (a lazy chunk) shows the acts in their own
 * words, and the closest offered reply is pre-selected. The folder's one door.
 */
export { type CoveredStep, coveredSteps } from './coveredSteps.ts';
export { type MarkedPiece, markedPieces } from './marks.ts';
export { addMenuSwitch } from './menuSwitch.ts';
export type { ReadingData } from './readingData.ts';
export { loadAnalyser, type RoleplaySayIt, SayIt, type SayItProps, sayItForRoleplay } from './SayIt.ts';
export {
  allowedIn,
  learnerSwitch,
  readTutorSayIt,
  SAY_IT_KEY,
  SAY_IT_PARAM,
  saveLearnerSwitch,
  type TutorSayIt,
  tutorLinkSeen,
  tutorSayIt,
} from './sayItSetting.ts';
export { SAY_IT_STRINGS } from './strings.ts';
export { saidList, saidSection, whatYouWroteFold } from './whatYouWrote.ts';
