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
 *   npm run build && npm run budgets [-- --dist DIR] [-- --max-kb 150] [-- --json]
 *
 * Exit status: 0 within budget; 1 over budget, or Phaser is not in a chunk of
 * its own (then the app's share cannot be told apart); 2 no build to measure.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parseAst } from 'vite';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_MAX_KB = 150;
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

export interface BudgetReport {
  readonly dist: string;
  readonly maxKB: number;
  /** First-load chunks first (in load order), then lazy ones, then the rest. */
  readonly chunks: readonly ChunkSize[];
  /** What the budget limits: the first page load's JavaScript beyond Phaser's chunk, KB gzip. */
  readonly appGzipKB: number;
  /** The lazy chunks together (not counted), KB gzip. */
  readonly lazyGzipKB: number;
  readonly phaserGzipKB: number | null;
  readonly status: 'within' | 'over' | 'phaser-not-split' | 'no-build';
  readonly message: string;
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
export function measure(dist: string, maxKB: number): BudgetReport {
  const relative = path.relative(ROOT, dist) || dist;
  if (!existsSync(dist) || !statSync(dist).isDirectory()) {
    return noBuild(relative, maxKB, `${relative}/ does not exist: run \`npm run build\` first.`);
  }
  const jsFiles = filesUnder(dist)
    .filter((file) => JS_FILE.test(file))
    .map((file) => toPosix(path.relative(dist, file)));
  const indexHtml = path.join(dist, 'index.html');
  if (jsFiles.length === 0 || !existsSync(indexHtml)) {
    return noBuild(
      relative,
      maxKB,
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
  const seen = new Set<string>();
  const first = staticClosure(
    pageScripts(readFileSync(indexHtml, 'utf8')).filter((file) => JS_FILE.test(file)),
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
  const base = { dist: relative, maxKB, chunks, appGzipKB, lazyGzipKB, phaserGzipKB };
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
  const within = appGzipKB <= maxKB;
  return {
    ...base,
    status: within ? 'within' : 'over',
    message: `First-load JavaScript beyond Phaser's chunk: ${appGzipKB} KB gzip, budget ${maxKB} KB: ${within ? 'within budget' : `OVER budget by ${kb((appGzipKB - maxKB) * 1024)} KB (load more with import() on first use: src/game/ui/lazy.ts)`}. Lazy chunks (not counted): ${lazyGzipKB} KB gzip.`,
  };
}

function noBuild(dist: string, maxKB: number, message: string): BudgetReport {
  return {
    dist,
    maxKB,
    chunks: [],
    appGzipKB: 0,
    lazyGzipKB: 0,
    phaserGzipKB: null,
    status: 'no-build',
    message,
  };
}

const ROLE: Record<ChunkLoad, string> = {
  first: 'first load',
  lazy: 'lazy (not counted)',
  other: 'not loaded by the page (not counted)',
};

/** The report as text: one line per chunk, then the verdict. */
export function formatReport(report: BudgetReport): string {
  const lines = report.chunks.map((c) => {
    const role = c.phaser ? 'phaser (not counted)' : ROLE[c.load];
    return `${c.file.padEnd(40)} ${String(kb(c.bytes)).padStart(9)} KB  ${String(kb(c.gzipBytes)).padStart(8)} KB gzip  ${role}`;
  });
  return [...lines, report.message].join('\n');
}

/** The command: returns the exit status. */
export function main(argv: readonly string[], log: (text: string) => void = console.log): number {
  const value = (flag: string) => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const dist = path.resolve(ROOT, value('--dist') ?? 'dist');
  const maxKB = Number(value('--max-kb') ?? DEFAULT_MAX_KB);
  const report = measure(dist, maxKB);
  log(argv.includes('--json') ? JSON.stringify(report, null, 2) : formatReport(report));
  return report.status === 'within' ? 0 : report.status === 'no-build' ? 2 : 1;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
