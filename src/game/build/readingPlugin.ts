/**
 * A Vite plugin that checks models/cues.yaml in Node at build and dev time
 * and ships it, compiled, as plain data in the module `virtual:reading-data`,
 * which only the "say it your way" analyser imports (src/game/sayIt/analyser.ts,
 * a lazy chunk). The browser never parses YAML to read a reply: the `yaml`
 * package stays out of that chunk, and the first reply is read as fast as the
 * rest (docs/benchmarks.md, "Reading a reply").
 *
 * The module also carries the IDF weights over every authored reply in the
 * library (src/reading/similarity.ts), for pre-selecting the offered reply
 * closest to what the learner typed.
 *
 * A cue file with an error fails the build (and shows on the dev server's
 * overlay) with the file, line, column and how to fix it: unlike a broken
 * scenario, which the menu lists, a broken cue file has no screen to show on.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { buildWeights, cueSetToData, loadCues } from '../../reading/index.ts';
import { formatDiagnostic, loadCatalogue, loadLibrary, sortDiagnostics } from '../../scenario/index.ts';
import type { ReadingData } from '../sayIt/index.ts';
import { type LibraryFolders, libraryFolders, yamlFiles } from './libraryPlugin.ts';

export const READING_MODULE = 'virtual:reading-data';
const RESOLVED = `\0${READING_MODULE}`;

/** Thrown with every error of the cue file, one `file:line:column: error: …` line each. */
export class CueFileError extends Error {
  override readonly name = 'CueFileError';

  /** How Vite's command line prints it (`util.inspect`): the tutor's message, no stack trace. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.message;
  }
}

/** The cue file checked and compiled, with the reply weights; throws a CueFileError if it has errors. */
export function buildReadingData(folders: LibraryFolders): ReadingData {
  const { catalogue } = loadCatalogue(yamlFiles(folders.root, folders.modelsDir));
  const { scenarios } = loadLibrary(yamlFiles(folders.root, folders.scenariosDir), catalogue);
  const path = join(folders.modelsDir, 'cues.yaml');
  const file = relative(folders.root, path).split('\\').join('/');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new CueFileError(
      `${file}:1:1: error: the cue file could not be read: put the cue file back (see docs/authoring.md, "Cues").`,
    );
  }
  const { cues, diagnostics } = loadCues({ file, text }, catalogue);
  const errors = sortDiagnostics(diagnostics.filter((d) => d.severity === 'error'));
  if (errors.length > 0) {
    throw new CueFileError(
      `${file} has ${errors.length === 1 ? 'an error' : `${errors.length} errors`}; fix ${errors.length === 1 ? 'it' : 'them'} and build again:\n${errors.map(formatDiagnostic).join('\n')}`,
    );
  }
  const replies = scenarios.flatMap((s) =>
    [...s.nodes.values()].flatMap((node) => (node.kind === 'choices' ? node.choices.map((c) => c.say) : [])),
  );
  return { cues: cueSetToData(cues), weights: buildWeights(replies, cues.spellings) };
}

export function readingPlugin(): Plugin {
  let folders: LibraryFolders = libraryFolders(process.cwd());
  /** `vite build`: the data, checked before the bundler starts (see `configResolved`). */
  let checked: ReadingData | null = null;
  return {
    name: 'complaint-sim:reading',
    configResolved(config) {
      folders = libraryFolders(config.root);
      if (config.command !== 'build') return;
      // Checked here, before the bundler runs, so a tutor's mistake ends the build with just its
      // message (file:line:column and the fix); thrown from a bundler hook it comes wrapped in a stack trace.
      try {
        checked = buildReadingData(folders);
      } catch (error) {
        if (!(error instanceof CueFileError)) throw error;
        error.stack = error.message;
        throw error;
      }
    },
    resolveId(id) {
      return id === READING_MODULE ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      this.addWatchFile(join(folders.modelsDir, 'cues.yaml'));
      let data: ReadingData;
      try {
        // Once from the check before the build; a rebuild (`--watch`, the dev server) reads the file again.
        data = checked ?? buildReadingData(folders);
        checked = null;
      } catch (error) {
        // The dev server shows it on its overlay.
        if (error instanceof CueFileError) this.error({ message: error.message, stack: error.message });
        throw error;
      }
      // JSON.parse of a string literal: parsed faster than the same object as JavaScript.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`;
    },
  };
}
