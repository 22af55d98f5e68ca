/**
 * Writes docs/sample-class/: a made-up class of 30 learners, each playing
 * three library scenarios through the engine, saved as the game's own
 * "Export my history" files (`npm run sample-class`). The class view's
 * "Try it with a sample class" loads them. Seeded (mulberry32, fixed seed): the
 * same files every time, and a test fails when the committed ones differ.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isBetter } from '../src/analysis/index.ts';
import { PROJECT_ROOT, readCatalogue, readSource, SCENARIOS_DIR } from '../src/cli/files.ts';
import { createSession, mulberry32 } from '../src/engine/index.ts';
import {
  type Attempt,
  buildAttempt,
  exportStore,
  SCHEMA_VERSION,
  scenarioFingerprint,
  startRun,
} from '../src/progress/index.ts';
import { type Catalogue, type Choice, loadLibrary, type Scenario } from '../src/scenario/index.ts';
import { exploreRuns } from '../src/tutor/index.ts';

export const SAMPLE_DIR = path.join(PROJECT_ROOT, 'docs/sample-class');
export const SAMPLE_SCENARIOS = ['faulty-kettle', 'not-as-described', 'game-download-faulty'] as const;
export const SAMPLE_MODEL = 'LASS';
const SEED = 20_261_116;

/** How a made-up learner tends to reply. */
type Habit = 'sensible' | 'receipt-first' | 'repair' | 'blame';

/** 30 learners: mostly sensible, some who ask for proof first, some who offer a repair, two who blame. */
const CLASS: readonly { readonly name: string; readonly habit: Habit }[] = [
  ...['Amara O.', 'Ben K.', 'Chloe R.', 'Daniel W.', 'Ella M.', 'Farah H.', 'George T.', 'Hannah B.'].map(
    (name) => ({ name, habit: 'sensible' as const }),
  ),
  ...['Isaac P.', 'Jess L.', 'Kieran D.', 'Leah S.', 'Mohammed A.', 'Niamh C.', 'Oscar F.', 'Priya N.'].map(
    (name) => ({ name, habit: 'sensible' as const }),
  ),
  { name: 'Quinn J.', habit: 'sensible' },
  { name: 'Ruby E.', habit: 'sensible' },
  ...['Sam G.', 'Tariq V.', 'Una Y.', 'Victor Z.', 'Wren I.'].map((name) => ({
    name,
    habit: 'receipt-first' as const,
  })),
  ...['Xavier Q.', 'Yasmin U.', 'Zoe X.', 'Aled R.', 'Bethan W.'].map((name) => ({
    name,
    habit: 'repair' as const,
  })),
  { name: 'Callum N.', habit: 'blame' },
  { name: 'Dev S.', habit: 'blame' },
];

const has = (choice: Choice, act: string): boolean => choice.acts.some((a) => a.act === act);
const HABIT_ACT: Record<Exclude<Habit, 'sensible'>, string> = {
  'receipt-first': 'process-first',
  repair: 'lesser-remedy',
  blame: 'blame',
};

/** One reply for a learner with this habit: the habit's act when offered, else usually the reply with the best reachable score. */
function pick(
  offered: readonly Choice[],
  habit: Habit,
  rank: (c: Choice) => number,
  next: () => number,
): Choice {
  const roll = next();
  if (habit !== 'sensible') {
    const tempting = offered.filter((c) => has(c, HABIT_ACT[habit]));
    const first = tempting[0];
    if (first !== undefined && roll < 0.85) return first;
  }
  const sorted = [...offered].sort((a, b) => rank(a) - rank(b));
  const best = sorted[0];
  if (best === undefined) throw new Error('nothing offered');
  // Sensible learners still slip now and then: about one reply in six is the second best.
  if (roll > (habit === 'sensible' ? 0.84 : 0.7)) return sorted[1] ?? best;
  return best;
}

function bestRanks(scenario: Scenario, catalogue: Catalogue): (c: Choice) => number {
  const explored = exploreRuns(scenario, catalogue, { models: [SAMPLE_MODEL] });
  const bests = [...scenario.choices.values()]
    .map((choice) => ({ id: choice.id, best: explored.replies.get(choice.id)?.get(SAMPLE_MODEL)?.best }))
    .filter((entry) => entry.best !== undefined);
  bests.sort((a, b) =>
    a.best === undefined || b.best === undefined
      ? 0
      : isBetter(a.best, b.best)
        ? -1
        : isBetter(b.best, a.best)
          ? 1
          : 0,
  );
  const order = new Map(bests.map((entry, i) => [entry.id, i]));
  return (choice) => order.get(choice.id) ?? bests.length;
}

function play(
  scenario: Scenario,
  catalogue: Catalogue,
  id: string,
  habit: Habit,
  rank: (c: Choice) => number,
  next: () => number,
  startedAt: Date,
): Attempt {
  const session = createSession(scenario);
  while (session.view().ending === null) {
    const offered = session.view().offered;
    if (offered.length === 0) throw new Error(`${scenario.id}: stuck`);
    session.choose(pick(offered, habit, rank, next).id);
  }
  const view = session.view();
  const minutes = 3 + Math.floor(next() * 6);
  const finishedAt = new Date(startedAt.getTime() + minutes * 60_000).toISOString();
  const saved = {
    ...startRun(
      id,
      scenario,
      scenarioFingerprint(scenario),
      SAMPLE_MODEL,
      'practice',
      startedAt.toISOString(),
      Math.floor(next() * 0xffff_ffff),
    ),
    choices: view.transcript.map((entry) => entry.choice.id),
  };
  const attempt = buildAttempt(scenario, catalogue, saved, view.run, finishedAt);
  session.dispose();
  return attempt;
}

/** The sample class's files, by name: one export per learner. */
export function sampleClassFiles(): { readonly name: string; readonly text: string }[] {
  const { catalogue } = readCatalogue(PROJECT_ROOT);
  const sources = SAMPLE_SCENARIOS.map((id) =>
    readSource(path.join(SCENARIOS_DIR, `${id}.yaml`), PROJECT_ROOT),
  );
  const { scenarios } = loadLibrary(sources, catalogue);
  const ranks = new Map(scenarios.map((s) => [s.id, bestRanks(s, catalogue)]));
  const next = mulberry32(SEED);
  // A Monday morning class: learners start a few minutes apart.
  const lesson = Date.parse('2026-11-16T09:30:00.000Z');
  return CLASS.map((learner, i) => {
    const number = String(i + 1).padStart(2, '0');
    const attempts = scenarios.map((scenario, s) => {
      const rank = ranks.get(scenario.id);
      if (rank === undefined) throw new Error(scenario.id);
      const started = new Date(lesson + s * 20 * 60_000 + i * 37_000);
      return play(scenario, catalogue, `sample-${number}-${scenario.id}`, learner.habit, rank, next, started);
    });
    const text = exportStore(
      { schemaVersion: SCHEMA_VERSION, attempts, run: null, learnerName: learner.name },
      '2026-11-16T11:00:00.000Z',
    );
    return { name: `learner-${number}.json`, text: `${text}\n` };
  });
}

function main(): void {
  mkdirSync(SAMPLE_DIR, { recursive: true });
  for (const old of readdirSync(SAMPLE_DIR)) if (old.endsWith('.json')) rmSync(path.join(SAMPLE_DIR, old));
  const files = sampleClassFiles();
  for (const file of files) writeFileSync(path.join(SAMPLE_DIR, file.name), file.text);
  console.log(`wrote ${files.length} files to ${path.relative(PROJECT_ROOT, SAMPLE_DIR)}`);
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
