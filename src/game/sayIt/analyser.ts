/**
 * The "say it your way" analyser as the page loads it: a lazy chunk (see
 * `loadAnalyser`), holding src/reading and the cue data the build checked
 * (src/game/build/readingPlugin.ts). No YAML is parsed here.
 */
import data from 'virtual:reading-data';
import {
  closestReply,
  cueSetFromData,
  NOT_VERIFIED,
  type ReadContext,
  type Reading,
  readInScenario,
  scenarioCues,
} from '../../reading/index.ts';
import type { ScenarioReading } from '../../scenario/index.ts';

export interface Analyser {
  /** The acts in the learner's words, with the words as evidence, in the run's context (for `disclose`). */
  read(text: string, context?: ReadContext): Reading;
  /** The index of the reply closest to what they wrote, or null when none shares a word with it. */
  closest(text: string, replies: readonly string[]): number | null;
}

/** The analyser for one scenario: the shipped cues, plus the scenario's own (`reading:`) when it has them. */
export function createAnalyser(reading?: ScenarioReading): Analyser {
  const base = cueSetFromData(data.cues);
  const cues = scenarioCues(base, reading);
  return {
    read: (text, context = NOT_VERIFIED) => readInScenario(text, cues, context),
    closest: (text, replies) => closestReply(text, replies, data.weights, base.spellings),
  };
}
