/** Scene keys: one per scene file. */
export const SceneKey = {
  Boot: 'boot',
  Menu: 'menu',
  Roleplay: 'roleplay',
  Debrief: 'debrief',
  /** Fetches a scene's code the first time it is opened (LoadingScene.ts). */
  Loading: 'loading',
} as const;
export type SceneKey = (typeof SceneKey)[keyof typeof SceneKey];

/** Layouts of the page around the canvas (the `data-screen` attribute of #app). */
export const Screen = {
  Loading: 'loading',
  /** A part of the app fetched on first use (LoadingScene.ts): its message fills the page. */
  Fetching: 'fetching',
  Menu: 'menu',
  Roleplay: 'roleplay',
  Debrief: 'debrief',
} as const;
export type Screen = (typeof Screen)[keyof typeof Screen];

/** How long the small transitions take, in ms (0 under prefers-reduced-motion). */
export const Timing = {
  typeCharsPerSecond: 70,
  /** Long lines (an email) type faster, so no line takes longer than this to appear. */
  typeMaxSeconds: 3.5,
  pauseBetweenLines: 250,
  /**
   * The replies go up this long into a typed line, however long it takes to type
   * (issue 18: read and choose within 1 s); not sooner, so a key mashed on the
   * last turn does not answer this one unread.
   */
  repliesAfter: 400,
  choose: 220,
} as const;
