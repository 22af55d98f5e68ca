/** Generated at build and dev time by src/game/build/libraryPlugin.ts. */
declare module 'virtual:library' {
  import type { LibraryData } from './libraryData.ts';

  const library: LibraryData;
  export default library;
}
