import path from 'node:path';
import { type Diagnostic, formatDiagnostic, loadLibrary, type SourceFile } from '../../scenario/index.ts';
import {
  displayPath,
  readCatalogue,
  readSource,
  SCENARIOS_DIR,
  unreadable,
  yamlFilesUnder,
} from '../files.ts';
import type { Command } from '../io.ts';
import { recommendedModelWarnings } from '../recommendedModels.ts';
import { stuckNodeWarnings } from '../stuckNodes.ts';

/**
 * `sim validate [FILE|DIR ...]`: every problem in every file, as
 * FILE:LINE:COL: error|warning: MESSAGE, then a one-line summary.
 * Exit 0 when there are no errors (warnings allowed), 1 otherwise.
 */
export const validate: Command = async (args, io) => {
  const json = args.includes('--json');
  const targets = args.filter((a) => a !== '--json');
  const { catalogue, diagnostics: catalogueProblems } = readCatalogue(io.cwd);
  const problems: Diagnostic[] = [...catalogueProblems];
  const sources: SourceFile[] = [];
  for (const target of targets.length > 0 ? targets : [SCENARIOS_DIR]) {
    const absolute = path.resolve(io.cwd, target);
    let files: string[];
    try {
      files = yamlFilesUnder(absolute);
    } catch (error) {
      problems.push(unreadable(displayPath(absolute, io.cwd), error));
      continue;
    }
    if (files.length === 0) {
      problems.push(noScenarioFiles(displayPath(absolute, io.cwd)));
      continue;
    }
    for (const file of files) {
      try {
        sources.push(readSource(file, io.cwd));
      } catch (error) {
        problems.push(unreadable(displayPath(file, io.cwd), error));
      }
    }
  }
  const library = loadLibrary(sources, catalogue);
  for (const { diagnostics } of library.files) problems.push(...diagnostics);
  problems.push(...recommendedModelWarnings(library.scenarios, sources, catalogue));
  for (const scenario of library.scenarios) problems.push(...stuckNodeWarnings(scenario, catalogue));

  const errors = problems.filter((d) => d.severity === 'error').length;
  const warnings = problems.length - errors;
  const fileCount = new Set([
    ...sources.map((s) => s.file),
    ...problems.filter((d) => d.code !== NO_SCENARIO_FILES).map((d) => d.file),
  ]).size;
  if (json) {
    io.out(JSON.stringify({ files: fileCount, errors, warnings, diagnostics: problems }, null, 2));
  } else {
    for (const d of problems) io.out(formatDiagnostic(d));
    io.out(`${plural(fileCount, 'file')}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
  }
  return errors === 0 ? 0 : 1;
};

const NO_SCENARIO_FILES = 'no-scenario-files';

/**
 * A folder with no scenario files in it: an error, not "0 files, 0 errors",
 * which would tell a tutor who typed the wrong folder that all is well.
 */
function noScenarioFiles(folder: string): Diagnostic {
  return {
    file: folder,
    line: 1,
    column: 1,
    severity: 'error',
    code: NO_SCENARIO_FILES,
    message: `no scenario files (*.yaml) in '${folder}': check that this is the folder you meant, or save your scenarios in it with names ending in .yaml.`,
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
