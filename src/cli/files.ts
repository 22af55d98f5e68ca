/**
 * Node-only file access for the CLI: the core takes text, this reads it.
 * Paths in messages are shown relative to where the tutor typed the command.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Catalogue,
  type Diagnostic,
  type LoadOptions,
  type LoadResult,
  loadCatalogue,
  loadScenario,
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

export function readSource(file: string, cwd: string): SourceFile {
  return { file: displayPath(file, cwd), text: readFileSync(file, 'utf8') };
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
    return loadScenario(readSource(absolute, cwd), catalogue, options);
  } catch (error) {
    return { scenario: null, diagnostics: [unreadable(displayPath(absolute, cwd), error)] };
  }
}

/** A diagnostic for a file that could not be read at all. */
export function unreadable(file: string, error: unknown): Diagnostic {
  const code = (error as { code?: string }).code;
  const message =
    code === 'ENOENT'
      ? 'no such file or folder: check the name and the folder you are in.'
      : code === 'EISDIR'
        ? 'this is a folder, not a scenario file.'
        : `the file could not be read (${code ?? String(error)}).`;
  return { file, line: 1, column: 1, severity: 'error', code: 'unreadable', message };
}
