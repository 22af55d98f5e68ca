/**
 * Node-only file access for the CLI: the core takes text, this reads it.
 * Paths in messages are shown relative to where the tutor typed the command.
 */
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CueLoadResult, loadCues } from '../reading/index.ts';
import {
  type Catalogue,
  type Diagnostic,
  type LoadOptions,
  type LoadResult,
  loadCatalogue,
  loadScenario,
  MAX_FILE_BYTES,
  type SourceFile,
} from '../scenario/index.ts';

/** The project root: models/ and scenarios/ live here whatever folder the command runs from. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const MODELS_DIR = path.join(PROJECT_ROOT, 'models');
export const SCENARIOS_DIR = path.join(PROJECT_ROOT, 'scenarios');

const YAML_FILE = /\.ya?ml$/i;

/** How a path is shown to the tutor: relative to where they are, when that is shorter. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/** Every .yaml/.yml file under a folder, sorted, or the file itself. */
export function yamlFilesUnder(target: string): string[] {
  const stat = statSync(target);
  if (!stat.isDirectory()) return [target];
  return readdirSync(target, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && YAML_FILE.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** A file refused before reading it: not a regular file, or bigger than any scenario may be. */
export class UnreadableFileError extends Error {
  override readonly name = 'UnreadableFileError';
}

/**
 * Reads a scenario or model file. Checks what it is and its size first, so a
 * device (`/dev/zero`) or a huge file is refused without being read.
 */
export function readSource(file: string, cwd: string, maxBytes: number = MAX_FILE_BYTES): SourceFile {
  const fd = openSync(file, 'r');
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
    if (!stat.isFile())
      throw new UnreadableFileError('this is not an ordinary file, so it cannot be a scenario.');
    if (stat.size > maxBytes) {
      const limit = `${Math.round((maxBytes / 1024 / 1024) * 10) / 10} MB`;
      throw new UnreadableFileError(
        `the file is ${(stat.size / 1024 / 1024).toFixed(1)} MB; scenario files may be at most ${limit}. Split it into smaller scenarios.`,
      );
    }
    return { file: displayPath(file, cwd), text: readFileSync(fd, 'utf8') };
  } finally {
    closeSync(fd);
  }
}

/** Loads models/ (acts and every model file) from the project. */
export function readCatalogue(
  cwd: string,
  dir: string = MODELS_DIR,
): { catalogue: Catalogue; diagnostics: Diagnostic[] } {
  return loadCatalogue(yamlFilesUnder(dir).map((file) => readSource(file, cwd)));
}

/** Reads and checks one scenario file; a file that can't be read becomes a diagnostic, not a crash. */
export function readScenarioFile(
  file: string,
  catalogue: Catalogue,
  cwd: string,
  options: LoadOptions = {},
): LoadResult {
  const absolute = path.resolve(cwd, file);
  try {
    return loadScenario(readSource(absolute, cwd, options.maxBytes), catalogue, options);
  } catch (error) {
    return { scenario: null, diagnostics: [unreadable(displayPath(absolute, cwd), error)] };
  }
}

/** A diagnostic for a file that could not be read at all. */
export function unreadable(file: string, error: unknown): Diagnostic {
  const code = (error as { code?: string }).code;
  const message =
    error instanceof UnreadableFileError
      ? error.message
      : code === 'ENOENT'
        ? 'no such file or folder: check the name and the folder you are in.'
        : code === 'EISDIR'
          ? 'this is a folder, not a scenario file.'
          : `the file could not be read (${code ?? String(error)}).`;
  return { file, line: 1, column: 1, severity: 'error', code: 'unreadable', message };
}

/** The cue file (default models/cues.yaml), read against the catalogue in models/; a problem with either is a diagnostic. */
export function readCues(cwd: string, file: string = path.join(MODELS_DIR, 'cues.yaml')): CueLoadResult {
  const { catalogue, diagnostics } = readCatalogue(cwd);
  let source: SourceFile;
  try {
    source = readSource(file, cwd);
  } catch (error) {
    const empty = loadCues({ file: displayPath(file, cwd), text: 'acts: {}' }, catalogue).cues;
    return { cues: empty, diagnostics: [...diagnostics, unreadable(displayPath(file, cwd), error)] };
  }
  const result = loadCues(source, catalogue);
  return { cues: result.cues, diagnostics: [...diagnostics, ...result.diagnostics] };
}
