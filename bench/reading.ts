/**
 * "Say it your way": how long the analyser (src/reading) takes to read one
 * reply, warm (every labelled reply, many times) and cold (a fresh process:
 * the cue file loaded, then the first reply), and the gzip size it would add
 * to the app as a lazy chunk. Target: under 20 ms a reply, cold and warm.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { labelledReplies, projectCues } from '../scripts/actsEval.ts';
import { readReply } from '../src/reading/index.ts';
import { PROJECT_ROOT } from './load.ts';
import { median } from './stats.ts';

export interface ReadingFigures {
  readonly replies: number;
  readonly warm: { readonly medianMs: number; readonly p99Ms: number; readonly maxMs: number };
  readonly cold: { readonly loadCuesMs: number; readonly firstReplyMs: number; readonly runs: number };
  readonly chunk: { readonly bytes: number; readonly gzipBytes: number } | null;
  readonly met: boolean;
}

export async function benchReading(options: { rounds: number; quick: boolean }): Promise<ReadingFigures> {
  const cues = projectCues();
  const texts = labelledReplies().map((r) => r.text);
  for (const text of texts) readReply(text, cues); // warm-up: one unrecorded pass
  const samples: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    for (const text of texts) {
      const start = performance.now();
      readReply(text, cues);
      samples.push(performance.now() - start);
    }
  }
  samples.sort((a, b) => a - b);
  const colds = [];
  const runs = options.quick ? 3 : 5;
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', path.join(PROJECT_ROOT, 'bench/readingCold.ts')],
      {
        cwd: PROJECT_ROOT,
        encoding: 'utf8',
      },
    );
    colds.push(JSON.parse(out) as { loadCuesMs: number; firstReplyMs: number });
  }
  const warm = {
    medianMs: median(samples),
    p99Ms: samples[Math.floor(samples.length * 0.99)] ?? Number.NaN,
    maxMs: samples.at(-1) ?? Number.NaN,
  };
  const cold = {
    loadCuesMs: median(colds.map((c) => c.loadCuesMs)),
    firstReplyMs: median(colds.map((c) => c.firstReplyMs)),
    runs,
  };
  return {
    replies: texts.length,
    warm,
    cold,
    chunk: await chunkSize(),
    met: warm.maxMs < 20 && cold.loadCuesMs + cold.firstReplyMs < 20,
  };
}

/**
 * The analyser as the game would load it: src/reading, the YAML reader it
 * uses, and models/cues.yaml as text, built by Vite into one minified chunk.
 */
async function chunkSize(): Promise<{ bytes: number; gzipBytes: number } | null> {
  const dir = mkdtempSync(path.join(tmpdir(), 'reading-chunk-'));
  try {
    const entry = path.join(dir, 'entry.ts');
    writeFileSync(
      entry,
      `import { loadCues, readReply } from ${JSON.stringify(path.join(PROJECT_ROOT, 'src/reading/index.ts'))};
import text from ${JSON.stringify(`${path.join(PROJECT_ROOT, 'models/cues.yaml')}?raw`)};
export const read = (reply: string, catalogue: never) => readReply(reply, loadCues({ file: 'cues.yaml', text }, catalogue).cues);
`,
    );
    await build({
      configFile: false,
      logLevel: 'silent',
      root: dir,
      build: {
        outDir: path.join(dir, 'out'),
        lib: { entry, formats: ['es'], fileName: 'reading' },
        minify: true,
      },
    });
    const files = readdirSync(path.join(dir, 'out')).filter((f) => /\.m?js$/.test(f));
    const body = Buffer.concat(files.map((f) => readFileSync(path.join(dir, 'out', f))));
    return { bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
  } catch (error) {
    console.log(`  reading chunk not measured: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printReading(r: ReadingFigures): void {
  const ms = (n: number) => n.toFixed(3);
  console.log(`\nReading a reply (src/reading, ${r.replies} labelled replies), wall time, goal < 20 ms`);
  console.log(
    `  warm: median ${ms(r.warm.medianMs)} ms, p99 ${ms(r.warm.p99Ms)} ms, max ${ms(r.warm.maxMs)} ms`,
  );
  console.log(
    `  cold (fresh process, median of ${r.cold.runs}): cue file ${ms(r.cold.loadCuesMs)} ms + first reply ${ms(r.cold.firstReplyMs)} ms`,
  );
  if (r.chunk !== null)
    console.log(
      `  lazy chunk: ${(r.chunk.bytes / 1024).toFixed(1)} KB, ${(r.chunk.gzipBytes / 1024).toFixed(1)} KB gzip`,
    );
  console.log(`  ${r.met ? 'met' : 'NOT met'}`);
}
