/** The cue file and reply weights, checked and compiled at build time (src/game/build/readingPlugin.ts). */
declare module 'virtual:reading-data' {
  const data: import('./readingData.ts').ReadingData;
  export default data;
}
