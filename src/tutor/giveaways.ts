import { isBetter, type ScoreBound } from '../analysis/index.ts';
import { nextMood, offeredChoices } from '../engine/index.ts';
import type { Catalogue, Choice, Outcome, Scenario } from '../scenario/index.ts';
import { type Band, scoreRun } from '../scoring/index.ts';
import type { Exploration } from './exploreRuns.ts';

/**
 * "Does the shape give the answer away?" A learner who wants the marks without
 * learning picks the longest reply, the politest-sounding one, or the one that
 * says sorry. This measures, for the author report, how often that works.
 */

/** A fork where one reply is clearly best: its best reachable result beats every other reply's under every recommended model. */
export interface ClearFork {
  readonly node: string;
  readonly line: number;
  /** The clearly best reply's id. */
  readonly best: string;
  /** The best reply has more words than every other reply offered there. */
  readonly uniqueLongest: boolean;
  /** The best reply has fewer words than every other reply offered there (the opposite giveaway). */
  readonly uniqueShortest: boolean;
  /** The best reply is the only one at the fork that says sorry. */
  readonly onlyApology: boolean;
  /** The best reply is the only one at the fork that does not say sorry (every wrong one apologises). */
  readonly onlyWithoutApology: boolean;
}

/** How a run of one learner strategy ends under one model. */
export interface StrategyResult {
  readonly strategy: Strategy;
  readonly model: string;
  readonly choices: readonly string[];
  readonly ending: Outcome | null;
  readonly percent: number;
  readonly band: Band;
}

export type Strategy = 'longest' | 'shortest' | 'politest' | 'apologising' | 'unapologetic';
export const STRATEGIES: readonly Strategy[] = [
  'longest',
  'shortest',
  'politest',
  'apologising',
  'unapologetic',
];

export interface GiveawayReport {
  readonly forks: readonly ClearFork[];
  readonly strategies: readonly StrategyResult[];
}

/** Words of a reply, as a reader counts them. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

const SORRY = /\b(sorry|apologi[sz]e[sd]?|apologies|apology)\b/i;
/** Says sorry in so many words ("I'm sorry", "apologies"), whatever the act it is tagged with. */
export function saysSorry(text: string): boolean {
  return SORRY.test(text);
}

const COURTESY =
  /\b(sorry|apologi\w*|please|thank\w*|understand\w*|appreciate\w*|of course|happy to|glad to|certainly|absolutely|completely|really|kindly|frustrat\w*|I'm afraid)\b/gi;
/** How polite a reply sounds to someone skimming it: the courtesy words it uses. */
export function courtesy(text: string): number {
  return text.match(COURTESY)?.length ?? 0;
}

/** What a strategy looks at first, then next: the larger wins. */
function strategyKey(strategy: Strategy, choice: Choice): readonly number[] {
  const words = wordCount(choice.say);
  if (strategy === 'longest') return [words, choice.say.length];
  if (strategy === 'shortest') return [-words, -choice.say.length];
  if (strategy === 'politest') return [courtesy(choice.say), words, choice.say.length];
  if (strategy === 'unapologetic') return [saysSorry(choice.say) ? 0 : 1, -words, -choice.say.length];
  return [saysSorry(choice.say) ? 1 : 0, words, choice.say.length];
}

/** a > b, comparing entry by entry. */
function greater(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] ?? 0) > (b[i] ?? 0);
  return false;
}

/** The reply a strategy picks among those offered; ties go to the longer text (the shorter, for `shortest`), then file order. */
export function pickFor(strategy: Strategy, offered: readonly Choice[]): Choice | undefined {
  let best: Choice | undefined;
  let bestKey: readonly number[] = [];
  for (const choice of offered) {
    const key = strategyKey(strategy, choice);
    if (best === undefined || greater(key, bestKey)) {
      best = choice;
      bestKey = key;
    }
  }
  return best;
}

/** Plays one strategy from the start to an ending (or until it loops past `maxReplies`). */
export function playStrategy(
  scenario: Scenario,
  strategy: Strategy,
  maxReplies = 200,
): { choices: Choice[]; path: string[]; ending: { node: string; outcome: Outcome } | null } {
  const choices: Choice[] = [];
  const path = [scenario.start];
  const performed = new Set<string>();
  let mood = scenario.customer.mood;
  let node = scenario.start;
  for (let i = 0; i < maxReplies; i++) {
    const here = scenario.nodes.get(node);
    if (here === undefined) break;
    if (here.kind === 'end') return { choices, path, ending: { node, outcome: here.end } };
    const choice = pickFor(strategy, offeredChoices(scenario, node, { mood, performed }));
    if (choice === undefined) break;
    choices.push(choice);
    for (const { act } of choice.acts) performed.add(act);
    mood = nextMood(mood, choice.mood);
    node = choice.to;
    path.push(node);
  }
  const last = scenario.nodes.get(node);
  return { choices, path, ending: last?.kind === 'end' ? { node, outcome: last.end } : null };
}

/**
 * The clear forks (from the exploration's best result per reply) and what each
 * strategy scores under each recommended model.
 */
export function giveaways(
  scenario: Scenario,
  catalogue: Catalogue,
  exploration: Exploration,
): GiveawayReport {
  const models = scenario.models.filter((id) => catalogue.models.has(id) && exploration.models.includes(id));
  const forks: ClearFork[] = [];
  for (const node of scenario.nodes.values()) {
    if (node.kind !== 'choices' || node.choices.length < 2 || models.length === 0) continue;
    let clear: Choice | null = null;
    for (const model of models) {
      const ranked = node.choices.map((choice) => ({
        choice,
        best: exploration.replies.get(choice.id)?.get(model)?.best ?? null,
      }));
      const top = ranked.filter(
        (r) =>
          r.best !== null &&
          ranked.every((o) => o === r || o.best === null || isBetter(r.best as ScoreBound, o.best)),
      );
      const winner = top.length === 1 ? (top[0]?.choice ?? null) : null;
      if (winner === null || (clear !== null && clear !== winner)) {
        clear = null;
        break;
      }
      clear = winner;
    }
    if (clear === null) continue;
    const best = clear;
    const others = node.choices.filter((choice) => choice !== best);
    forks.push({
      node: node.id,
      line: node.position.line,
      best: best.id,
      uniqueLongest: others.every((other) => wordCount(other.say) < wordCount(best.say)),
      uniqueShortest: others.every((other) => wordCount(other.say) > wordCount(best.say)),
      onlyApology: saysSorry(best.say) && others.every((other) => !saysSorry(other.say)),
      onlyWithoutApology: !saysSorry(best.say) && others.every((other) => saysSorry(other.say)),
    });
  }
  const strategies: StrategyResult[] = [];
  for (const strategy of STRATEGIES) {
    const run = playStrategy(scenario, strategy);
    for (const id of models) {
      const model = catalogue.models.get(id);
      if (model === undefined) continue;
      const score = scoreRun(scenario, run, model, catalogue);
      strategies.push({
        strategy,
        model: id,
        choices: run.choices.map((choice) => choice.id),
        ending: run.ending?.outcome ?? null,
        percent: score.score.percent,
        band: score.score.band,
      });
    }
  }
  return { forks, strategies };
}
