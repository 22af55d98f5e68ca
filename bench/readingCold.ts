/**
 * One cold reading, in a fresh process (run by bench/reading.ts), as the page
 * does it once the analyser chunk has arrived: the cue data the build ships
 * (src/game/build/readingPlugin.ts; made here first, untimed, as the build
 * makes it) parsed and turned into a cue set, then the first reply read, then
 * the closest of the kettle's first three replies picked. Each step timed; prints JSON.
 */
import { libraryFolders } from '../src/game/build/libraryPlugin.ts';
import { buildReadingData } from '../src/game/build/readingPlugin.ts';
import type { ReadingData } from '../src/game/sayIt/index.ts';
import { closestReply, cueSetFromData, readReply } from '../src/reading/index.ts';
import { PROJECT_ROOT } from './load.ts';

const REPLY = "Oh no, I'm so sorry, that's the last thing you need. What happened when you switched it on?";
const OFFERED = [
  'Have you got the receipt?',
  "Oh no, I'm sorry, that's the last thing you need today. What happened when you switched it on?",
  "They're usually fine. You must have done something to it.",
];
// What the chunk carries: the build's data as JSON text.
const shipped = JSON.stringify(buildReadingData(libraryFolders(PROJECT_ROOT)));

const start = performance.now();
const data = JSON.parse(shipped) as ReadingData;
const cues = cueSetFromData(data.cues);
const loaded = performance.now();
readReply(REPLY, cues);
const read = performance.now();
closestReply(REPLY, OFFERED, data.weights, cues.spellings);
const picked = performance.now();
console.log(
  JSON.stringify({ loadCuesMs: loaded - start, firstReplyMs: read - loaded, closestMs: picked - read }),
);
