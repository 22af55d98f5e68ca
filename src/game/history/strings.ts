/**
 * Strings for saved progress, history, self-assessment, reflection and the
 * evidence record (UK English). Kept beside the screens that use them so they
 * can be merged into src/game/strings.ts later.
 */
import type { Band, Rating } from '../../progress/index.ts';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

const RATING_NAMES: Readonly<Record<Rating, string>> = {
  'not-done': 'Not done',
  partly: 'Partly',
  fully: 'Fully',
};

export const PROGRESS_STRINGS = {
  rating: (rating: Rating) => RATING_NAMES[rating],
  dateTime: (iso: string) =>
    new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }),
  shortDate: (iso: string) =>
    new Date(iso).toLocaleString('en-GB', { dateStyle: 'short', timeStyle: 'short' }),
  date: (iso: string) => new Date(iso).toLocaleDateString('en-GB', { dateStyle: 'long' }),
  percent: (p: number) => `${p}%`,

  /** How an attempt's marks came about, where the scoring rules have changed since it was played. */
  scoring: {
    earlier: 'Scored under the earlier rules',
    earlierWhy:
      'The role-play has changed since (or is no longer in the library), so this attempt could not be marked again: its marks are as they were first shown.',
    rescored: (band: Band, percent: number) =>
      `Rescored under the current rules; first shown as ${band}, ${percent}%`,
    chartKey: 'Hollow points: scored under the earlier rules.',
    chartPoint: '(earlier rules)',
  },

  resume: {
    heading: 'Carry on where you left off?',
    body: (title: string, replies: number) =>
      `You have an unfinished role-play of “${title}” with ${plural(replies, 'reply', 'replies')} so far.`,
    resume: 'Resume',
    restart: 'Start again',
    staleHeading: 'Your unfinished role-play cannot be resumed',
    ok: 'Start again',
    banner: (title: string, model: string) => `You have an unfinished role-play: “${title}” (${model}).`,
  },

  hint: {
    button: 'Hint',
    stronger: 'Stronger hint',
    none: 'You have covered every step of the model. Think about how to close well.',
    label: (level: number) => (level === 1 ? 'Hint' : 'Stronger hint'),
    recorded: 'Hints are recorded in your history.',
  },

  self: {
    heading: 'Before you see your result: how did you do?',
    intro:
      'Rate each step of the model as you think you did it, and predict your band. Then compare your view with the marks. Judging your own performance is part of getting ready for your observation.',
    stepLegend: (step: string) => `${step}: did you do it?`,
    bandLegend: 'Which band do you think you achieved?',
    submit: 'Show my result',
    needAll: 'Please rate every step and choose a band.',
    compareHeading: 'Your view and the marks',
    colStep: 'Step',
    colYou: 'You said',
    colMarks: 'Marks said',
    predicted: (predicted: Band, actual: Band) =>
      predicted === actual
        ? `You predicted ${predicted}, and that is what you achieved.`
        : `You predicted ${predicted}; you achieved ${actual}.`,
    summary: (matched: number, rated: number) =>
      `Your view matched the marks on ${matched} of ${rated} steps.`,
    over: 'You rated yourself higher than the marks on some steps: look at what the marker needed to see.',
    under: 'You were harder on yourself than the marks on some steps: you did better than you thought.',
  },

  forks: {
    yourReply: 'Your reply was one of the best here.',
    /** A reply with a fault is never praised (the debrief names its fault), even when nothing offered did better. */
    noBetter: 'None of the other replies here would have done better.',
    better: 'A stronger reply here:',
    tryAgain: 'Try again from here',
    tryAgainLabel: (n: number) => `Try again from reply ${n}`,
    branchOf: (n: number) => `This attempt is a retry from reply ${n} of an earlier attempt.`,
  },

  reflection: {
    heading: 'Reflect on this attempt',
    intro:
      'Write a few words for each. Your reflection is saved with this attempt and goes on your evidence record.',
    wentWell: 'What went well?',
    evenBetterIf: 'Even better if…',
    pdcaHeading: 'One action, planned with Plan, Do, Check, Act',
    plan: 'Plan: what will you do differently next time?',
    do: 'Do: when and where will you try it?',
    check: 'Check: how will you know it worked?',
    act: 'Act: what will you keep doing, or change, afterwards?',
    save: 'Save my reflection',
    saved: 'Reflection saved.',
  },

  history: {
    open: 'My progress',
    heading: 'My progress',
    close: 'Close',
    empty: 'You have not finished a role-play yet. Your attempts will appear here.',
    pairHeading: (title: string, model: string) => `${title} · ${model}`,
    attempts: (n: number) => plural(n, 'attempt', 'attempts'),
    best: (p: number) => `Best: ${p}%`,
    mostMissed: (step: string, missed: number, lost: number) =>
      missed > 0
        ? `Step missed most often: ${step} (missed in ${plural(missed, 'attempt', 'attempts')}).`
        : `Step losing most marks: ${step} (${plural(lost, 'mark', 'marks')} lost in all).`,
    chartTitle: 'Percent over attempts',
    chartDesc: (points: string) => `Percent by attempt, oldest first: ${points}.`,
    stepsHeading: 'Marks for each step over time',
    colAttempt: 'Attempt',
    colDate: 'Date',
    colMode: 'Mode',
    colBand: 'Band',
    colPercent: 'Percent',
    colHints: 'Hints',
    evidence: 'Evidence record',
    evidenceFor: (n: number) => `Evidence record for attempt ${n}`,
    calibrationHeading: 'Judging yourself',
    calibration: (n: number, matched: number, rated: number) =>
      `Across ${plural(n, 'self-assessment', 'self-assessments')}, your view matched the marks on ${matched} of ${rated} steps.`,
    dataHeading: 'Your data',
    dataIntro:
      'Everything is kept in this browser only; nothing is sent anywhere. Export a copy to keep it safe or move it to another browser.',
    export: 'Export my history (JSON)',
    import: 'Import a history file',
    imported: (added: number, updated: number) =>
      `Imported ${plural(added, 'new attempt', 'new attempts')}${updated > 0 ? ` and ${plural(updated, 'update', 'updates')}` : ''}.`,
    importRefused: 'That file could not be imported:',
    erase: 'Erase all my data',
    eraseConfirm:
      'Erase every attempt, reflection, unfinished role-play and rehearsal recording saved in this browser? This cannot be undone. Export a copy first if you want to keep it.',
    eraseYes: 'Yes, erase everything',
    eraseNo: 'Keep my data',
    modeSaving: 'Your progress is saved in this browser.',
    modeMemory: 'Your progress is not being saved in this browser.',
    modeReadOnly: 'Saving is paused to protect data from a newer version.',
  },

  evidence: {
    open: 'Evidence record',
    heading: 'Role-play evidence record',
    print: 'Print or save as PDF',
    printHint: 'In the print window, choose “Save as PDF” as the printer to download a PDF.',
    close: 'Close',
    nameLabel: 'Learner name (optional, stays in this browser)',
    learner: 'Learner',
    notGiven: 'Not given',
    date: 'Date',
    scenario: 'Scenario',
    model: 'Model',
    mode: 'Mode',
    outcome: 'Outcome',
    band: 'Band',
    percent: 'Percent',
    scoring: 'Scoring',
    stepsHeading: 'Marks for each step',
    marks: 'Marks',
    markingHeading: 'Marking points',
    met: 'Met',
    notMet: 'Not met',
    kpisHeading: 'Customer measures',
    csat: 'Customer satisfaction (CSAT, 1–5)',
    nps: 'Likelihood to recommend (NPS score, 0–10)',
    fcr: 'Resolved at first contact',
    yes: 'Yes',
    no: 'No',
    transcriptHeading: 'Annotated transcript',
    you: 'Learner',
    bestHere: 'Stronger reply here',
    selfHeading: 'Self-assessment',
    noSelf: 'No self-assessment (Practice mode, or not completed).',
    reflectionHeading: 'Reflection',
    noReflection: 'No reflection written yet.',
    hintsUsed: (n: number) => `Hints used: ${n}`,
    footer:
      'Produced by the Complaint Handling Simulator for practice before a practical observation. It is a record of a simulated role-play, not an assessment decision.',
    stale:
      'The scenario has changed since this attempt, so the transcript is shown as the replies were saved.',
  },
} as const;
