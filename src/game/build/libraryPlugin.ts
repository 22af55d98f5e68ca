/**
 * A Vite plugin that checks scenarios/*.yaml and models/*.yaml in Node at
 * build and dev time and ships the result as a JSON file the page fetches
 * (src/game/library/fetchLibrary.ts), so the browser never parses YAML at
 * start-up and the library is data, not code: it is not compiled as
 * JavaScript, and it does not count against the first load's JavaScript
 * budget (docs/benchmarks.md, "Budgets in CI").
 *
 * - `vite build`: emits `assets/library-<hash>.json` (hashed: a rebuilt library
 *   gets a new name, so the service worker and browser caches can never serve
 *   last term's file beside this term's page; the JavaScript chunks do not
 *   change when only the library does) and names it in index.html as
 *   `<link rel="preload" as="fetch" crossorigin id="library-data">`, so the
 *   fetch starts while the HTML is parsed, in parallel with the scripts.
 * - `vite` (dev): serves `<base>library.json`, rebuilt on every request after a
 *   scenario or model file changes, and reloads the page when one does.
 *
 * Folders can be overridden with SIM_SCENARIOS_DIR and SIM_MODELS_DIR (the
 * browser tests use this to build a variant of the app over a fixture folder).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { HtmlTagDescriptor, Plugin, ViteDevServer } from 'vite';
import {
  catalogueToData,
  type Diagnostic,
  loadCatalogue,
  loadLibrary,
  type SourceFile,
  scenarioToData,
  sortDiagnostics,
} from '../../scenario/index.ts';
import { type BrokenFile, LIBRARY_LINK_ID, type LibraryData } from '../library/libraryData.ts';
import { builtAddress } from './builtAddress.ts';

/** The emitted asset's name before hashing (`assets/library-<hash>.json`), and the dev server's path under the base. */
export const LIBRARY_FILE = 'library.json';

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

/** The YAML files of a folder, in name order, named relative to the project root. */
export function yamlFiles(root: string, dir: string): SourceFile[] {
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

/** The library as the text of the JSON file the page fetches. */
export function libraryJson(folders: LibraryFolders): string {
  return JSON.stringify(buildLibrary(folders));
}

/** The tag that names the library file (and starts fetching it while the page is parsed). */
export function libraryLinkTag(href: string): HtmlTagDescriptor {
  return {
    tag: 'link',
    // `crossorigin` (anonymous, same-origin credentials) matches a plain fetch(), so fetchLibrary reuses this request.
    attrs: { rel: 'preload', as: 'fetch', crossorigin: true, href, id: LIBRARY_LINK_ID },
    // After the Content Security Policy's <meta>, beside the scripts Vite names.
    injectTo: 'head',
  };
}

export function libraryPlugin(): Plugin {
  let folders: LibraryFolders = libraryFolders(process.cwd());
  let base = '/';
  let command: 'build' | 'serve' = 'serve';
  /** Dev: the JSON served, until a library file changes. */
  let served: string | null = null;
  const sourceFiles = () =>
    [folders.scenariosDir, folders.modelsDir].flatMap((dir) =>
      yamlFiles(folders.root, dir).map((source) => resolve(folders.root, source.file)),
    );
  return {
    name: 'complaint-sim:library',
    configResolved(config) {
      folders = libraryFolders(config.root);
      base = config.base;
      command = config.command;
    },
    buildStart() {
      if (command !== 'build') return;
      // `vite build --watch` rebuilds when a library file changes.
      for (const file of sourceFiles()) this.addWatchFile(file);
      this.emitFile({ type: 'asset', name: LIBRARY_FILE, source: libraryJson(folders) });
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (ctx.server !== undefined) return [libraryLinkTag(`${base}${LIBRARY_FILE}`)];
        const asset = Object.values(ctx.bundle ?? {}).find(
          (file) => file.type === 'asset' && file.names.includes(LIBRARY_FILE),
        );
        if (asset === undefined) throw new Error(`${LIBRARY_FILE} was not emitted`);
        return [libraryLinkTag(builtAddress(base, asset.fileName))];
      },
    },
    configureServer(server: ViteDevServer) {
      server.middlewares.use(`${base}${LIBRARY_FILE}`.replace(/^\/*/, '/'), (_req, res) => {
        served ??= libraryJson(folders);
        // Never from the browser's cache: a saved scenario must show on the reload.
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.setHeader('Cache-Control', 'no-store');
        res.end(served);
      });
      // Saving, adding or deleting a scenario or model rebuilds the file and reloads the page.
      server.watcher.add([folders.scenariosDir, folders.modelsDir]);
      const onChange = (path: string): void => {
        const full = resolve(path);
        const inLibrary = [folders.scenariosDir, folders.modelsDir].some(
          (dir) => !relative(dir, full).startsWith('..') && /\.ya?ml$/i.test(full),
        );
        if (!inLibrary) return;
        served = null;
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('add', onChange);
      server.watcher.on('change', onChange);
      server.watcher.on('unlink', onChange);
    },
  };
}
