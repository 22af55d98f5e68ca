/**
 * `npm run bench [-- --quick] [-- --only engine,analysis,loading]`: the
 * performance suite. Every comparison is measured in the same run, the
 * contenders alternating round by round; medians are reported, with the
 * machine they ran on, in bench/results.json and as a table.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Story } from 'inkjs/full';
import type { Scenario } from '../src/scenario/index.ts';
import {
  ANALYSIS_LIMITS,
  assertSameSearch,
  type BareGraph,
  bareGraph,
  bareWalk,
  type Limits,
  runAnalysis,
} from './analysis.ts';
import { benchBrowser } from './browser.ts';
import {
  assertSameTraces,
  type BatchResult,
  compileInk,
  playBareActor,
  playInk,
  playOurs,
  playReducer,
} from './engineVsInk.ts';
import { generateScenario, REPLIES_PER_NODE, toInk, toYaml } from './generate.ts';
import { bytes, loadChecked, PROJECT_ROOT, projectCatalogue, withinFileLimit } from './load.ts';
import { graphChecks, loadOnly, loadToSession, parseOnly, sessionOnly } from './loading.ts';
import { loadAverageNow, machineInfo } from './machine.ts';
import { benchReading, printReading, type ReadingFigures } from './reading.ts';
import { alternate, median, timed } from './stats.ts';

const GOALS = { engineVsInk: 5, analysisVsWalk: 3, loadVsParse: 1.5 } as const;
const SEED = 20_261_123;

interface Options {
  readonly quick: boolean;
  readonly only: ReadonlySet<string>;
  /** True when --only was given: the other sections of an existing results file are kept. */
  readonly partial: boolean;
  readonly sizes: readonly number[];
  readonly rounds: number;
  readonly out: string;
  /** Which clock the headline figures use: CPU time by default (see docs/benchmarks.md). */
  readonly clock: 'cpu' | 'wall';
}

function parseArgs(argv: readonly string[]): Options {
  const quick = argv.includes('--quick');
  const value = (flag: string) => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1);
  };
  const only = new Set((value('--only') ?? 'engine,analysis,loading,reading,browser').split(','));
  const partial = value('--only') !== undefined;
  const sizes = (value('--sizes') ?? (quick ? '100,1000' : '100,1000,10000')).split(',').map(Number);
  const rounds = Number(value('--rounds') ?? (quick ? 2 : 5));
  const out = value('--out') ?? path.join(PROJECT_ROOT, 'bench', 'results.json');
  const clock = value('--clock') === 'wall' ? 'wall' : 'cpu';
  return { quick, only, partial, sizes, rounds, out, clock };
}

/** Playthroughs per round: enough work that the faster engine's batch is not lost in timer noise. */
function playthroughsFor(size: number, quick: boolean): number {
  if (quick) return size >= 10_000 ? 100 : size >= 1000 ? 300 : 500;
  return size >= 10_000 ? 1000 : size >= 1000 ? 2000 : 3000;
}

/** CPU milliseconds each engine contender runs, unrecorded, before round 1 (see `alternate`). */
const engineWarmupMs = (quick: boolean) => (quick ? 500 : 2000);

interface Fixture {
  readonly size: number;
  readonly yaml: string;
  readonly ink: string;
  readonly scenario: Scenario;
  readonly story: Story | null;
  readonly graph: BareGraph;
  readonly inkCompileMs: number | null;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const round3 = (x: number) => Math.round(x * 1000) / 1000;
const perSecond = (count: number, ms: number) => (count * 1000) / ms;
type Timed = { readonly ms: number; readonly cpuMs: number };
/** Median milliseconds of the samples on the chosen clock and on the other one. */
const medians = (samples: readonly Timed[], clock: Options['clock']) => {
  const cpu = median(samples.map((s) => s.cpuMs));
  const wall = median(samples.map((s) => s.ms));
  return { ms: clock === 'cpu' ? cpu : wall, cpu, wall };
};

function benchEngine(fixture: Fixture, options: Options) {
  const story = fixture.story;
  if (story === null) throw new Error('no ink story');
  const runs = playthroughsFor(fixture.size, options.quick);
  const seed = SEED + fixture.size;
  const samples = alternate(
    options.rounds,
    {
      ours: () => playOurs(fixture.scenario, runs, seed),
      ink: () => playInk(story, runs, seed),
      bareActor: () => playBareActor(fixture.scenario, runs, seed),
      reducer: () => playReducer(fixture.scenario, runs, seed),
    },
    engineWarmupMs(options.quick),
  );
  const label = `engine vs ink, N=${fixture.size}`;
  for (let r = 0; r < options.rounds; r++) {
    const ink = samples.ink[r] as BatchResult;
    assertSameTraces(
      `${label}, round ${r + 1}, createSession`,
      (samples.ours[r] as BatchResult).traces,
      ink.traces,
    );
    assertSameTraces(
      `${label}, round ${r + 1}, reducer`,
      (samples.reducer[r] as BatchResult).traces,
      ink.traces,
    );
    assertSameTraces(
      `${label}, round ${r + 1}, bare actor`,
      (samples.bareActor[r] as BatchResult).traces,
      ink.traces,
    );
  }
  const rateOn = (list: readonly BatchResult[], clock: Options['clock']) =>
    median(list.map((b) => perSecond(b.steps, clock === 'cpu' ? b.cpuMs : b.ms)));
  const rate = (list: readonly BatchResult[]) => rateOn(list, options.clock);
  const other = options.clock === 'cpu' ? 'wall' : 'cpu';
  const first = samples.ink[0] as BatchResult;
  const ours = rate(samples.ours);
  const ink = rate(samples.ink);
  const bareActor = rate(samples.bareActor);
  const reducer = rate(samples.reducer);
  return {
    nodes: fixture.size,
    playthroughs: runs,
    steps: first.steps,
    meanStepsPerPlaythrough: round1(first.steps / runs),
    oursStepsPerSecond: Math.round(ours),
    inkStepsPerSecond: Math.round(ink),
    bareActorStepsPerSecond: Math.round(bareActor),
    ratio: round3(ours / ink),
    bareActorRatio: round3(bareActor / ink),
    reducerStepsPerSecond: Math.round(reducer),
    reducerRatio: round3(reducer / ink),
    [`${other}Clock`]: {
      oursStepsPerSecond: Math.round(rateOn(samples.ours, other)),
      inkStepsPerSecond: Math.round(rateOn(samples.ink, other)),
      bareActorStepsPerSecond: Math.round(rateOn(samples.bareActor, other)),
      reducerStepsPerSecond: Math.round(rateOn(samples.reducer, other)),
      ratio: round3(rateOn(samples.ours, other) / rateOn(samples.ink, other)),
    },
    goal: GOALS.engineVsInk,
    met: ours / ink >= GOALS.engineVsInk,
    verified: 'same path and final mood in every playthrough, every round',
    inkCompileMs: fixture.inkCompileMs === null ? null : Math.round(fixture.inkCompileMs),
    samples: {
      ours: samples.ours.map((b) => ({ ms: round1(b.ms), cpuMs: round1(b.cpuMs) })),
      ink: samples.ink.map((b) => ({ ms: round1(b.ms), cpuMs: round1(b.cpuMs) })),
      bareActor: samples.bareActor.map((b) => ({ ms: round1(b.ms), cpuMs: round1(b.cpuMs) })),
      reducer: samples.reducer.map((b) => ({ ms: round1(b.ms), cpuMs: round1(b.cpuMs) })),
    },
  };
}

function benchAnalysis(fixture: Fixture, catalogue: ReturnType<typeof projectCatalogue>, options: Options) {
  const limits: Limits = options.quick ? { ...ANALYSIS_LIMITS, maxRuns: 20_000 } : ANALYSIS_LIMITS;
  const samples = alternate(
    options.rounds,
    {
      analysis: () => runAnalysis(fixture.scenario, catalogue, limits),
      bareWalk: () => bareWalk(fixture.graph, limits),
    },
    // One unrecorded round at every size: the analysis compiles a scenario once and keeps it (as the
    // bare walk builds its graph outside the timing), and the JIT has seen both walks.
    true,
  );
  const label = `analysis vs bare walk, N=${fixture.size}`;
  for (const [r, a] of samples.analysis.entries()) {
    const b = samples.bareWalk[r];
    if (b !== undefined) assertSameSearch(`${label}, round ${r + 1}`, a.totals, b.totals);
  }
  const totals = samples.analysis[0]?.totals ?? { completeRuns: 0, loopCutRuns: 0, steps: 0 };
  const analysisTimes = medians(samples.analysis, options.clock);
  const walkTimes = medians(samples.bareWalk, options.clock);
  const analysisMs = analysisTimes.ms;
  const walkMs = walkTimes.ms;
  return {
    nodes: fixture.size,
    limits,
    models: catalogue.models.size,
    ...totals,
    analysisMs: round1(analysisMs),
    bareWalkMs: round1(walkMs),
    analysisPathsPerSecond: Math.round(perSecond(totals.completeRuns, analysisMs)),
    bareWalkPathsPerSecond: Math.round(perSecond(totals.completeRuns, walkMs)),
    ratio: round3(analysisMs / walkMs),
    goal: GOALS.analysisVsWalk,
    met: analysisMs / walkMs <= GOALS.analysisVsWalk,
    verified: 'same complete runs, loop cuts and steps in every round',
    cpuMs: { analysis: round1(analysisTimes.cpu), bareWalk: round1(walkTimes.cpu) },
    wallMs: { analysis: round1(analysisTimes.wall), bareWalk: round1(walkTimes.wall) },
  };
}

function benchLoading(fixture: Fixture, catalogue: ReturnType<typeof projectCatalogue>, options: Options) {
  const file = `generated-${fixture.size}.yaml`;
  // Small files load in milliseconds: repeat them within a sample so timer and GC noise averages out.
  const reps = fixture.size >= 10_000 ? 1 : fixture.size >= 1000 ? 3 : 20;
  const repeat = (fn: () => { ms: number; cpuMs: number }) => (): { ms: number; cpuMs: number } => {
    let ms = 0;
    let cpuMs = 0;
    for (let i = 0; i < reps; i++) {
      const t = fn();
      ms += t.ms;
      cpuMs += t.cpuMs;
    }
    return { ms: ms / reps, cpuMs: cpuMs / reps };
  };
  const samples = alternate(options.rounds, {
    parse: repeat(() => parseOnly(fixture.yaml)),
    total: repeat(() => loadToSession(file, fixture.yaml, catalogue)),
    load: repeat(() => loadOnly(file, fixture.yaml, catalogue)),
    graph: repeat(() => graphChecks(fixture.scenario)),
    machine: repeat(() => sessionOnly(fixture.scenario)),
  });
  const times = {
    parse: medians(samples.parse, options.clock),
    total: medians(samples.total, options.clock),
    load: medians(samples.load, options.clock),
    graph: medians(samples.graph, options.clock),
    machine: medians(samples.machine, options.clock),
  };
  const parse = times.parse.ms;
  const total = times.total.ms;
  const load = times.load.ms;
  const graph = times.graph.ms;
  const machine = times.machine.ms;
  return {
    nodes: fixture.size,
    bytes: bytes(fixture.yaml),
    repetitionsPerSample: reps,
    loader: withinFileLimit(fixture.yaml)
      ? 'loadScenario'
      : 'loadScenario refuses files over 1 MiB: its stages run without the size check (bench/load.ts)',
    parseMs: round1(parse),
    totalMs: round1(total),
    ratio: round3(total / parse),
    goal: GOALS.loadVsParse,
    met: total / parse <= GOALS.loadVsParse,
    stagesMs: {
      parse: round1(parse),
      read: round1(Math.max(0, load - parse - graph)),
      graphChecks: round3(graph),
      machine: round1(machine),
    },
    parseMBPerSecond: round1(bytes(fixture.yaml) / 1024 / 1024 / (parse / 1000)),
    cpuMs: Object.fromEntries(Object.entries(times).map(([k, t]) => [k, round1(t.cpu)])),
    wallMs: Object.fromEntries(Object.entries(times).map(([k, t]) => [k, round1(t.wall)])),
  };
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length))) ?? [];
  return rows.map((row) => row.map((cell, c) => pad(cell, widths[c] ?? 0)).join('  ')).join('\n');
}

const fmt = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 1 });
const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const machine = machineInfo();
  const catalogue = projectCatalogue();
  console.log(
    `bench: ${options.quick ? 'quick, ' : ''}${options.clock} clock, ${options.rounds} rounds, sizes ${options.sizes.join(', ')}; ${machine.cpu}, ${machine.cores} cores, node ${machine.node}, load ${machine.loadAverage.start.join(' ')}`,
  );
  const engine = [];
  const analysis = [];
  const loading = [];
  for (const size of options.sizes) {
    const generated = generateScenario(size, SEED + size);
    const yaml = toYaml(generated);
    const ink = toInk(generated);
    const scenario = loadChecked(`generated-${size}.yaml`, yaml, catalogue);
    let story: Story | null = null;
    let inkCompileMs: number | null = null;
    if (options.only.has('engine')) {
      const compiled = timed(() => compileInk(ink));
      story = compiled.value;
      inkCompileMs = compiled.ms;
    }
    const fixture: Fixture = { size, yaml, ink, scenario, story, graph: bareGraph(scenario), inkCompileMs };
    if (options.only.has('engine')) {
      engine.push(benchEngine(fixture, options));
      console.log(`  engine N=${size} done`);
    }
    if (options.only.has('analysis')) {
      analysis.push(benchAnalysis(fixture, catalogue, options));
      console.log(`  analysis N=${size} done`);
    }
    if (options.only.has('loading')) {
      loading.push(benchLoading(fixture, catalogue, options));
      console.log(`  loading N=${size} done`);
    }
  }
  let reading: ReadingFigures | null = null;
  if (options.only.has('reading')) {
    reading = await benchReading({ rounds: options.rounds, quick: options.quick });
    console.log('  reading done');
  }
  let browser: object = { measured: false, reason: 'not run (see --only)' };
  if (options.only.has('browser')) {
    browser = await benchBrowser({ rounds: options.rounds, quick: options.quick });
    console.log('  browser done');
  }
  machine.loadAverage.end = loadAverageNow();

  const fresh = {
    machine,
    options: {
      quick: options.quick,
      rounds: options.rounds,
      sizes: options.sizes,
      clock: options.clock,
      seed: SEED,
      repliesPerNode: REPLIES_PER_NODE,
    },
    engine,
    analysis,
    loading,
    reading,
    browser,
  };
  // With --only, the sections not run keep their last figures (and their machine notes).
  const previous =
    options.partial && existsSync(options.out) ? JSON.parse(readFileSync(options.out, 'utf8')) : {};
  const kept = Object.fromEntries(
    ['engine', 'analysis', 'loading', 'reading', 'browser']
      .filter((section) => !options.only.has(section) && previous[section] !== undefined)
      .map((section) => [section, previous[section]]),
  );
  const results = {
    ...fresh,
    ...kept,
    ...(Object.keys(kept).length > 0
      ? { keptFromEarlierRun: { sections: Object.keys(kept), machine: previous.machine } }
      : {}),
  };
  writeFileSync(options.out, `${JSON.stringify(results, null, 2)}\n`);

  if (engine.length > 0) {
    console.log(
      `\nEngine vs inkjs: steps (replies chosen) per second, median of rounds, ${options.clock} time`,
    );
    console.log(
      table([
        [
          'nodes',
          'ours (createSession)',
          'inkjs',
          'ours/ink',
          `goal ≥${GOALS.engineVsInk}×`,
          'bare actor',
          'actor/ink',
          'reducer',
          'reducer/ink',
        ],
        ...engine.map((e) => [
          fmt(e.nodes),
          fmt(e.oursStepsPerSecond),
          fmt(e.inkStepsPerSecond),
          `${e.ratio}×`,
          verdict(e.met),
          fmt(e.bareActorStepsPerSecond),
          `${e.bareActorRatio}×`,
          fmt(e.reducerStepsPerSecond),
          `${e.reducerRatio}×`,
        ]),
      ]),
    );
  }
  if (analysis.length > 0) {
    console.log(
      `\nAnalysis vs bare walk: complete paths per second, median of rounds, ${options.clock} time`,
    );
    console.log(
      table([
        ['nodes', 'paths', 'analyseScenario', 'bare walk', 'time ratio', `goal ≤${GOALS.analysisVsWalk}×`],
        ...analysis.map((a) => [
          fmt(a.nodes),
          fmt(a.completeRuns),
          fmt(a.analysisPathsPerSecond),
          fmt(a.bareWalkPathsPerSecond),
          `${a.ratio}×`,
          verdict(a.met),
        ]),
      ]),
    );
  }
  if (loading.length > 0) {
    console.log(
      `\nLoading: YAML text → loadScenario → createSession, vs parseDocument alone (ms, median, ${options.clock} time)`,
    );
    console.log(
      table([
        ['nodes', 'KB', 'parse', 'total', 'ratio', `goal ≤${GOALS.loadVsParse}×`, 'read', 'graph', 'machine'],
        ...loading.map((l) => [
          fmt(l.nodes),
          fmt(Math.round(l.bytes / 1024)),
          fmt(l.parseMs),
          fmt(l.totalMs),
          `${l.ratio}×`,
          verdict(l.met),
          fmt(l.stagesMs.read),
          fmt(l.stagesMs.graphChecks),
          fmt(l.stagesMs.machine),
        ]),
      ]),
    );
  }
  if (reading !== null) printReading(reading);
  if (options.only.has('browser')) printBrowser(browser);
  console.log(
    `\nload average at the end: ${machine.loadAverage.end.join(' ')}; results in ${path.relative(process.cwd(), options.out)}`,
  );
}

function printBrowser(browser: object): void {
  const b = browser as BrowserFigures;
  if (!b.measured) {
    console.log(`\nBrowser: not measured: ${b.reason ?? 'unknown reason'}`);
    return;
  }
  const { ready, transfer, frames, memory } = b;
  const kb = (n: number | null) => (n === null ? '?' : `${fmt(n)} KB`);
  const f = (name: string, r: FrameRow, goal: string, verdictText: string) => [
    name,
    `p50 ${fmt(r.p50Ms)} ms, p95 ${fmt(r.p95Ms)} ms (${r.framesOver50Ms}/${r.frames} over 50 ms)`,
    goal,
    verdictText,
  ];
  console.log(`\nBrowser: Chromium ${b.chromium}, WebGL on ${b.webglRenderer}; wall time`);
  console.log(
    table([
      ['figure', 'measured', 'goal', 'verdict'],
      [
        'first reply usable, deep link vs bare Phaser (canvas, reduced motion)',
        `${fmt(ready.appMs)} / ${fmt(ready.bareMs)} ms = ${ready.ratio}× (pairs: median ${ready.medianPairRatio}×)`,
        `≤ ${ready.goal}×`,
        verdict(ready.met),
      ],
      [
        '  main-thread task time to first reply vs bare (CPU proxy)',
        `${fmt(ready.mainThread.appTaskMs)} / ${fmt(ready.mainThread.bareTaskMs)} ms = ${ready.mainThread.ratio}× (pairs ${ready.mainThread.pairRatios.join(', ')})`,
        '(diagnostic)',
        '',
      ],
      [
        'JS beyond Phaser, deep link, gzip 9',
        `${kb(transfer.deepLink.appGzipKB)} (${kb(transfer.deepLink.appGzipKBBeforeReady)} before ready); Phaser ${kb(transfer.deepLink.phaserGzipKB)}`,
        `≤ ${transfer.deepLink.goalKB} KB`,
        verdict(transfer.deepLink.met),
      ],
      [
        'JS beyond Phaser, menu, gzip 9',
        `${kb(transfer.menu.appGzipKB)}; ${transfer.menu.scripts.length} scripts`,
        `≤ ${transfer.menu.goalKB} KB`,
        verdict(transfer.menu.met),
      ],
      f('frames, role-play animating, WebGL', frames.appWebgl, '95th pct < 20 ms', verdict(frames.met)),
      f('frames, bare Phaser, WebGL', frames.bareWebgl, '(floor)', ''),
      f('frames, role-play animating, canvas', frames.appCanvas, '(comparison)', ''),
      f('frames, bare Phaser, canvas', frames.bareCanvas, '(floor)', ''),
      [
        `memory, ${memory.scenarios.length} scenarios × ${memory.passes} passes, one page`,
        `pass ${memory.judgedPass}: heap ${fmt(memory.heapSlopeKBPerScenario)} KB, nodes ${memory.nodesSlopePerScenario}, listeners ${memory.listenersSlopePerScenario} per scenario (pass 1 heap ${fmt(memory.firstPassHeapSlopeKBPerScenario)} KB)`,
        'heap < 100 KB, nodes/listeners < 1 per scenario',
        verdict(memory.met),
      ],
    ]),
  );
  const others = Object.entries(transfer.deepLink.otherBeforeReady)
    .map(([type, o]) => `${o.count} ${type} (${fmt(o.wireKB)} KB)`)
    .join(', ');
  console.log(`deep link, fetched before the first reply besides scripts: ${others || 'nothing'}`);
  console.log(
    `heap after GC: deep link ${fmt(ready.appHeapMB)} MB, bare ${fmt(ready.bareHeapMB)} MB; menu before the memory run ${fmt(memory.start.heapMB)} MB, after it ${fmt(memory.points.at(-1)?.heapMB ?? Number.NaN)} MB`,
  );
}

interface FrameRow {
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly framesOver50Ms: number;
  readonly frames: number;
}

interface TransferRow {
  readonly appGzipKB: number;
  readonly appGzipKBBeforeReady: number;
  readonly phaserGzipKB: number | null;
  readonly goalKB: number;
  readonly met: boolean;
  readonly scripts: readonly unknown[];
  readonly otherBeforeReady: Readonly<Record<string, { count: number; wireKB: number }>>;
}

type BrowserFigures =
  | { readonly measured: false; readonly reason?: string }
  | {
      readonly measured: true;
      readonly chromium: string;
      readonly webglRenderer: string;
      readonly ready: {
        appMs: number;
        bareMs: number;
        ratio: number;
        medianPairRatio: number;
        mainThread: { appTaskMs: number; bareTaskMs: number; ratio: number; pairRatios: readonly number[] };
        goal: number;
        met: boolean;
        appHeapMB: number;
        bareHeapMB: number;
      };
      readonly transfer: { deepLink: TransferRow; menu: TransferRow };
      readonly frames: Record<'appWebgl' | 'bareWebgl' | 'appCanvas' | 'bareCanvas', FrameRow> & {
        met: boolean;
      };
      readonly memory: {
        scenarios: readonly string[];
        passes: number;
        judgedPass: number;
        heapSlopeKBPerScenario: number;
        nodesSlopePerScenario: number;
        listenersSlopePerScenario: number;
        firstPassHeapSlopeKBPerScenario: number;
        met: boolean;
        start: { heapMB: number };
        points: readonly { heapMB: number }[];
      };
    };

await main();
