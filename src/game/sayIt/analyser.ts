/**
 * The "say it your way" analyser as the page loads it: a lazy chunk (see
 * `loadAnalyser`), holding src/reading and the cue data the build checked
 * (src/game/build/readingPlugin.ts). No YAML is parsed here.
 */
import data from 'virtual:reading-data';
import { closestReply, cueSetFromData, type Reading, readReply } from '../../reading/index.ts';

export interface Analyser {
  /** The acts in the learner's words, with the words as evidence. */
  read(text: string): Reading;
  /** The index of the reply closest to what they wrote, or null when none shares a word with it. */
  closest(text: string, replies: readonly string[]): number | null;
}

export function createAnalyser(): Analyser {
  const cues = cueSetFromData(data.cues);
  return {
    read: (text) => readReply(text, cues),
    closest: (text, replies) => closestReply(text, replies, data.weights, cues.spellings),
  };
}
