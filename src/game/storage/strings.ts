/** What the learner is told about saving, in plain UK English. */
export const STORAGE_STRINGS = {
  unavailable:
    'This browser is not letting the simulator save anything (this often happens in private browsing). You can still practise, but your progress will be lost when you close this tab. Use “Export my history” to keep a copy.',
  newer:
    'Your saved progress was made by a newer version of the simulator, so this version has left it exactly as it was. Nothing from this session will be saved over it. Open the newer version to carry on, or erase your data to start again here.',
  salvaged: (kept: number, setAside: number) =>
    `Some of your saved progress was damaged. ${kept} ${kept === 1 ? 'attempt was' : 'attempts were'} kept; ${setAside} damaged ${setAside === 1 ? 'record was' : 'records were'} set aside (not deleted).`,
  runDamaged:
    'Your unfinished role-play was damaged, so it cannot be resumed. Your finished attempts are safe.',
  unreadable:
    'Your saved progress could not be read at all. It has been set aside (not deleted), and the simulator has started afresh.',
  migrated: 'Your saved progress was updated to work with this version of the simulator.',
  quota:
    'Your browser’s storage for this site is full, so your latest progress could not be saved. It is still here until you close this tab. Export your history, or erase your data, to make room.',
  writeFailed:
    'Your latest progress could not be saved. It is still here until you close this tab; the simulator will try again after your next reply.',
  saved: 'Saved.',
  erased: 'All your saved data has been erased from this browser.',
  eraseFailed:
    'Your data could not be erased. Please try again, or clear this site’s data in your browser settings.',
} as const;
