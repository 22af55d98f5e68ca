/**
 * `npm run budgets` (after `npm run build`): the size budget CI can enforce.
 * Sums the gzip size of every JavaScript file in dist/ except Phaser's own
 * chunk and fails when it is over the budget. Gzip at level 9, as Vite's own
 * build report measures it.
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

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_MAX_KB = 150;
const JS_FILE = /\.m?js$/i;
/** Vite names a chunk after its codeSplitting group: vite.config.ts puts node_modules/phaser in `phaser`. */
const PHASER_CHUNK = /^phaser[-.]/i;
/** Phaser's console banner: present in whichever chunk holds Phaser. */
const PHASER_BANNER = 'Phaser v';

export interface ChunkSize {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  readonly phaser: boolean;
}

export interface BudgetReport {
  readonly dist: string;
  readonly maxKB: number;
  readonly chunks: readonly ChunkSize[];
  readonly appGzipKB: number;
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

/** Measures a build folder against the budget. */
export function measure(dist: string, maxKB: number): BudgetReport {
  const relative = path.relative(ROOT, dist) || dist;
  if (!existsSync(dist) || !statSync(dist).isDirectory()) {
    return noBuild(relative, maxKB, `${relative}/ does not exist: run \`npm run build\` first.`);
  }
  const chunks: ChunkSize[] = filesUnder(dist)
    .filter((file) => JS_FILE.test(file))
    .map((file) => {
      const content = readFileSync(file);
      return {
        file: path.relative(dist, file),
        bytes: content.length,
        gzipBytes: gzipSync(content, { level: 9 }).length,
        phaser: PHASER_CHUNK.test(path.basename(file)),
      };
    });
  if (chunks.length === 0) {
    return noBuild(relative, maxKB, `${relative}/ holds no JavaScript: run \`npm run build\` first.`);
  }
  const app = chunks.filter((c) => !c.phaser);
  const phaser = chunks.filter((c) => c.phaser);
  const appGzipKB = kb(app.reduce((sum, c) => sum + c.gzipBytes, 0));
  const phaserGzipKB = phaser.length === 0 ? null : kb(phaser.reduce((sum, c) => sum + c.gzipBytes, 0));
  const base = { dist: relative, maxKB, chunks, appGzipKB, phaserGzipKB };
  if (phaser.length === 0) {
    const holder = app.find((c) => readFileSync(path.join(dist, c.file), 'utf8').includes(PHASER_BANNER));
    if (holder !== undefined) {
      return {
        ...base,
        status: 'phaser-not-split',
        message: `Phaser is bundled into ${holder.file}, not a chunk of its own, so the app's own size (${appGzipKB} KB gzip with Phaser) cannot be checked against ${maxKB} KB. Put node_modules/phaser in its own chunk (vite.config.ts, build.rolldownOptions.output.codeSplitting.groups, name 'phaser').`,
      };
    }
  }
  const within = appGzipKB <= maxKB;
  return {
    ...base,
    status: within ? 'within' : 'over',
    message: `JavaScript beyond Phaser's chunk: ${appGzipKB} KB gzip, budget ${maxKB} KB: ${within ? 'within budget' : `OVER budget by ${kb((appGzipKB - maxKB) * 1024)} KB`}.`,
  };
}

function noBuild(dist: string, maxKB: number, message: string): BudgetReport {
  return { dist, maxKB, chunks: [], appGzipKB: 0, phaserGzipKB: null, status: 'no-build', message };
}

function main(argv: readonly string[]): number {
  const value = (flag: string) => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const dist = path.resolve(ROOT, value('--dist') ?? 'dist');
  const maxKB = Number(value('--max-kb') ?? DEFAULT_MAX_KB);
  const report = measure(dist, maxKB);
  if (argv.includes('--json')) console.log(JSON.stringify(report, null, 2));
  else {
    for (const c of report.chunks) {
      const role = c.phaser ? 'phaser (not counted)' : 'app';
      console.log(
        `${c.file.padEnd(36)} ${String(kb(c.bytes)).padStart(9)} KB  ${String(kb(c.gzipBytes)).padStart(8)} KB gzip  ${role}`,
      );
    }
    console.log(report.message);
  }
  return report.status === 'within' ? 0 : report.status === 'no-build' ? 2 : 1;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
