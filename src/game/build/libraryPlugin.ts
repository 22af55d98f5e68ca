/**
 * A Vite plugin that checks scenarios/*.yaml and models/*.yaml in Node at
 * build and dev time and serves the result as the `virtual:library` module,
 * so the browser never parses YAML at start-up. Folders can be overridden
 * with SIM_SCENARIOS_DIR and SIM_MODELS_DIR (the browser tests use this to
 * build a variant of the app over a fixture folder).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import {
  catalogueToData,
  type Diagnostic,
  loadCatalogue,
  loadLibrary,
  type SourceFile,
  scenarioToData,
  sortDiagnostics,
} from '../../scenario/index.ts';
import type { BrokenFile, LibraryData } from '../library/libraryData.ts';

export const LIBRARY_MODULE_ID = 'virtual:library';
const RESOLVED_ID = `\0${LIBRARY_MODULE_ID}`;

export interface LibraryFolders {
  readonly root: string;
  readonly scenariosDir: string;
  readonly modelsDir: string;
}

/** Folders from the environment, relative to the project root. */
export function libraryFolders(root: string, env: NodeJS.ProcessEnv = process.env): LibraryFolders {
  return {
    root,
    scenariosDir: resolve(root, env.SIM_SCENARIOS_DIR ?? 'scenarios'),
    modelsDir: resolve(root, env.SIM_MODELS_DIR ?? 'models'),
  };
}

function yamlFiles(root: string, dir: string): SourceFile[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /\.ya?ml$/i.test(n));
  } catch {
    return [];
  }
  return names
    .sort((a, b) => a.localeCompare(b))
    .map((name) => {
      const path = join(dir, name);
      return { file: relative(root, path).split('\\').join('/'), text: readFileSync(path, 'utf8') };
    });
}

function firstError(file: string, diagnostics: readonly Diagnostic[]): BrokenFile | null {
  const errors = sortDiagnostics(diagnostics.filter((d) => d.severity === 'error'));
  const first = errors[0];
  if (first === undefined) return null;
  return {
    file,
    line: first.line,
    column: first.column,
    message: first.message,
    errorCount: errors.length,
  };
}

/** Reads, checks and converts the library to plain JSON. */
export function buildLibrary(folders: LibraryFolders): LibraryData {
  const modelFiles = yamlFiles(folders.root, folders.modelsDir);
  const { catalogue, diagnostics } = loadCatalogue(modelFiles);
  const catalogueProblems: BrokenFile[] = [];
  for (const source of modelFiles) {
    const broken = firstError(
      source.file,
      diagnostics.filter((d) => d.file === source.file),
    );
    if (broken !== null) catalogueProblems.push(broken);
  }
  const library = loadLibrary(yamlFiles(folders.root, folders.scenariosDir), catalogue);
  const broken: BrokenFile[] = [];
  for (const { file, diagnostics: fileDiagnostics } of library.files) {
    const problem = firstError(file, fileDiagnostics);
    if (problem !== null) broken.push(problem);
  }
  return {
    catalogue: catalogueToData(catalogue),
    scenarios: library.scenarios.map(scenarioToData),
    broken,
    catalogueProblems,
  };
}

export function libraryPlugin(): Plugin {
  let folders: LibraryFolders = libraryFolders(process.cwd());
  return {
    name: 'complaint-sim:library',
    configResolved(config) {
      folders = libraryFolders(config.root);
    },
    resolveId(id) {
      return id === LIBRARY_MODULE_ID ? RESOLVED_ID : null;
    },
    load(id) {
      if (id !== RESOLVED_ID) return null;
      for (const dir of [folders.scenariosDir, folders.modelsDir])
        for (const source of yamlFiles(folders.root, dir))
          this.addWatchFile(resolve(folders.root, source.file));
      // A JSON string parsed at start-up, not an object literal: V8 parses JSON
      // faster than JavaScript, which matters for a library this size in the
      // first chunk (issue 9). JSON.parse is not eval: the CSP allows it.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(buildLibrary(folders)))});`;
    },
    configureServer(server: ViteDevServer) {
      // Saving, adding or deleting a scenario or model rebuilds the module and reloads the page.
      server.watcher.add([folders.scenariosDir, folders.modelsDir]);
      const onChange = (path: string): void => {
        const full = resolve(path);
        const inLibrary = [folders.scenariosDir, folders.modelsDir].some(
          (dir) => !relative(dir, full).startsWith('..') && /\.ya?ml$/i.test(full),
        );
        if (!inLibrary) return;
        for (const environment of Object.values(server.environments)) {
          const mod = environment.moduleGraph.getModuleById(RESOLVED_ID);
          if (mod !== undefined) environment.moduleGraph.invalidateModule(mod);
        }
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('add', onChange);
      server.watcher.on('change', onChange);
      server.watcher.on('unlink', onChange);
    },
  };
}
