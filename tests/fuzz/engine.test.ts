import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseScenario, type RunSummary } from '../../src/analysis/index.ts';
import {
  ChoiceNotOfferedError,
  type ConversationSession,
  type ConversationView,
  createSession,
  playPositions,
} from '../../src/engine/index.ts';
import type { Catalogue, Scenario } from '../../src/scenario/index.ts';
import { loadScenario } from '../../src/scenario/index.ts';
import { type RunScore, roundPercent, scoreRun } from '../../src/scoring/index.ts';
import { scenarioYamlArb } from './scenarioArb.ts';
import {
  catalogue,
  fuzzParams,
  fuzzTimeout,
  prototypeChanges,
  prototypeSnapshot,
  report,
  shippedScenarios,
} from './support.ts';

/** One thing the learner does: choose the n-th offered reply, undo, or try a reply that is not offered. */
type Action = { kind: 'choose' | 'undo' | 'bad'; pick: number };

const actionArb: fc.Arbitrary<Action> = fc.record({
  kind: fc.constantFrom<Action['kind']>('choose', 'choose', 'choose', 'choose', 'undo', 'bad'),
  pick: fc.nat(),
});

const JUNK_IDS = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '',
  ' ',
  'undefined',
  'null',
  '0',
];

const ERROR_KINDS = new Set(['not-offered', 'past-ending', 'stopped-early']);

interface Counts {
  cases: number;
  actions: number;
  chooses: number;
  undos: number;
  refused: number;
  endings: number;
  stuck: number;
  scored: number;
  replayed: number;
}

function counts(): Counts {
  return {
    cases: 0,
    actions: 0,
    chooses: 0,
    undos: 0,
    refused: 0,
    endings: 0,
    stuck: 0,
    scored: 0,
    replayed: 0,
  };
}

function fail(message: string): never {
  throw new Error(message);
}

/** What a view says about where the run is, to compare before and after an undo or a refused reply. */
function shape(view: ConversationView) {
  return {
    node: view.node.id,
    mood: view.mood,
    path: [...view.path],
    choices: view.transcript.map((entry) => entry.choice.id),
    offered: view.offered.map((choice) => choice.id),
    ending: view.ending,
  };
}

function checkView(view: ConversationView, scenario: Scenario, chosen: readonly string[]): void {
  if (!Number.isInteger(view.mood) || view.mood < 0 || view.mood > 100) fail(`mood ${view.mood}`);
  if (view.transcript.length !== chosen.length)
    fail(`transcript has ${view.transcript.length} entries after ${chosen.length} replies`);
  if (view.transcript.some((entry, i) => entry.choice.id !== chosen[i])) fail('transcript out of step');
  if (view.path.length !== chosen.length + 1) fail(`path has ${view.path.length} nodes`);
  if (view.path[0] !== scenario.start) fail('path does not begin at the start');
  if (view.path.at(-1) !== view.node.id) fail('path does not end at the current node');
  if (view.canUndo !== chosen.length > 0) fail('canUndo is wrong');
  if ((view.ending !== null) !== (view.node.kind === 'end')) fail('ending and node kind disagree');
  if (view.ending !== null && view.offered.length > 0) fail('replies offered after the ending');
  if (view.stuck !== (view.ending === null && view.offered.length === 0)) fail('stuck flag is wrong');
  let mood = scenario.customer.mood;
  for (const entry of view.transcript) {
    if (entry.moodBefore !== mood) fail('moodBefore does not follow on');
    mood = Math.min(100, Math.max(0, mood + entry.choice.mood));
    if (entry.moodAfter !== mood) fail('moodAfter is not the clamped sum');
    if (!Number.isInteger(entry.offeredPosition) || entry.offeredPosition < 1) fail('offeredPosition < 1');
  }
  if (mood !== view.mood) fail('view mood differs from the transcript');
}

const BAND_ORDER = ['Not yet achieved', 'Pass', 'Merit', 'Distinction'];

function checkScore(score: RunScore, view: ConversationView, cat: Catalogue, steps: number): void {
  const { marks, max, percent, band } = score.score;
  if (max !== 2 * steps) fail(`max ${max} for ${steps} steps`);
  if (!(marks >= 0 && marks <= max)) fail(`marks ${marks} outside 0..${max}`);
  if (!(percent >= 0 && percent <= 100)) fail(`percent ${percent}`);
  if (percent !== roundPercent(marks, max)) fail('percent is not the rounded marks');
  const critical = score.faults.some((f) => cat.acts.get(f.act)?.critical === true);
  const missed = score.steps.some((s) => s.performed === 0);
  const plain =
    percent >= 85 ? 'Distinction' : percent >= 70 ? 'Merit' : percent >= 50 ? 'Pass' : 'Not yet achieved';
  const limits = score.score.limits;
  if (critical !== limits.includes('critical-fault')) fail('critical-fault limit and faults disagree');
  if (missed !== limits.includes('missed-step')) fail('missed-step limit and steps disagree');
  if (score.faults.length > 0 !== limits.includes('fault')) fail('fault limit and faults disagree');
  const essentialMissed = score.marking.some((point) => point.essential && !point.met);
  if (essentialMissed !== limits.includes('missed-essential'))
    fail('missed-essential limit and marking disagree');
  if (critical && band !== 'Not yet achieved') fail(`critical fault but band ${band}`);
  if (missed && (band === 'Distinction' || band === 'Merit')) fail(`missed step but band ${band}`);
  if (limits.includes('fault') && band === 'Distinction') fail('a fault but Distinction');
  if (limits.length === 0 && band !== plain) fail(`band ${band} for ${percent}%`);
  if (BAND_ORDER.indexOf(band) > BAND_ORDER.indexOf(plain)) fail(`band ${band} above its percent's band`);
  for (const s of score.steps) {
    if (!(s.performed >= 0 && s.performed <= 1)) fail(`step performed ${s.performed}`);
    if ((s.first === null) !== (s.performed === 0)) fail('step first/performed disagree');
    if (s.marks !== s.performed + (s.inOrder ? 1 : 0)) fail('step marks');
    if (s.inOrder && s.first === null) fail('unperformed step in order');
  }
  const faultActs = view.transcript.flatMap((e) =>
    e.choice.acts.filter((a) => cat.acts.get(a.act)?.fault === true).map((a) => a.act),
  );
  if (score.faults.length !== faultActs.length) fail('faults do not match the fault acts chosen');
  if (score.mood.end !== view.mood) fail('score mood differs from the session mood');
  const { csat, npsScore, nps, fcr } = score.kpis;
  if (!(Number.isInteger(csat) && csat >= 1 && csat <= 5)) fail(`csat ${csat}`);
  if (!(Number.isInteger(npsScore) && npsScore >= 0 && npsScore <= 10)) fail(`npsScore ${npsScore}`);
  if (nps !== (npsScore >= 9 ? 'promoter' : npsScore >= 7 ? 'passive' : 'detractor')) fail('nps category');
  if (fcr !== (view.ending?.outcome === 'resolved')) fail('fcr');
  if (score.marking.length !== view.scenario.marking.length) fail('marking points missing');
  // The contract object is plain JSON: no undefined, NaN or Infinity hiding in it.
  expect(JSON.parse(JSON.stringify(score))).toEqual(score);
}

function scoreAll(scenario: Scenario, view: ConversationView, cat: Catalogue, c: Counts): void {
  for (const model of cat.models.values()) {
    const first = scoreRun(scenario, view.run, model, cat);
    const again = scoreRun(scenario, view.run, model, cat);
    expect(again).toEqual(first);
    checkScore(first, view, cat, model.steps.length);
    c.scored++;
  }
}

/** The offered positions a finished session recorded replay, through `playPositions`, to the same run. */
function replayPositions(scenario: Scenario, view: ConversationView, c: Counts): void {
  const positions = view.transcript.map((entry) => entry.offeredPosition);
  const replay = playPositions(scenario, positions);
  if (!replay.ok) fail(`positions ${positions.join(',')} of a finished run failed: ${replay.error.message}`);
  expect(replay.run.choices.map((choice) => choice.id)).toEqual(view.run.choices.map((choice) => choice.id));
  expect(replay.run.path).toEqual(view.run.path);
  expect(replay.run.ending).toEqual(view.run.ending);
  c.replayed++;
}

/** Plays the actions on a fresh session, checking every invariant after each one. */
function playActions(scenario: Scenario, actions: readonly Action[], c: Counts, allowStuck: boolean): void {
  const cat = catalogue();
  const before = prototypeSnapshot();
  const session: ConversationSession = createSession(scenario);
  const chosen: string[] = [];
  const history: ReturnType<typeof shape>[] = [];
  const allIds = [...scenario.choices.keys()];
  try {
    checkView(session.view(), scenario, chosen);
    for (const action of actions) {
      c.actions++;
      const view = session.view();
      if (action.kind === 'choose' && view.offered.length > 0) {
        const choice = view.offered[action.pick % view.offered.length];
        if (choice === undefined) fail('no offered choice');
        history.push(shape(view));
        session.choose(choice.id);
        chosen.push(choice.id);
        c.chooses++;
      } else if (action.kind === 'undo') {
        session.undo();
        if (chosen.length > 0) {
          chosen.pop();
          expect(shape(session.view())).toEqual(history.pop());
        }
        c.undos++;
      } else {
        const offered = new Set(view.offered.map((choice) => choice.id));
        const candidates = [...allIds, ...JUNK_IDS].filter((id) => !offered.has(id));
        const id = candidates[action.pick % candidates.length];
        if (id === undefined) continue;
        let thrown: unknown;
        try {
          session.choose(id);
        } catch (error) {
          thrown = error;
        }
        if (!(thrown instanceof ChoiceNotOfferedError))
          fail(
            `choose('${id}') at '${view.node.id}' threw ${String(thrown)} instead of ChoiceNotOfferedError`,
          );
        expect(shape(session.view())).toEqual(shape(view));
        c.refused++;
      }
      const now = session.view();
      checkView(now, scenario, chosen);
      if (now.stuck) {
        c.stuck++;
        if (!allowStuck)
          fail(`stuck at '${now.node.id}' after ${chosen.join(', ')}: no reply offered and no ending`);
      }
      if (now.ending !== null) {
        c.endings++;
        replayPositions(scenario, now, c);
      }
      scoreAll(scenario, now, cat, c);
    }
  } finally {
    session.dispose();
  }
  const changes = prototypeChanges(before);
  if (changes.length > 0) fail(`prototype pollution: ${changes.join('; ')}`);
  c.cases++;
}

const positionArb = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 1, max: 4 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, -0, 1e9),
  },
);

function checkPositions(scenario: Scenario, positions: readonly number[]): 'ok' | string {
  let result: ReturnType<typeof playPositions>;
  try {
    result = playPositions(scenario, positions);
  } catch (error) {
    fail(
      `playPositions(${JSON.stringify(positions)}) threw ${error instanceof Error ? error.stack : String(error)}`,
    );
  }
  if (result.ok) {
    if (result.run.ending === null) fail('ok run without an ending');
    if (result.run.choices.length !== positions.length) fail('ok run with a different number of replies');
    return 'ok';
  }
  const { error } = result;
  if (!ERROR_KINDS.has(error.kind)) fail(`unknown error kind ${error.kind}`);
  if (!scenario.nodes.has(error.node)) fail(`error names no node of the scenario: '${error.node}'`);
  if (!error.message.includes(`'${error.node}'`)) fail(`message does not name the node: ${error.message}`);
  if (!(Number.isInteger(error.step) && error.step >= 1 && error.step <= positions.length + 1))
    fail('error step');
  return error.kind;
}

describe('engine fuzz: random play on every shipped scenario', () => {
  const scenarios = shippedScenarios();
  // Spread over however many scenarios there are: about 100 sessions and 300 position lists in all.
  const sessionsEach = Math.max(4, Math.ceil(100 / Math.max(1, scenarios.length)));
  const positionsEach = Math.max(10, Math.ceil(300 / Math.max(1, scenarios.length)));

  it('loads the shipped scenarios to play', () => {
    expect(scenarios.length).toBeGreaterThan(0);
  });

  for (const scenario of scenarios) {
    it(
      `keeps every session and scoring invariant on ${scenario.file}`,
      () => {
        const c = counts();
        fc.assert(
          fc.property(fc.array(actionArb, { minLength: 5, maxLength: 40, size: 'medium' }), (actions) =>
            playActions(scenario, actions, c, false),
          ),
          fuzzParams(sessionsEach),
        );
        report(`sessions on ${scenario.file}`, { ...c });
      },
      fuzzTimeout(60_000),
    );

    it(
      `playPositions returns a run or a typed error on ${scenario.file}`,
      () => {
        const outcomes = new Map<string, number>();
        fc.assert(
          fc.property(fc.array(positionArb, { maxLength: 25 }), (positions) => {
            const kind = checkPositions(scenario, positions);
            outcomes.set(kind, (outcomes.get(kind) ?? 0) + 1);
          }),
          fuzzParams(positionsEach),
        );
        report(`playPositions on ${scenario.file}`, Object.fromEntries(outcomes));
      },
      fuzzTimeout(60_000),
    );
  }
});

describe('engine fuzz: generated scenarios with prototype-named ids, loops and conditions', () => {
  it(
    'keeps every session and scoring invariant, and flags a stranded learner as stuck',
    () => {
      const c = counts();
      let refusedFiles = 0;
      fc.assert(
        fc.property(
          scenarioYamlArb,
          fc.array(actionArb, { minLength: 3, maxLength: 30 }),
          (text, actions) => {
            const { scenario, diagnostics } = loadScenario({ file: 'generated.yaml', text }, catalogue());
            if (scenario === null) {
              refusedFiles++;
              // Only the generator's own slips may stop a file: never a prototype-named id.
              const codes = new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.code));
              expect([...codes].filter((code) => code !== 'duplicate-choice-id')).toEqual([]);
              return;
            }
            playActions(scenario, actions, c, true);
          },
        ),
        fuzzParams(100),
      );
      report('sessions on generated scenarios', { ...c, refusedFiles });
      expect(c.cases).toBeGreaterThan(0);
    },
    fuzzTimeout(60_000),
  );

  it(
    'playPositions returns a run or a typed error naming a node',
    () => {
      const outcomes = new Map<string, number>();
      fc.assert(
        fc.property(scenarioYamlArb, fc.array(positionArb, { maxLength: 20 }), (text, positions) => {
          const { scenario } = loadScenario({ file: 'generated.yaml', text }, catalogue());
          if (scenario === null) return;
          const kind = checkPositions(scenario, positions);
          outcomes.set(kind, (outcomes.get(kind) ?? 0) + 1);
        }),
        fuzzParams(100),
      );
      report('playPositions on generated scenarios', Object.fromEntries(outcomes));
    },
    fuzzTimeout(60_000),
  );
});

/** An analysed run must be what the machine plays and the scorer scores for the same positions. */
function checkSummary(scenario: Scenario, run: RunSummary, modelId: string): void {
  const played = playPositions(scenario, run.positions);
  if (!played.ok) fail(`analysis run ${run.positions.join(',')} does not play: ${played.error.message}`);
  expect(played.run.choices.map((choice) => choice.id)).toEqual(run.choices);
  expect(played.run.path).toEqual(run.path);
  expect(played.run.ending).toEqual(run.ending);
  const model = catalogue().models.get(modelId);
  if (model === undefined) fail(`unknown model ${modelId}`);
  const score = scoreRun(scenario, played.run, model, catalogue());
  expect({ marks: score.score.marks, percent: score.score.percent, band: score.score.band }).toEqual({
    marks: run.marks,
    percent: run.percent,
    band: run.band,
  });
}

describe('analysis fuzz: the bounded reducer agrees with the machine and the scorer', () => {
  it(
    'best and worst runs of generated scenarios replay through playPositions to the same run and score',
    () => {
      let cases = 0;
      let runs = 0;
      let stuckRuns = 0;
      fc.assert(
        fc.property(scenarioYamlArb, (text) => {
          const { scenario } = loadScenario({ file: 'generated.yaml', text }, catalogue());
          if (scenario === null) return;
          const analysis = analyseScenario(scenario, catalogue(), { maxRuns: 2_000, maxSteps: 50_000 });
          stuckRuns += analysis.explored.stuckRuns;
          for (const model of analysis.models) {
            for (const run of [model.best, model.worst]) {
              if (run === null) continue;
              checkSummary(scenario, run, model.model);
              runs++;
            }
            for (const ending of model.endings) {
              if (!(ending.min.percent <= ending.max.percent)) fail(`ending ${ending.node}: min above max`);
              if (!scenario.nodes.has(ending.node)) fail(`ending names no node: ${ending.node}`);
            }
          }
          cases++;
        }),
        fuzzParams(60),
      );
      report('analysis of generated scenarios', { cases, replayedRuns: runs, stuckRuns });
    },
    fuzzTimeout(60_000),
  );

  it(
    'best and worst runs of every shipped scenario replay to the same run and score, and none is stuck',
    () => {
      let runs = 0;
      for (const scenario of shippedScenarios()) {
        const analysis = analyseScenario(scenario, catalogue(), { maxRuns: 2_000, maxSteps: 100_000 });
        expect(analysis.explored.stuckRuns, scenario.file).toBe(0);
        for (const model of analysis.models) {
          for (const run of [model.best, model.worst]) {
            if (run === null) continue;
            checkSummary(scenario, run, model.model);
            runs++;
          }
        }
      }
      report('analysis of shipped scenarios', { replayedRuns: runs });
    },
    fuzzTimeout(60_000),
  );
});
