/** What the scenario commands (play, analyse, graph) share: argument parsing, loading, model lookup. */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import {
  type Catalogue,
  formatDiagnostic,
  type LoadOptions,
  type Model,
  type Scenario,
} from '../scenario/index.ts';
import { readCatalogue, readScenarioFile } from './files.ts';
import { type Io, UsageError } from './io.ts';

const SHOWN_ERRORS = 5;

/** Parses a command's options with `node:util`, turning its errors into one-line usage errors. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  args: readonly string[],
  options: T,
) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's message goes on to advise about '--'; the first sentence is the useful part.
    const message = error instanceof Error ? /^[^.]*\.?/.exec(error.message)?.[0] : undefined;
    throw new UsageError(message ?? 'bad arguments.');
  }
}

/**
 * Reads the catalogue and one scenario file for a command, or throws a usage
 * error that lists the file's errors (a broken file is never played).
 */
export function loadScenarioForCommand(
  file: string | undefined,
  io: Io,
  options: LoadOptions = {},
): { scenario: Scenario; catalogue: Catalogue } {
  if (file === undefined)
    throw new UsageError('give the scenario file to use, e.g. scenarios/faulty-kettle.yaml.');
  const { catalogue, diagnostics: catalogueProblems } = readCatalogue(io.cwd);
  const catalogueErrors = catalogueProblems.filter((d) => d.severity === 'error');
  if (catalogueErrors.length > 0) {
    throw new UsageError(
      `the acts and models in models/ have errors; fix them first:\n${catalogueErrors.slice(0, SHOWN_ERRORS).map(formatDiagnostic).join('\n')}`,
    );
  }
  const { scenario, diagnostics } = readScenarioFile(file, catalogue, io.cwd, options);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const [unreadable] = errors;
  if (errors.length === 1 && unreadable?.code === 'unreadable') {
    throw new UsageError(`cannot read ${unreadable.file}: ${unreadable.message}`);
  }
  if (scenario === null || errors.length > 0) {
    const more =
      errors.length > SHOWN_ERRORS
        ? `\n…and ${errors.length - SHOWN_ERRORS} more (run sim validate ${file})`
        : '';
    const count = errors.length === 1 ? '1 error' : `${errors.length} errors`;
    throw new UsageError(
      `${file} has ${count}, so it cannot be used until they are fixed:\n${errors.slice(0, SHOWN_ERRORS).map(formatDiagnostic).join('\n')}${more}`,
    );
  }
  return { scenario, catalogue };
}

/** The named model, or a usage error listing the known ones. */
export function modelFor(catalogue: Catalogue, id: string | undefined): Model {
  const known = [...catalogue.models.keys()].join(', ');
  if (id === undefined) throw new UsageError(`give a model with --model (one of: ${known}).`);
  const model = catalogue.models.get(id) ?? catalogue.models.get(id.toUpperCase());
  if (model === undefined) throw new UsageError(`unknown model '${id}'. Known models: ${known}.`);
  return model;
}
