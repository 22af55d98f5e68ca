/** Rehearse aloud's words (UK English), kept beside the feature. */

import { RECORDING_LIMITS } from './limits.ts';
import type { MicProblem } from './Recorder.ts';

const MB = Math.round(RECORDING_LIMITS.maxTotalBytes / (1024 * 1024));

const clock = (seconds: number): string => {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

const PROBLEMS: Readonly<Record<MicProblem, string>> = {
  unsupported:
    'This browser cannot record here. You can still say your reply aloud, tick the steps you did, and choose a reply as usual.',
  denied:
    'The microphone was not allowed, so nothing was recorded. You can still say your reply aloud, tick the steps you did, and choose a reply as usual. To record, allow the microphone for this site in your browser’s settings.',
  missing:
    'No microphone was found, so nothing was recorded. You can still say your reply aloud, tick the steps you did, and choose a reply as usual.',
  failed:
    'The microphone could not be started, so nothing was recorded. You can still tick the steps you did and choose a reply as usual.',
};

export const REHEARSE_STRINGS = {
  toggle: 'Rehearse aloud',
  heading: 'Rehearse aloud',
  intro: (model: string) =>
    `Say your reply out loud, listen back, and tick the ${model} steps you did. Then choose a written reply below as usual.`,
  record: 'Record',
  stop: 'Stop',
  play: 'Play back',
  pause: 'Pause',
  asking: 'Asking for the microphone…',
  recording: (seconds: number) => `Recording… ${clock(seconds)} of ${clock(RECORDING_LIMITS.maxSeconds)}`,
  recorded: (seconds: number) => `Recorded ${clock(seconds)}. Play it back, then tick the steps you did.`,
  cut: `Recording stopped at ${clock(RECORDING_LIMITS.maxSeconds)}, the longest a rehearsal can be.`,
  playing: 'Playing back…',
  played: 'Played back.',
  previous: 'Your earlier recording at this turn is ready to play back.',
  dropped: (n: number) =>
    `To make room, ${n === 1 ? 'your oldest recording was' : `your ${n} oldest recordings were`} removed.`,
  tooBig: `This recording is bigger than the ${MB} MB kept for rehearsals, so it was not kept. You can still play it back until you move on.`,
  notKept:
    'This browser would not keep the recording, so it will be gone when you move on. You can still play it back now.',
  problem: (problem: MicProblem) => PROBLEMS[problem],
  stepsLegend: (model: string) => `The ${model} steps I did`,
  marksSaved: 'Your ticks are kept with this run.',
  limit: `Recordings stay in this browser, never sent anywhere: up to ${clock(RECORDING_LIMITS.maxSeconds)} each, ${MB} MB in all (when full, the oldest go). “Erase all my data” removes them.`,
  // The evidence record and debrief: the self-marks per turn, never the audio.
  evidenceHeading: 'Rehearsed aloud (the learner’s own ticks)',
  evidenceIntro:
    'At these turns the learner said a reply aloud and ticked the steps they thought they performed. These are self-marks, not the simulator’s marks; the recordings stay on the learner’s device.',
  turn: (at: number) => `Before reply ${at + 1}`,
  ticked: (steps: string) => `Ticked: ${steps}`,
  noneTicked: 'No steps ticked',
  withRecording: 'recorded',
  withoutRecording: 'not recorded',
  debriefSummary: (n: number) => `Rehearsed aloud at ${n} ${n === 1 ? 'turn' : 'turns'}`,
  debriefIntro:
    'What you ticked after saying your reply aloud, beside the steps the reply you then picked counts towards. Where they differ, listen to your recording again: did you really do that step?',
  picked: (steps: string) => `The reply you picked counts towards: ${steps}`,
  pickedNone: 'The reply you picked counts towards no step',
  tickedNotPicked: (steps: string) => `You ticked ${steps}, which the reply you picked does not do.`,
} as const;
