/**
 * One cold reading, in a fresh process (run by bench/reading.ts): the cue file
 * loaded and checked, then the first reply read, each timed. Prints JSON.
 */
import { readCues } from '../src/cli/files.ts';
import { readReply } from '../src/reading/index.ts';
import { PROJECT_ROOT } from './load.ts';

const start = performance.now();
const { cues } = readCues(PROJECT_ROOT);
const loaded = performance.now();
readReply(
  "Oh no, I'm so sorry, that's the last thing you need. What happened when you switched it on?",
  cues,
);
const read = performance.now();
console.log(JSON.stringify({ loadCuesMs: loaded - start, firstReplyMs: read - loaded }));
