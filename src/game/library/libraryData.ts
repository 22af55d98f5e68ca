import type { CatalogueData, ScenarioData } from '../../scenario/index.ts';

/** A file that failed to load: where its first error is and what it says. */
export interface BrokenFile {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  /** How many errors the file has in all. */
  readonly errorCount: number;
}

/**
 * The id of the `<link rel="preload" as="fetch">` through which index.html names
 * the library file (src/game/build/libraryPlugin.ts writes it; fetchLibrary.ts reads it).
 */
export const LIBRARY_LINK_ID = 'library-data';

/**
 * The scenario library as the build checked it, in plain JSON: the file the
 * build emits and the page fetches (src/game/library/fetchLibrary.ts). The
 * browser never parses YAML at start-up.
 */
export interface LibraryData {
  readonly catalogue: CatalogueData;
  readonly scenarios: readonly ScenarioData[];
  /** Scenario files with errors, in file order: listed on the menu, never hidden. */
  readonly broken: readonly BrokenFile[];
  /** Problems in models/*.yaml (acts or models that failed to load). */
  readonly catalogueProblems: readonly BrokenFile[];
}
