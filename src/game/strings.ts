/**
 * Every string the learner sees, in one place (UK English), so a translation
 * can be added later by swapping this module. Content from scenario and model
 * files (titles, lines, feedback) is shown as written and does not live here.
 */
import type { Channel, Outcome } from '../scenario/index.ts';
import type { Band, NpsCategory } from '../scoring/index.ts';
import type { Expression } from './art/expressionForMood.ts';
import type { Mode } from './run/mode.ts';

const CHANNEL_NAMES: Readonly<Record<Channel, string>> = {
  'face-to-face': 'Face to face',
  phone: 'Phone call',
  chat: 'Live chat',
  email: 'Email',
};

const OUTCOME_NAMES: Readonly<Record<Outcome, string>> = {
  resolved: 'Resolved',
  escalated: 'Escalated',
  unresolved: 'Unresolved',
  lost: 'Customer lost',
};

const MOOD_NAMES: Readonly<Record<Expression, string>> = {
  furious: 'Furious',
  angry: 'Angry',
  upset: 'Upset',
  neutral: 'Calm',
  pleased: 'Pleased',
  delighted: 'Delighted',
};

const NPS_NAMES: Readonly<Record<NpsCategory, string>> = {
  promoter: 'Promoter',
  passive: 'Passive',
  detractor: 'Detractor',
};

const DIFFICULTY_NAMES = ['Introductory', 'Intermediate', 'Advanced'] as const;

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "Used open questions" → "used open questions"; leaves "UK GDPR …" and other capitals alone. */
const lowerFirst = (text: string): string =>
  /^[A-Z][a-z]/.test(text) ? `${text.charAt(0).toLowerCase()}${text.slice(1)}` : text;

/** Ends a sentence with a full stop unless it already ends with punctuation. */
const sentence = (text: string): string => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

export const STRINGS = {
  appTitle: 'Complaint Handling Simulator',
  appTagline: 'Practise handling customer complaints, one conversation at a time.',
  loading: 'Loading…',
  skipLink: 'Skip to main content',

  /** The library file could not be fetched at start-up (src/game/library/fetchLibrary.ts). */
  startup: {
    failedHeading: 'The role-plays could not be loaded',
    failed: (reason: string) =>
      `The role-plays could not be loaded: ${reason}. Reload the page to try again.`,
    network:
      'the connection failed (if you are offline, open this page once while online and it will work offline afterwards)',
    status: (code: number, text: string) =>
      `the server answered “${code}${text === '' ? '' : ` ${text}`}” for the library file`,
    damaged: 'the library file is damaged or incomplete',
    noLink: 'the page does not say where the library file is',
    unexpected: 'something unexpected went wrong',
    reload: 'Reload',
  },

  /** Parts of the app fetched the first time they are used (src/game/ui/lazy.ts). */
  lazy: {
    failedHeading: (what: string) => `${what} could not be loaded`,
    failedBody:
      'Part of the simulator had to be fetched and the connection failed. Check the network and try again. If you are offline, open this page once while online and it will work offline afterwards.',
    retry: 'Try again',
    menu: 'Back to menu',
    close: 'Close',
    lmsUnavailable:
      'Your results cannot be sent to your course: part of the simulator could not be loaded. You can still practise here; reload the page to try again.',
  },

  menu: {
    heading: 'Choose a role-play',
    intro:
      'Pick a complaint-handling model and a mode, then choose a customer. Use the number keys to reply during the role-play.',
    modelLegend: 'Model',
    modeLegend: 'Mode',
    filterHeading: 'Filter scenarios',
    channelLegend: 'Channel',
    difficultyLegend: 'Difficulty',
    any: 'All',
    scenariosHeading: 'Scenarios',
    start: 'Start role-play',
    startLabel: (title: string) => `Start role-play: ${title}`,
    showing: (shown: number, total: number) =>
      `Showing ${shown} of ${plural(total, 'scenario', 'scenarios')}`,
    noMatch: 'No scenarios match these filters. Choose “All” to see every scenario.',
    noScenarios: 'No scenarios could be loaded. Check the files listed below.',
    brokenHeading: 'Files with problems',
    brokenIntro:
      'These scenario files could not be loaded. Fix the first error shown and save the file; the other scenarios still work.',
    moreErrors: (n: number) => `and ${plural(n, 'more error', 'more errors')}`,
    catalogueHeading: 'Model files with problems',
    writtenFor: 'Written for',
    notWrittenFor: (model: string) => `Not written for ${model}: your score may not reflect the scenario.`,
    unknownLink: 'The link asked for a role-play that is not in the library, so here is the menu instead.',
    // The cards' extras (issue 18): the beginners' card, a time estimate and the best band so far.
    startHere: 'Start here',
    startHereHint: 'New to complaint handling? Begin with this one.',
    minutes: (n: number) => `About ${n} min`,
    minutesLabel: (n: number) => `About ${plural(n, 'minute', 'minutes')}`,
    best: (band: Band) => `Your best: ${band}`,
    notTried: 'Not tried yet',
  },

  mode: {
    practice: 'Practice',
    assessment: 'Assessment',
    practiceHint: 'Feedback after each reply; you can undo.',
    assessmentHint: 'No feedback or undo until the debrief.',
  } satisfies Record<Mode | `${Mode}Hint`, string>,

  channel: (c: Channel) => CHANNEL_NAMES[c],
  outcome: (o: Outcome) => OUTCOME_NAMES[o],
  mood: (e: Expression) => MOOD_NAMES[e],
  nps: (n: NpsCategory) => NPS_NAMES[n],
  difficulty: (d: number) => DIFFICULTY_NAMES[d - 1] ?? `Level ${d}`,
  difficultyLabel: (d: number) => `Difficulty ${d} of 3`,
  band: (b: Band) => b,

  roleplay: {
    pause: 'Pause',
    pauseLabel: 'Pause (Escape)',
    moodLabel: (name: string) => `${name}'s mood`,
    moodValue: (word: string, mood: number) => `${word}, ${mood} out of 100`,
    stepsLabel: (model: string) => `${model} steps`,
    stepDone: 'done',
    stepPartly: 'partly done',
    stepNotYet: 'not yet',
    stepSlip: 'out of order',
    conversation: 'Conversation',
    briefLabel: 'Your customer',
    briefModel: (model: string, summary: string) => `Handle the complaint using ${model}: ${summary}.`,
    you: 'You',
    repliesHeading: 'Your reply',
    /** The number keys there are: a learner facing two replies is not told to press 1 to 9. */
    replyKeyHint: (count: number) =>
      count === 1
        ? 'Press 1, or click the reply'
        : `Press 1 ${count === 2 ? 'or' : 'to'} ${count}, or click a reply`,
    replyTouchHint: 'Tap a reply',
    moreReplies: 'More replies below',
    skipHint: 'Press Enter or Space to skip',
    skipTouchHint: 'Tap to skip',
    continue: 'See your debrief',
    continueHint: 'Press Enter to continue',
    continueTouchHint: 'Tap to see how you did',
    undo: 'Undo last reply',
    feedback: 'Feedback',
    stuck: 'No reply is available here. This is a fault in the scenario file; please tell your tutor.',
    callTimer: 'Call time',
    chatStatus: 'Live chat',
    emailStatus: 'Email thread',
    announceLine: (name: string, mood: string, text: string) => `${name}, ${mood.toLowerCase()}: ${text}`,
    announceFeedback: (text: string) => `Feedback: ${text}`,
    announceEnded: (outcome: string) =>
      `The conversation has ended: ${outcome}. Press Enter to see your debrief.`,
    modeBadge: (mode: string, model: string) => `${mode} · ${model}`,
  },

  /** The one button a phone's top bar folds its controls behind (src/game/ui/TopbarMenu.ts). */
  topbarMenu: {
    open: 'Menu',
  },

  pause: {
    heading: 'Paused',
    resume: 'Resume',
    restart: 'Restart role-play',
    menu: 'Back to menu',
    keys: 'Keys: 1–9 choose a reply · Enter or Space skip or continue · U undo (Practice) · Escape pause',
  },

  debrief: {
    heading: 'Debrief',
    outcome: 'Outcome',
    marks: (marks: number, max: number) => `${marks} out of ${max} marks`,
    percent: (p: number) => `${p}%`,
    stepsHeading: 'Marks per step',
    stepColumn: 'Step',
    marksColumn: 'Marks',
    statusColumn: 'How it went',
    stepStatus: (performed: number, inOrder: boolean) =>
      performed === 0
        ? 'Missed'
        : `${performed < 1 ? 'Partly done' : 'Done'}${inOrder ? ', in order' : ', out of order'}`,
    explanationsHeading: 'What this means',
    faultsHeading: 'Faults',
    noFaults: 'No faults. Well done.',
    /** Beside a band a limit lowered, "Well done" would contradict the reason given above. */
    noFaultsPlain: 'No faults.',
    alsoHeld: 'Also noted, though it did not lower the band:',
    faultPenalty: (n: number) => `−${plural(n, 'mark', 'marks')}`,
    faultCritical: 'Critical: a legal breach means Not yet achieved, whatever the percentage.',
    faultReply: 'Your reply',
    markingHeading: 'Marking points',
    met: 'Met',
    missed: 'Missed',
    noMarking: 'This scenario has no marking points.',
    kpiHeading: 'Customer outcome',
    csat: 'Customer satisfaction (CSAT)',
    csatValue: (n: number) => `${n} out of 5`,
    nps: 'Net Promoter Score',
    npsValue: (score: number, category: string) => `${score} out of 10 (${category})`,
    fcr: 'First-contact resolution',
    yes: 'Yes',
    no: 'No',
    moodChange: 'Mood',
    moodValue: (start: number, end: number) => `${start} → ${end}`,
    transcriptHeading: 'Transcript',
    acts: 'Acts',
    noActs: 'No acts',
    moodDelta: (d: number) => (d === 0 ? 'Mood unchanged' : `Mood ${d > 0 ? '+' : '−'}${Math.abs(d)}`),
    modelsHeading: 'The same run under every model',
    modelColumn: 'Model',
    stepsColumn: 'Steps',
    percentColumn: 'Percentage',
    bandColumn: 'Band',
    thisModel: '(this run)',
    actionsLabel: 'What next',
    replay: 'Replay',
    tryModel: 'Try another model',
    tryModelButton: (model: string) => `Replay with ${model}`,
    menu: 'Back to menu',
    unfinished: 'Unfinished',
    /** The coaching card at the top of the debrief, written for the learner (no marking jargon). */
    coach: {
      /** When no limit lowered the band, the why is the percent itself. */
      percentBand: (percent: number, band: Band) =>
        band === 'Not yet achieved'
          ? `You scored ${percent}%, which is not yet enough for a Pass.`
          : `You scored ${percent}%, which gives ${band}.`,
      wentWellHeading: 'What went well',
      wentWellNone: 'Not much this time. The lines below show where to start.',
      missedHeading: 'What you missed',
      missedNone: 'Nothing: every step was done in order, every point was met and there were no mistakes.',
      nextTimeHeading: 'Next time, try',
      nextTimeNone: 'No other reply on offer would have done better at any point.',
      essential: 'Essential',
      mistake: 'Mistake',
      yourReply: (n: number) => `Your reply ${n}`,
      youSaid: (n: number) => `At reply ${n} you said:`,
      instead: 'Instead, try:',
      couldReach: (band: Band, percent: number) =>
        `From there, this could still have led to ${band} (${percent}%).`,
      yoursReached: (band: Band, percent: number) =>
        `After what you said, the best you could get was ${band} (${percent}%).`,
      yoursStuck: 'After what you said, the conversation could not end well.',
      why: 'Why it matters:',
      fault: (did: string) => `You ${did}.`,
      faultNamed: (name: string) => `Mistake: ${name}.`,
      penalty: (n: number) => `(−${plural(n, 'mark', 'marks')})`,
      critical: 'This breaks the law, so the band is Not yet achieved whatever the percentage.',
      notExhaustive: 'This role-play has a lot of routes, so these are the best lines among the many tried.',
      /** A marking point met, in the learner's words ("You used open questions …"). */
      pointMet: (text: string) => {
        const credit = /^award credit for\s+/i;
        if (credit.test(text)) return sentence(`You earned credit for ${text.replace(credit, '')}`);
        return sentence(`You ${lowerFirst(text)}`);
      },
      /** A marking point missed, in the learner's words. */
      pointMissed: (text: string) => {
        const credit = /^award credit for\s+/i;
        const didNot = /^did not\s+/i;
        if (credit.test(text)) return sentence(`You did not earn credit for ${text.replace(credit, '')}`);
        if (didNot.test(text)) return sentence(`Remember not to ${text.replace(didNot, '')}`);
        return sentence(`You did not show that you ${lowerFirst(text)}`);
      },
      detailsHeading: 'The details',
      detailsIntro: 'Open a section to see the full marks.',
      selfHeading: 'Your rating and the marks',
    },
  },
} as const;
