/** Every string of "say it your way" (UK English). */
export const SAY_IT_STRINGS = {
  switchLabel: 'Say it your way',
  menuLabel: 'Type my own reply first (Practice)',
  menuHint: 'Then choose the offered reply closest to what you wrote.',
  switchHint: 'Type your own reply first; then pick the offered reply closest to it.',
  assessmentOff: 'In Assessment this is only on when your tutor turns it on.',
  heading: 'Say it your way',
  boxLabel: (name: string) => `What would you say to ${name}?`,
  boxHint: 'Type your reply, then press Check my reply. The replies to choose from come up next.',
  check: 'Check my reply',
  skip: 'Show the replies',
  empty: 'Type what you would say first, or press Show the replies.',
  loading: 'Reading your reply…',
  unavailable: 'Your reply could not be read on this device. Pick the offered reply closest to it.',
  foundHeading: 'What your reply does',
  nothingFound:
    'No step was found in your words. That is not a mark against you: pick the offered reply closest to what you meant.',
  tutorCheck: 'tutor to check',
  tutorCheckHint:
    'The reader is not sure enough of this one: your tutor decides, it is never marked against you.',
  steps: (model: string, names: readonly string[]) =>
    names.length === 0
      ? `None of the ${model} steps found yet.`
      : `${model} steps in your reply: ${names.join(', ')}.`,
  closestHint: 'Closest to what you wrote: press Enter to choose it, or pick another.',
  closestTag: 'Closest to yours',
  noClosest: 'None of the replies is close to what you wrote: pick the one you mean.',
  announceRead: (acts: readonly string[]) =>
    acts.length === 0
      ? 'No steps found in your reply. The replies are below.'
      : `Your reply: ${acts.join(', ')}. The replies are below.`,
  // The debrief and evidence record.
  wroteHeading: 'What you wrote',
  wroteIntro:
    'Your own words at each reply, what the reader found in them and the reply you then chose. They stay on this device (and in your own export file); a course gets at most which steps were found.',
  wroteTurn: (n: number) => `Reply ${n}`,
  wroteYou: 'You wrote',
  wroteFound: 'Found',
  wroteNone: 'nothing the reader knows',
  wrotePicked: 'You chose',
} as const;
