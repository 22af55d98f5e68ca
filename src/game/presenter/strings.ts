/**
 * Every string of the tutor tools (presenter mode, scenario map, authoring),
 * in UK English. Scenario text is shown as written and never lives here.
 */
import type { Outcome } from '../../scenario/index.ts';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

const OUTCOME_COLOURS: Readonly<Record<Outcome, string>> = {
  resolved: 'Resolved',
  escalated: 'Escalated',
  unresolved: 'Unresolved',
  lost: 'Customer lost',
};

export const TUTOR_STRINGS = {
  menuButton: 'Tutor tools',
  menuButtonLabel: 'Tutor tools: present to a class, scenario map, write a scenario',

  /** What is fetched on first use: shown while it loads, and named if it cannot be fetched. */
  loading: {
    hub: { loading: 'Loading the tutor tools…', what: 'The tutor tools' },
    presenter: { loading: 'Loading presenter mode…', what: 'Presenter mode' },
    authoring: { loading: 'Loading the scenario editor…', what: 'The scenario editor' },
    map: { loading: 'Loading the scenario map…', what: 'The scenario map' },
    classView: { loading: 'Loading the class view…', what: 'The class view' },
  },

  hub: {
    heading: 'Tutor tools',
    intro:
      'Run a scenario with your class on a projector, see the whole conversation as a map, or write and test your own scenario in the browser.',
    classHeading: 'Run a scenario with a class',
    classIntro:
      'Presenter mode shows large text for a projector. You reveal each turn, the class votes on the reply, and the reply with most votes is played.',
    scenario: 'Scenario',
    model: 'Model',
    present: 'Present to the class',
    map: 'Show the scenario map',
    linkLabel: 'Link to open presenter mode directly',
    writeHeading: 'Write and test a scenario',
    writeIntro:
      'Open a scenario file from your computer, or paste one in. Mistakes are shown as you type, with the line to look at. Nothing leaves your computer.',
    write: 'Open the scenario editor',
    classViewHeading: 'See how a class did',
    classViewIntro:
      'Drop the progress files your learners exported, or your LRS’s statements, to see the class’s bands, marks per step, common faults and the points to teach next. Nothing leaves your computer.',
    classView: 'Class view',
    back: 'Back to menu',
    draftNote: (title: string) => `Includes your draft “${title}” from the editor.`,
  },

  presenter: {
    badge: (model: string) => `Presenter · ${model}`,
    stepLine: 'Customer',
    turn: (n: number) => `Turn ${n}`,
    showReplies: 'Show the replies',
    showRepliesHint: 'Press R or the button when the class has heard the customer.',
    repliesHeading: 'Which reply should we give?',
    votesHeading: 'Votes',
    votesLine: (line: string) => `Votes: ${line}`,
    votesFor: (letter: string) => `Hands for reply ${letter}`,
    addVote: (letter: string) => `Add a hand for reply ${letter}`,
    removeVote: (letter: string) => `Take a hand away from reply ${letter}`,
    play: 'Play the class’s choice',
    hands: (n: number) => plural(n, 'hand', 'hands'),
    noVotes: 'Enter the hands for each reply (or click + to tally), then play the class’s choice.',
    winner: (letter: string, n: number) => `Reply ${letter} has most votes (${plural(n, 'hand', 'hands')}).`,
    tie: (letters: string, n: number) =>
      `Tie: ${letters} have ${plural(n, 'hand', 'hands')} each. Choose one to play.`,
    playTied: (letter: string) => `Play reply ${letter}`,
    consequenceHeading: 'What happened',
    chose: (letter: string) => `The class chose reply ${letter}`,
    next: 'Hear the customer',
    finish: 'See the class debrief',
    back: '← Back a turn',
    forward: 'Forward a turn →',
    showMarks: 'Show the marks',
    hideMarks: 'Hide the marks',
    marksHeading: 'The marks for each reply here',
    acts: 'Acts',
    noActs: 'No acts',
    faults: 'Faults',
    noFaults: 'No faults',
    penalty: (n: number) => `−${plural(n, 'mark', 'marks')}`,
    critical: 'critical',
    steps: 'Model steps',
    stepChange: (name: string, before: number, after: number) =>
      after === before ? `${name}: ${after}/2 (no change)` : `${name}: ${before} → ${after} of 2`,
    outOfOrder: 'out of order',
    percentChange: (before: number, after: number, band: string) =>
      `Score so far: ${before}% → ${after}% (${band})`,
    /** A reply's fault and the band it allows, beside the band in the marks. */
    replyLimit: (band: string) =>
      band === 'Not yet achieved'
        ? 'This reply fails the run:'
        : `This reply holds the band to ${band} at most:`,
    /** The band a reply's fault allows, in the condensed marks (the reason is under "Steps and acts"). */
    limitShort: (band: string) => (band === 'Not yet achieved' ? 'Fails the run' : `Band: ${band} at most`),
    marksFor: (letter: string) => `Marks for reply ${letter}`,
    scoreShort: (before: number, after: number) => `Score ${before}% → ${after}%`,
    endsShort: (best: number, worst: number) =>
      worst === best ? `Ends at ${best}%` : `Ends ${worst}–${best}%`,
    marksMore: 'Steps and acts',
    range: (best: number, worst: number) => `Runs through this reply end between ${worst}% and ${best}%`,
    noRange: 'No run through this reply reaches an ending',
    moodChange: (d: number) => (d === 0 ? 'Mood unchanged' : `Mood ${d > 0 ? '+' : '−'}${Math.abs(d)}`),
    feedback: 'Feedback',
    mood: (n: number) => `Mood ${n} of 100`,
    ended: (outcome: string) => `The conversation has ended: ${outcome}.`,
    map: 'Map',
    mapLabel: 'Show the scenario map (M)',
    menu: 'Menu',
    /** The key hint names the letters on screen (A–C for three replies, A–E for five). */
    keys: (replies: number) =>
      `Keys: R show replies · A–${String.fromCharCode(64 + Math.max(1, replies))} add a hand · Enter play · M map · K marks · ← → back and forward`,
    debriefHeading: 'Class debrief',
    debriefIntro: 'The path the class chose, with the votes at every turn.',
    turnColumn: 'Turn',
    customerColumn: 'Customer',
    votesColumn: 'Votes',
    choiceColumn: 'Class chose',
    decidedByTutor: 'tutor’s choice',
    supersededHeading: 'Earlier decisions the class went back on',
    supersededRow: (turn: number, letter: string) => `Turn ${turn}: the class had chosen ${letter}`,
    again: 'Present again',
    jumped: (node: string, n: number) =>
      `Jumped to “${node}” by replaying ${plural(n, 'reply', 'replies')} through the conversation (shortest route).`,
    unknown: 'That scenario or model is not in the library, so here are the tutor tools instead.',
  },

  map: {
    heading: (title: string) => `Scenario map: ${title}`,
    close: 'Close the map',
    legendHeading: 'Key',
    start: 'Start',
    current: 'You are here',
    onPath: 'On the run’s path',
    customerNode: 'Customer turn',
    outcome: (o: Outcome) => OUTCOME_COLOURS[o],
    ending: (o: Outcome) => `Ending: ${OUTCOME_COLOURS[o]}`,
    unreachable: 'Unreachable',
    edgeLabel: (n: number, best: number | null, worst: number | null) =>
      best === null || worst === null ? `${n}: no ending` : `${n}: ${worst}–${best}%`,
    rangeNote: (model: string) =>
      `Each reply is labelled with its number and the worst–best ${model} score of the runs that take it.`,
    clickPractice: 'Choose a customer turn to play from there in Practice.',
    clickPresenter: 'Choose a customer turn to jump there with the class.',
    clickNone: '',
    nodeLabel: (id: string, kind: string, line: string) => `${id}, ${kind}: ${line}`,
    playFrom: (id: string) => `Play from “${id}”`,
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fit: 'Fit to screen',
    reportHeading: 'Author report',
    reportCut: 'The search was cut short: these lists may be incomplete.',
    unreachableHeading: 'Unreachable nodes',
    missingFeedbackHeading: 'Replies without feedback',
    none: 'None',
    line: (id: string, line: number) => `${id} (line ${line})`,
    endingsHeading: (model: string) => `${model}: score range of each ending`,
    endingRow: (node: string, outcome: string, min: string, max: string) =>
      `${node} (${outcome}): ${min} to ${max}`,
    neverReached: (node: string) => `${node}: never reached`,
    gamingHeading: (model: string) => `${model}: gaming paths`,
    noGaming: 'None: every high score needs every step done fully.',
    giveawaysHeading: 'Giveaways: can a learner win by the shape of a reply?',
    noRoute: 'No run reaches this node, so there is nowhere to play from.',
  },

  authoring: {
    heading: 'Write and test a scenario',
    intro:
      'Type or paste a scenario below, open a .yaml file, or drop one onto the editor. Problems appear as you type. Your file stays on this computer: nothing is uploaded.',
    open: 'Open a file…',
    example: 'Start from the example',
    dropHint: 'Drop a .yaml file here',
    editorLabel: 'Scenario file (YAML)',
    problemsHeading: 'Problems',
    checking: 'Checking…',
    noProblems: 'No problems found. This scenario is ready to play.',
    counts: (errors: number, warnings: number) =>
      `${plural(errors, 'error', 'errors')}, ${plural(warnings, 'warning', 'warnings')}`,
    goTo: (line: number, column: number) => `Line ${line}, column ${column}`,
    error: 'Error',
    warning: 'Warning',
    play: 'Play in Practice',
    present: 'Present to a class',
    map: 'Show the map',
    model: 'Model',
    cannotPlay: 'Fix the errors first: a scenario with errors cannot be played.',
    download: 'Save a copy (.yaml)',
    back: 'Back to menu',
    fileTooBig: 'That file is over 1 MB: a scenario file is much smaller. Check you chose the right file.',
    opened: (name: string) => `Opened ${name}.`,
    readFailed: 'That file could not be read.',
    draftFile: 'draft.yaml',
  },

  classView: {
    heading: 'Class view',
    intro:
      'See how a class did: drop the files your learners exported (Export my history) or an export of statements from your LRS. You see the spread of bands, each step’s average marks, the faults the class makes most, and the points where most chose a weaker reply.',
    privacy: 'Nothing is uploaded: the files are read in this page and forgotten when you leave it.',
    pick: 'Choose files…',
    pickLabel: 'Choose exported progress files or LRS statement exports',
    drop: 'or drop them here',
    sample: 'Try it with a sample class',
    sampleLoading: 'Loading the sample class…',
    clear: 'Clear',
    reading: (n: number) => `Reading ${plural(n, 'file', 'files')}…`,
    summary: (files: number, learners: number, attempts: number) =>
      `${plural(files, 'file', 'files')} read: ${plural(learners, 'learner', 'learners')}, ${plural(attempts, 'attempt', 'attempts')} counted.`,
    duplicates: (n: number) =>
      `${plural(n, 'attempt', 'attempts')} found in more than one file, counted once.`,
    unfinished: (n: number) =>
      `${plural(n, 'attempt', 'attempts')} in statement exports stopped before an ending or did not fit the scenario, not counted.`,
    notInLibrary: (id: string, n: number) =>
      `${plural(n, 'attempt', 'attempts')} on “${id}”, which is not in this library, not counted.`,
    problemsHeading: 'Files with problems',
    tooBig: 'too large to be an export (over 20 MB)',
    unreadable: 'could not be read',
    empty: 'No attempts yet. Choose or drop files, or try the sample class.',
    group: (title: string, model: string) => `${title} · ${model}`,
    groupCount: (attempts: number, learners: number) =>
      `${plural(attempts, 'attempt', 'attempts')} by ${plural(learners, 'learner', 'learners')}, marked under the current rules.`,
    olderVersion: (n: number) =>
      `${plural(n, 'attempt', 'attempts')} on an older version of this scenario, not counted.`,
    notExhaustive:
      'The scenario is too large to search completely: “best” means the best of the runs explored.',
    bandsCaption: (title: string) => `Bands: ${title}`,
    band: 'Band',
    attempts: 'Attempts',
    stepsCaption: (title: string) => `Average marks per step: ${title}`,
    step: 'Step',
    average: 'Average marks',
    averageOf: (average: number, max: number) => `${average} of ${max}`,
    outOfOrder: 'Out of order',
    outOfOrderOf: (n: number, performed: number) => `${n} of ${performed}`,
    faultsCaption: (title: string) => `Faults the class made most: ${title}`,
    fault: 'Fault',
    times: 'Times',
    replies: 'Replies',
    noFaults: 'No faults.',
    teachHeading: 'Teach next',
    teachIntro:
      'Where most attempts chose a reply that cannot reach as good a result as the best one offered.',
    noTeach: 'At every point, every attempt chose one of the best replies.',
    present: 'Present this fork',
    presentLabel: (line: string) => `Present this fork in presenter mode: “${line}”`,
    noRoute: 'No run reaches this point from the start.',
    back: 'Tutor tools',
  },
} as const;
