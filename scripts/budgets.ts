/**
 * `npm run budgets` (after `npm run build`): the size budget CI enforces (the
 * browser suite runs it against the build it makes: tests/browser/budget.browser.test.ts).
 *
 * Counts what a learner's first page load fetches: the scripts dist/index.html
 * names (the entry chunk, registerSW.js) and every chunk they import
 * statically, transitively (what Vite modulepreloads), except Phaser's own
 * chunk. That is the same for the menu and for a deep link into a role-play.
 * Chunks reached only through `import()` (the tutor tools, the scenario map,
 * the editor, cmi5) are listed as lazy with their sizes but not counted; so
 * are files the page never names (the service worker and its Workbox runtime,
 * which fetch in the background after the page has loaded). Gzip at level 9,
 * as Vite's own build report measures it.
 *
 * The data the first load fetches (the library JSON, which index.html names
 * in `<link rel="preload" as="fetch">`: src/game/build/libraryPlugin.ts) is
 * listed on its own line with a budget of its own: it is parsed with
 * JSON.parse, not compiled as code, so it is not counted in the JavaScript
 * budget, but it must not grow unnoticed either.
 *
 *   npm run build && npm run budgets [-- --dist DIR] [-- --max-kb 150] [-- --max-data-kb 200] [-- --json]
 *
 * Exit status: 0 within both budgets; 1 over a budget, Phaser is not in a chunk
 * of its own (then the app's share cannot be told apart), or index.html names a
 * data file the build lacks; 2 no build to measure.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parseAst } from 'vite';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_MAX_KB = 150;
/** The first load's data (the library JSON), KB gzip: generous, so the library can grow, but not unnoticed. */
const DEFAULT_MAX_DATA_KB = 200;
const JS_FILE = /\.m?js$/i;
/** Vite names a chunk after its codeSplitting group: vite.config.ts puts node_modules/phaser in `phaser`. */
const PHASER_CHUNK = /^phaser[-.]/i;
/** Phaser's console banner: present in whichever chunk holds Phaser. */
const PHASER_BANNER = 'Phaser v';

/**
 * - `first`: fetched by the first page load (menu or deep link), counted unless it is Phaser's;
 * - `lazy`: fetched by an `import()` when a part of the app is first used;
 * - `other`: not reachable from the page (the service worker, Workbox).
 */
export type ChunkLoad = 'first' | 'lazy' | 'other';

export interface ChunkSize {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  readonly phaser: boolean;
  readonly load: ChunkLoad;
}

/** A data file the first page load fetches (index.html preloads it `as="fetch"`). */
export interface DataSize {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface BudgetReport {
  readonly dist: string;
  readonly maxKB: number;
  /** The data budget: the first load's data files together, KB gzip. */
  readonly maxDataKB: number;
  /** First-load chunks first (in load order), then lazy ones, then the rest. */
  readonly chunks: readonly ChunkSize[];
  /** The data files the first load fetches (not JavaScript: not in `chunks`, not in the JavaScript budget). */
  readonly data: readonly DataSize[];
  /** What the data budget limits: `data` together, KB gzip. */
  readonly dataGzipKB: number;
  /** What the budget limits: the first page load's JavaScript beyond Phaser's chunk, KB gzip. */
  readonly appGzipKB: number;
  /** The lazy chunks together (not counted), KB gzip. */
  readonly lazyGzipKB: number;
  readonly phaserGzipKB: number | null;
  readonly status: 'within' | 'over' | 'phaser-not-split' | 'missing-data' | 'no-build';
  /** The JavaScript verdict (or why there is none). */
  readonly message: string;
  /** The data verdict, on a line of its own. */
  readonly dataMessage: string;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const toPosix = (file: string) => file.split(path.sep).join('/');

/** The dist-relative path of a same-site address in index.html (`/assets/x.js`, `./assets/x.js`), or null. */
function distPath(url: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) return null;
  const clean = url.split(/[?#]/)[0] ?? '';
  return path.posix.normalize(clean.replace(/^\/+/, '')).replace(/^(\.\/)+/, '');
}

/** Scripts and module preloads dist/index.html names, in document order. */
export function pageScripts(html: string): string[] {
  const found: string[] = [];
  const attr = (tag: string, name: string) =>
    new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const url = tag.toLowerCase().startsWith('<script')
      ? attr(tag, 'src')
      : /\srel\s*=\s*["']?modulepreload/i.test(tag)
        ? attr(tag, 'href')
        : undefined;
    const file = url === undefined ? null : distPath(url);
    if (file !== null && !found.includes(file)) found.push(file);
  }
  return found;
}

/** Data files dist/index.html preloads for fetch() (`<link rel="preload" as="fetch" href>`), in document order. */
export function pageData(html: string): string[] {
  const found: string[] = [];
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    if (!/\srel\s*=\s*["']?preload\b/i.test(tag) || !/\sas\s*=\s*["']?fetch\b/i.test(tag)) continue;
    const url = /\shref\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    const file = url === undefined ? null : distPath(url);
    if (file !== null && !found.includes(file)) found.push(file);
  }
  return found;
}

/** The text of a string literal, or of a template literal without `${}` (Vite writes `import(\`./x.js\`)`). */
function literal(node: unknown): string | null {
  if (typeof node !== 'object' || node === null) return null;
  const n = node as {
    type?: unknown;
    value?: unknown;
    expressions?: unknown[];
    quasis?: { value?: { cooked?: unknown } }[];
  };
  if (n.type === 'Literal' && typeof n.value === 'string') return n.value;
  if (n.type === 'TemplateLiteral' && n.expressions?.length === 0 && n.quasis?.length === 1) {
    const cooked = n.quasis[0]?.value?.cooked;
    return typeof cooked === 'string' ? cooked : null;
  }
  return null;
}

/** A chunk's static imports and `import()`s of other chunks, as dist-relative paths. */
export function chunkImports(file: string, code: string): { static: string[]; dynamic: string[] } {
  const resolve = (specifier: string) =>
    specifier.startsWith('.')
      ? path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier))
      : null;
  const found = { static: new Set<string>(), dynamic: new Set<string>() };
  const add = (into: Set<string>, source: unknown) => {
    const specifier = literal(source);
    const target = specifier === null ? null : resolve(specifier);
    if (target !== null) into.add(target);
  };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const n = node as { type?: unknown; source?: unknown };
    if (
      n.type === 'ImportDeclaration' ||
      n.type === 'ExportAllDeclaration' ||
      n.type === 'ExportNamedDeclaration'
    ) {
      add(found.static, n.source);
    } else if (n.type === 'ImportExpression') {
      add(found.dynamic, n.source);
    }
    for (const [key, value] of Object.entries(node)) {
      if (key !== 'type' && typeof value === 'object') visit(value);
    }
  };
  visit(parseAst(code, { sourceType: 'module' }).body);
  return { static: [...found.static], dynamic: [...found.dynamic] };
}

/** Measures a build folder against the budget. */
export function measure(dist: string, maxKB: number, maxDataKB = DEFAULT_MAX_DATA_KB): BudgetReport {
  const relative = path.relative(ROOT, dist) || dist;
  if (!existsSync(dist) || !statSync(dist).isDirectory()) {
    return noBuild(relative, maxKB, maxDataKB, `${relative}/ does not exist: run \`npm run build\` first.`);
  }
  const jsFiles = filesUnder(dist)
    .filter((file) => JS_FILE.test(file))
    .map((file) => toPosix(path.relative(dist, file)));
  const indexHtml = path.join(dist, 'index.html');
  if (jsFiles.length === 0 || !existsSync(indexHtml)) {
    return noBuild(
      relative,
      maxKB,
      maxDataKB,
      `${relative}/ holds no ${jsFiles.length === 0 ? 'JavaScript' : 'index.html'}: run \`npm run build\` first.`,
    );
  }
  const code = new Map(jsFiles.map((file) => [file, readFileSync(path.join(dist, file))]));
  const imports = new Map<string, { static: string[]; dynamic: string[] }>();
  const importsOf = (file: string) => {
    let found = imports.get(file);
    if (found === undefined) {
      const text = code.get(file)?.toString('utf8');
      found = text === undefined ? { static: [], dynamic: [] } : chunkImports(file, text);
      imports.set(file, found);
    }
    return found;
  };
  /** Every chunk the given ones import statically, transitively, in the order met. */
  const staticClosure = (start: readonly string[], seen: Set<string>): string[] => {
    const order: string[] = [];
    const queue = [...start];
    while (queue.length > 0) {
      const file = queue.shift() as string;
      if (seen.has(file) || !code.has(file)) continue;
      seen.add(file);
      order.push(file);
      queue.push(...importsOf(file).static);
    }
    return order;
  };
  const html = readFileSync(indexHtml, 'utf8');
  const seen = new Set<string>();
  const first = staticClosure(
    pageScripts(html).filter((file) => JS_FILE.test(file)),
    seen,
  );
  const lazy: string[] = [];
  for (let i = 0; i < first.length + lazy.length; i++) {
    const from = i < first.length ? first[i] : lazy[i - first.length];
    if (from !== undefined) lazy.push(...staticClosure(importsOf(from).dynamic, seen));
  }
  const others = jsFiles.filter((file) => !seen.has(file));
  const size = (file: string, load: ChunkLoad): ChunkSize => {
    const content = code.get(file) ?? Buffer.alloc(0);
    return {
      file,
      bytes: content.length,
      gzipBytes: gzipSync(content, { level: 9 }).length,
      phaser: PHASER_CHUNK.test(path.posix.basename(file)),
      load,
    };
  };
  const chunks = [
    ...first.map((f) => size(f, 'first')),
    ...lazy.map((f) => size(f, 'lazy')),
    ...others.map((f) => size(f, 'other')),
  ];
  const sum = (list: readonly ChunkSize[]) => kb(list.reduce((total, c) => total + c.gzipBytes, 0));
  const app = chunks.filter((c) => c.load === 'first' && !c.phaser);
  const phaser = chunks.filter((c) => c.phaser);
  const appGzipKB = sum(app);
  const lazyGzipKB = sum(chunks.filter((c) => c.load === 'lazy' && !c.phaser));
  const phaserGzipKB = phaser.length === 0 ? null : sum(phaser);
  const dataFiles = pageData(html).filter((file) => !JS_FILE.test(file));
  const data = dataFiles
    .filter((file) => existsSync(path.join(dist, file)))
    .map((file): DataSize => {
      const content = readFileSync(path.join(dist, file));
      return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
    });
  const dataGzipKB = kb(data.reduce((total, d) => total + d.gzipBytes, 0));
  const dataWithin = dataGzipKB <= maxDataKB;
  const dataMessage = `First-load data (JSON, parsed, not compiled; not in the JavaScript budget): ${dataGzipKB} KB gzip, data budget ${maxDataKB} KB: ${dataWithin ? 'within budget' : `OVER budget by ${kb((dataGzipKB - maxDataKB) * 1024)} KB`}.`;
  const base = {
    dist: relative,
    maxKB,
    maxDataKB,
    chunks,
    data,
    dataGzipKB,
    appGzipKB,
    lazyGzipKB,
    phaserGzipKB,
    dataMessage,
  };
  if (phaser.length === 0) {
    const holder = chunks.find((c) => code.get(c.file)?.toString('utf8').includes(PHASER_BANNER));
    if (holder !== undefined) {
      return {
        ...base,
        status: 'phaser-not-split',
        message: `Phaser is bundled into ${holder.file}, not a chunk of its own, so the app's own size cannot be checked against ${maxKB} KB. Put node_modules/phaser in its own chunk (vite.config.ts, build.rolldownOptions.output.codeSplitting.groups, name 'phaser').`,
      };
    }
  }
  const missing = dataFiles.filter((file) => !data.some((d) => d.file === file));
  if (missing.length > 0) {
    return {
      ...base,
      status: 'missing-data',
      message: `index.html preloads ${missing.join(', ')}, which the build does not hold: the page would fail to load it.`,
    };
  }
  const within = appGzipKB <= maxKB;
  return {
    ...base,
    status: within && dataWithin ? 'within' : 'over',
    message: `First-load JavaScript beyond Phaser's chunk: ${appGzipKB} KB gzip, budget ${maxKB} KB: ${within ? 'within budget' : `OVER budget by ${kb((appGzipKB - maxKB) * 1024)} KB (load more with import() on first use: src/game/ui/lazy.ts)`}. Lazy chunks (not counted): ${lazyGzipKB} KB gzip.`,
  };
}

function noBuild(dist: string, maxKB: number, maxDataKB: number, message: string): BudgetReport {
  return {
    dist,
    maxKB,
    maxDataKB,
    chunks: [],
    data: [],
    dataGzipKB: 0,
    appGzipKB: 0,
    lazyGzipKB: 0,
    phaserGzipKB: null,
    status: 'no-build',
    message,
    dataMessage: '',
  };
}

const ROLE: Record<ChunkLoad, string> = {
  first: 'first load',
  lazy: 'lazy (not counted)',
  other: 'not loaded by the page (not counted)',
};

const line = (file: string, bytes: number, gzipBytes: number, role: string) =>
  `${file.padEnd(40)} ${String(kb(bytes)).padStart(9)} KB  ${String(kb(gzipBytes)).padStart(8)} KB gzip  ${role}`;

/** The report as text: one line per chunk and per data file, then the two verdicts (JavaScript, data). */
export function formatReport(report: BudgetReport): string {
  const lines = report.chunks.map((c) =>
    line(c.file, c.bytes, c.gzipBytes, c.phaser ? 'phaser (not counted)' : ROLE[c.load]),
  );
  const data = report.data.map((d) => line(d.file, d.bytes, d.gzipBytes, 'first-load data (data budget)'));
  return [...lines, ...data, report.message, report.dataMessage].filter((l) => l !== '').join('\n');
}

/** The command: returns the exit status. */
export function main(argv: readonly string[], log: (text: string) => void = console.log): number {
  const value = (flag: string) => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const dist = path.resolve(ROOT, value('--dist') ?? 'dist');
  const maxKB = Number(value('--max-kb') ?? DEFAULT_MAX_KB);
  const maxDataKB = Number(value('--max-data-kb') ?? DEFAULT_MAX_DATA_KB);
  const report = measure(dist, maxKB, maxDataKB);
  log(argv.includes('--json') ? JSON.stringify(report, null, 2) : formatReport(report));
  return report.status === 'within' ? 0 : report.status === 'no-build' ? 2 : 1;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
