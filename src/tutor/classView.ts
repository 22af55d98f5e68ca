import { type ReplyReview, replayChoices, reviewReplies, scenarioFingerprint } from '../progress/index.ts';
import type { Catalogue, Choice, Scenario } from '../scenario/index.ts';
import { type Band, scoreRun } from '../scoring/index.ts';
import { type ClassFile, type ClassFiles, type FileProblem, readClassFiles } from './classFiles.ts';
import { rebuildAttempts } from './xapiAttempts.ts';

/**
 * The class view (issue 20): what a class's exported files say, per scenario
 * and model, under the current scoring rules. Definitions in
 * docs/tutor-tools.md, "Class view".
 */

export const BANDS: readonly Band[] = ['Distinction', 'Merit', 'Pass', 'Not yet achieved'];

/** A progress attempt and an xAPI attempt are the same attempt when they agree and finish this close together. */
export const SAME_FINISH_MS = 120_000;

export interface StepView {
  readonly id: string;
  readonly name: string;
  readonly max: number;
  /** Class average marks for the step, to 2 decimal places. */
  readonly average: number;
  /** Attempts that performed the step, and of those how many out of the model's order. */
  readonly performed: number;
  readonly outOfOrder: number;
}

export interface FaultView {
  readonly act: string;
  readonly name: string;
  /** Times the fault was committed over all attempts. */
  readonly count: number;
  /** The replies that commit it, most often chosen first. */
  readonly replies: readonly string[];
}

/** A reply at a fork, as a tutor reads it. */
export interface ReplyText {
  readonly id: string;
  readonly say: string;
}

/** A fork where learners chose a reply whose best reachable result is below the best offered there. */
export interface TeachFork {
  readonly node: string;
  /** The customer's first line at the node. */
  readonly line: string;
  /** Attempts that chose a reply here. */
  readonly reached: number;
  /** Of those, attempts whose reply was weaker than the best offered. */
  readonly weaker: number;
  /** The weaker reply chosen most often, and how often. */
  readonly mostChosen: ReplyText & { readonly count: number };
  /** The reply the analysis finds best here for most of those attempts. */
  readonly best: ReplyText | null;
  /** "At ‘So what can you do?’ 7 of 12 offered less than …": the sentence the view shows. */
  readonly summary: string;
  /** Replies from the start that reach the node (for "Present this fork"), or null if none is found. */
  readonly route: readonly string[] | null;
}

export interface GroupView {
  readonly scenarioId: string;
  readonly title: string;
  readonly model: string;
  readonly modelName: string;
  /** Attempts counted (rescored under the current rules). */
  readonly attempts: number;
  readonly learners: number;
  /** Attempts on an older version of the scenario (another fingerprint, or replies that no longer replay): not counted. */
  readonly olderVersion: number;
  readonly bands: readonly { readonly band: Band; readonly count: number }[];
  readonly steps: readonly StepView[];
  readonly faults: readonly FaultView[];
  /** Ranked: most attempts that chose weaker first. */
  readonly teachNext: readonly TeachFork[];
  /** False when the analysis hit its limits for some attempt (then "best" is the best among the runs explored). */
  readonly exhaustive: boolean;
}

export interface ClassView {
  readonly loaded: readonly string[];
  readonly problems: readonly FileProblem[];
  /** Attempts found in more than one file (or twice in one) and counted once. */
  readonly duplicates: number;
  readonly learners: number;
  readonly attempts: number;
  readonly groups: readonly GroupView[];
  /** Attempts on scenarios or models this library does not have, by scenario id. */
  readonly notInLibrary: readonly { readonly scenarioId: string; readonly count: number }[];
  /** Attempts in statement exports that stop before an ending or do not fit the scenario: not counted. */
  readonly unfinished: number;
}

/** What the class view needs of the library. */
export interface ClassLibrary {
  readonly scenario: (id: string) => Scenario | undefined;
  readonly catalogue: Catalogue;
  /** A route to a node, for presenting a fork (`shortestRoute`); optional so tests may leave it out. */
  readonly routeTo?: (scenario: Scenario, node: string) => readonly string[] | null;
}

/** One attempt to count: who, what, and where it came from. */
interface Candidate {
  readonly learner: string;
  readonly scenarioId: string;
  readonly model: string;
  readonly choices: readonly string[];
  readonly finishedAt: string;
  /** The scenario's fingerprint when played; null for statements (they do not carry it). */
  readonly fingerprint: string | null;
}

/** Reads the files and works out the class view in one go. */
export function classViewOfFiles(files: readonly ClassFile[], library: ClassLibrary): ClassView {
  return classView(readClassFiles(files), library);
}

export function classView(read: ClassFiles, library: ClassLibrary): ClassView {
  const fromFiles: Candidate[] = read.attempts.map(({ learner, attempt }) => ({
    learner,
    scenarioId: attempt.scenarioId,
    model: attempt.model,
    choices: attempt.choices,
    finishedAt: attempt.finishedAt,
    fingerprint: attempt.fingerprint,
  }));
  const notInLibrary = new Map<string, number>();
  const missing = (id: string): void => {
    notInLibrary.set(id, (notInLibrary.get(id) ?? 0) + 1);
  };
  let duplicates = read.duplicates;
  let unfinished = 0;
  const fromStatements: Candidate[] = [];
  for (const trail of read.trails) {
    const scenario = library.scenario(trail.scenarioId);
    if (scenario === undefined) {
      missing(trail.scenarioId);
      continue;
    }
    const rebuilt = rebuildAttempts(scenario, trail.answers);
    unfinished += rebuilt.unfinished + rebuilt.broken;
    for (const attempt of rebuilt.attempts)
      fromStatements.push({
        learner: trail.learner,
        scenarioId: trail.scenarioId,
        model: trail.model,
        choices: attempt.choices,
        finishedAt: attempt.finishedAt,
        fingerprint: null,
      });
  }
  // A learner's export and the LRS can hold the same attempt: same scenario, model and replies, finished together.
  const matched = new Set<Candidate>();
  const candidates = [...fromFiles];
  for (const attempt of fromStatements) {
    const twin = fromFiles.find(
      (other) =>
        !matched.has(other) &&
        other.scenarioId === attempt.scenarioId &&
        other.model === attempt.model &&
        sameList(other.choices, attempt.choices) &&
        Math.abs(Date.parse(other.finishedAt) - Date.parse(attempt.finishedAt)) <= SAME_FINISH_MS,
    );
    if (twin === undefined) candidates.push(attempt);
    else {
      matched.add(twin);
      duplicates++;
    }
  }

  const byGroup = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    const scenario = library.scenario(candidate.scenarioId);
    if (scenario === undefined || !library.catalogue.models.has(candidate.model)) {
      missing(candidate.scenarioId);
      continue;
    }
    const key = `${candidate.scenarioId}\u0000${candidate.model}`;
    const list = byGroup.get(key) ?? [];
    list.push(candidate);
    byGroup.set(key, list);
  }
  const groups: GroupView[] = [];
  for (const list of byGroup.values()) {
    const first = list[0];
    const scenario = first === undefined ? undefined : library.scenario(first.scenarioId);
    if (first === undefined || scenario === undefined) continue;
    groups.push(groupView(scenario, first.model, list, library));
  }
  groups.sort((a, b) => a.title.localeCompare(b.title, 'en-GB') || a.model.localeCompare(b.model, 'en-GB'));
  const learners = new Set(candidates.map((c) => c.learner)).size;
  return {
    loaded: read.loaded,
    problems: read.problems,
    duplicates,
    learners,
    attempts: groups.reduce((sum, group) => sum + group.attempts, 0),
    groups,
    notInLibrary: [...notInLibrary].map(([scenarioId, count]) => ({ scenarioId, count })),
    unfinished,
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

function groupView(
  scenario: Scenario,
  modelId: string,
  list: readonly Candidate[],
  library: ClassLibrary,
): GroupView {
  const { catalogue } = library;
  const model = catalogue.models.get(modelId);
  if (model === undefined) throw new Error(`unknown model '${modelId}'`);
  const print = scenarioFingerprint(scenario);
  const bands = new Map<Band, number>(BANDS.map((band) => [band, 0]));
  const steps = model.steps.map((step) => ({
    id: step.id,
    name: step.name,
    max: 0,
    marks: 0,
    performed: 0,
    outOfOrder: 0,
  }));
  const faults = new Map<string, { count: number; replies: Map<string, number> }>();
  const forks = new Map<string, ForkTally>();
  const reviews = new Map<string, ReplyReview>();
  let olderVersion = 0;
  let exhaustive = true;
  const learners = new Set<string>();
  let counted = 0;
  for (const attempt of list) {
    const replay = replayChoices(scenario, attempt.choices);
    const fits = attempt.fingerprint === null || attempt.fingerprint === print;
    if (!fits || !replay.ok || !replay.ended) {
      olderVersion++;
      continue;
    }
    counted++;
    learners.add(attempt.learner);
    const end = scenario.nodes.get(replay.node);
    const run = {
      choices: replay.steps.map((step) => step.choice),
      path: [...replay.steps.map((step) => step.node), replay.node],
      ending: end?.kind === 'end' ? { node: end.id, outcome: end.end } : null,
    };
    const score = scoreRun(scenario, run, model, catalogue);
    bands.set(score.score.band, (bands.get(score.score.band) ?? 0) + 1);
    for (const [i, step] of score.steps.entries()) {
      const tally = steps[i];
      if (tally === undefined) continue;
      tally.max = step.max;
      tally.marks += step.marks;
      if (step.performed > 0) {
        tally.performed++;
        if (!step.inOrder) tally.outOfOrder++;
      }
    }
    for (const fault of score.faults) {
      const tally = faults.get(fault.act) ?? { count: 0, replies: new Map<string, number>() };
      tally.count++;
      tally.replies.set(fault.choice, (tally.replies.get(fault.choice) ?? 0) + 1);
      faults.set(fault.act, tally);
    }
    const key = attempt.choices.join('\u0000');
    let review = reviews.get(key);
    if (review === undefined) {
      review = reviewReplies(scenario, catalogue, modelId, attempt.choices);
      reviews.set(key, review);
    }
    if (!review.exhaustive) exhaustive = false;
    for (const fork of review.forks) {
      if (!fork.fork) continue;
      const tally = forks.get(fork.node) ?? { reached: 0, weaker: new Map(), best: new Map() };
      tally.reached++;
      if (!fork.chosenIsBest) {
        tally.weaker.set(fork.chosen.id, (tally.weaker.get(fork.chosen.id) ?? 0) + 1);
        if (fork.best !== null) tally.best.set(fork.best.id, (tally.best.get(fork.best.id) ?? 0) + 1);
      }
      forks.set(fork.node, tally);
    }
  }
  const round2 = (n: number): number => Math.round(n * 100) / 100;
  return {
    scenarioId: scenario.id,
    title: scenario.title,
    model: model.id,
    modelName: model.name,
    attempts: counted,
    learners: learners.size,
    olderVersion,
    bands: BANDS.map((band) => ({ band, count: bands.get(band) ?? 0 })),
    steps: steps.map((s) => ({
      id: s.id,
      name: s.name,
      max: s.max,
      average: counted === 0 ? 0 : round2(s.marks / counted),
      performed: s.performed,
      outOfOrder: s.outOfOrder,
    })),
    faults: [...faults]
      .map(([act, tally]) => ({
        act,
        name: catalogue.acts.get(act)?.name ?? act,
        count: tally.count,
        replies: mostFirst(tally.replies).map(([id]) => id),
      }))
      .sort((a, b) => b.count - a.count || a.act.localeCompare(b.act)),
    teachNext: teachForks(scenario, catalogue, forks, library),
    exhaustive,
  };
}

interface ForkTally {
  reached: number;
  /** Weaker replies chosen, by reply id. */
  weaker: Map<string, number>;
  /** The best reply at the fork for those attempts, by reply id. */
  best: Map<string, number>;
}

/** Entries with the highest count first; ties in id order, so the view is the same on every load. */
function mostFirst(counts: ReadonlyMap<string, number>): [string, number][] {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** The first words of a line, for a sentence: whole if short, else cut at a word with an ellipsis. */
export function lineStart(text: string, words = 8): string {
  const parts = text.trim().split(/\s+/);
  return parts.length <= words ? parts.join(' ') : `${parts.slice(0, words).join(' ')}…`;
}

/** What a reply did, in plain words: its first fault's `did`, else its quoted start. */
function whatItDid(choice: Choice, catalogue: Catalogue): string {
  for (const { act } of choice.acts) {
    const known = catalogue.acts.get(act);
    if (known?.fault === true && known.did !== '') return known.did;
  }
  return `chose ‘${lineStart(choice.say)}’`;
}

function teachForks(
  scenario: Scenario,
  catalogue: Catalogue,
  forks: ReadonlyMap<string, ForkTally>,
  library: ClassLibrary,
): TeachFork[] {
  const out: (TeachFork & { share: number })[] = [];
  for (const [node, tally] of forks) {
    const weaker = [...tally.weaker.values()].reduce((sum, n) => sum + n, 0);
    if (weaker === 0) continue;
    const [topId, topCount] = mostFirst(tally.weaker)[0] ?? ['', 0];
    const top = scenario.choices.get(topId);
    if (top === undefined) continue;
    const bestId = mostFirst(tally.best)[0]?.[0];
    const best = bestId === undefined ? undefined : scenario.choices.get(bestId);
    const line = scenario.nodes.get(node)?.customer[0] ?? node;
    const most =
      topCount === weaker
        ? `${whatItDid(top, catalogue)}`
        : `chose a weaker reply: ${topCount} ${whatItDid(top, catalogue)}`;
    const summary = `At ‘${lineStart(line)}’ ${weaker} of ${tally.reached} ${most}${
      best === undefined ? '' : `. The best reply here: ‘${lineStart(best.say, 12)}’`
    }.`;
    out.push({
      node,
      line,
      reached: tally.reached,
      weaker,
      mostChosen: { id: top.id, say: top.say, count: topCount },
      best: best === undefined ? null : { id: best.id, say: best.say },
      summary,
      route: library.routeTo?.(scenario, node) ?? null,
      share: weaker / tally.reached,
    });
  }
  out.sort((a, b) => b.weaker - a.weaker || b.share - a.share || (a.node < b.node ? -1 : 1));
  return out.map(({ share: _share, ...fork }) => fork);
}
