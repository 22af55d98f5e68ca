import { analyseScenario, type EndingRange, type ScenarioAnalysis } from '../analysis/index.ts';
import type { Catalogue, Scenario } from '../scenario/index.ts';
import { type Exploration, type ExploreOptions, exploreRuns, type GamingFinding } from './exploreRuns.ts';
import { type GiveawayReport, giveaways, type StrategyResult } from './giveaways.ts';

/** A place in the scenario file, for the report's lists. */
export interface FileSpot {
  readonly id: string;
  readonly line: number;
}

export interface ModelReport {
  readonly model: string;
  /** Score range of every ending some run reaches, in file order (from the analysis). */
  readonly endings: readonly EndingRange[];
  /** Endings no run reaches under this model; null when the search was cut short (it would be a guess). */
  readonly endingsNeverReached: readonly string[] | null;
  readonly gaming: readonly GamingFinding[];
}

/** What a scenario's author should look at before sharing it (docs/tutor-tools.md, "Author report"). */
export interface AuthorReport {
  readonly scenario: string;
  /** True when every run within the loop bound was explored, so "unreachable" is a fact. */
  readonly exhaustive: boolean;
  readonly note: string;
  /** Nodes no run reaches when `if` conditions are honoured, in file order; null when the search was cut short. */
  readonly unreachable: readonly FileSpot[] | null;
  /** Replies without `feedback`, in file order (node id in `node`). */
  readonly missingFeedback: readonly (FileSpot & { readonly node: string })[];
  readonly models: readonly ModelReport[];
  /**
   * Does the replies' shape give the answer away (the longest, the politest, the only apology)?
   * Null when the search was cut short: which fork is clearly best would be a guess.
   */
  readonly giveaways: GiveawayReport | null;
}

/**
 * The author report: per model the score range of each ending and the gaming
 * paths, plus unreachable nodes and replies without feedback. Pure; runs the
 * analysis and one more pass over every run (`exploreRuns`).
 */
export function authorReport(
  scenario: Scenario,
  catalogue: Catalogue,
  options: ExploreOptions = {},
  done: { readonly analysis?: ScenarioAnalysis; readonly exploration?: Exploration } = {},
): AuthorReport {
  const analysis = done.analysis ?? analyseScenario(scenario, catalogue, options);
  // A scenario too big for the analysis to finish gets a small budget here: the report then says it was cut short.
  const budget =
    analysis.exhaustive || options.maxWork !== undefined ? options : { ...options, maxWork: 200_000 };
  const exploration = done.exploration ?? exploreRuns(scenario, catalogue, budget);
  const unreachable: FileSpot[] = [];
  const missingFeedback: (FileSpot & { node: string })[] = [];
  const endingIds: string[] = [];
  for (const node of scenario.nodes.values()) {
    if (!exploration.reached.has(node.id)) unreachable.push({ id: node.id, line: node.position.line });
    if (node.kind === 'end') endingIds.push(node.id);
    else
      for (const choice of node.choices)
        if (choice.feedback === undefined || choice.feedback.trim() === '')
          missingFeedback.push({ id: choice.id, node: node.id, line: choice.position.line });
  }
  const exhaustive = analysis.exhaustive && exploration.exhaustive;
  return {
    scenario: scenario.id,
    exhaustive,
    note: analysis.note,
    unreachable: exhaustive ? unreachable : null,
    missingFeedback,
    giveaways: exhaustive ? giveaways(scenario, catalogue, exploration) : null,
    models: analysis.models.map((m) => ({
      model: m.model,
      endings: m.endings,
      endingsNeverReached: exhaustive
        ? endingIds.filter((id) => !m.endings.some((e) => e.node === id))
        : null,
      gaming: exploration.gaming.get(m.model) ?? [],
    })),
  };
}

/** One sentence per gaming finding, for the CLI and the map view. */
export function describeGaming(finding: GamingFinding): string {
  const { example } = finding;
  const runs = `${finding.runs.toLocaleString('en-GB')} ${finding.runs === 1 ? 'run' : 'runs'}`;
  const at = `best ${example.percent}% ${example.band}, ending ${example.ending.node}`;
  return finding.kind === 'partial-step'
    ? `${runs} reach Merit or better with ${finding.stepName} only partly done (credit ${example.credit}); ${at}`
    : `${runs} score ${example.percent >= 85 ? 'Distinction-level' : 'Merit-level'} marks without ever doing ${finding.stepName} (capped at Pass); ${at}`;
}

/** The most of a library's clear forks at which the best reply may be the longest, or the only apology. */
export const GIVEAWAY_LIMITS = {
  uniqueLongest: 0.4,
  uniqueShortest: 0.4,
  onlyApology: 0.2,
  onlyWithoutApology: 0.2,
} as const;

const STRATEGY_NAMES = {
  longest: 'Always the longest reply',
  shortest: 'Always the shortest reply',
  politest: 'Always the politest-sounding reply',
  apologising: 'Always the reply that says sorry',
  unapologetic: 'Never the reply that says sorry (the shortest of the rest)',
} as const;

/** The giveaway lines of the author report, for the CLI and the map view. */
export function describeGiveaways(report: GiveawayReport | null): string[] {
  if (report === null)
    return ['Not checked: the search was cut short, so which reply is clearly best would be a guess.'];
  const { forks } = report;
  const share = (count: number): string =>
    forks.length === 0
      ? 'no clear forks'
      : `${count} of ${forks.length} clear forks (${Math.round((100 * count) / forks.length)}%)`;
  const longest = forks.filter((fork) => fork.uniqueLongest);
  const shortest = forks.filter((fork) => fork.uniqueShortest);
  const sorry = forks.filter((fork) => fork.onlyApology);
  const unsorry = forks.filter((fork) => fork.onlyWithoutApology);
  const lines = [
    `The best reply is the longest at ${share(longest.length)}; keep it to ${100 * GIVEAWAY_LIMITS.uniqueLongest}% or less${longest.length > 0 ? `: ${longest.map((f) => `${f.node} (line ${f.line})`).join(', ')}` : ''}.`,
    `The best reply is the shortest at ${share(shortest.length)}; keep it to ${100 * GIVEAWAY_LIMITS.uniqueShortest}% or less too${shortest.length > 0 ? `: ${shortest.map((f) => `${f.node} (line ${f.line})`).join(', ')}` : ''}.`,
    `The best reply is the only one that says sorry at ${share(sorry.length)}; keep it to ${100 * GIVEAWAY_LIMITS.onlyApology}% or less${sorry.length > 0 ? `: ${sorry.map((f) => `${f.node} (line ${f.line})`).join(', ')}` : ''}.`,

    `The best reply is the only one that does not say sorry at ${share(unsorry.length)}; keep it to ${100 * GIVEAWAY_LIMITS.onlyWithoutApology}% or less${unsorry.length > 0 ? `: ${unsorry.map((f) => `${f.node} (line ${f.line})`).join(', ')}` : ''}.`,
  ];
  const byStrategy = new Map<string, StrategyResult[]>();
  for (const result of report.strategies) {
    const list = byStrategy.get(result.strategy) ?? [];
    list.push(result);
    byStrategy.set(result.strategy, list);
  }
  for (const [strategy, results] of byStrategy) {
    const wins = results.some((r) => r.band === 'Distinction');
    const scores = results.map((r) => `${r.model} ${r.percent}% ${r.band}`).join(', ');
    lines.push(
      `${STRATEGY_NAMES[strategy as keyof typeof STRATEGY_NAMES]}: ${scores}${wins ? ' — gives the answer away: no shortcut should reach Distinction' : ''}.`,
    );
  }
  return lines;
}
