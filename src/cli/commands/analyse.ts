import {
  type AnalysisOptions,
  analyseScenario,
  type ModelAnalysis,
  type RunSummary,
  type ScenarioAnalysis,
  type ScoreBound,
} from '../../analysis/index.ts';
import type { Catalogue, Scenario } from '../../scenario/index.ts';
import { type AuthorReport, authorReport, describeGaming, describeGiveaways } from '../../tutor/index.ts';
import { loadScenarioForCommand, modelFor, parseCommandArgs } from '../commandHelpers.ts';
import { type Command, UsageError } from '../io.ts';

const SHOWN_POSITIONS = 40;

function wholeNumber(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(text)) throw new UsageError(`${flag} must be a whole number from 1, not '${text}'.`);
  return Number(text);
}

/**
 * `sim analyse FILE [--model ID] [--json] [--visits N] [--max-runs N] [--max-file-mb N]`:
 * every run within the bounds, per model: best and worst runs, outcomes,
 * score range per ending, whether Distinction is reachable.
 */
export const analyse: Command = async (args, io) => {
  const { values, positionals } = parseCommandArgs(args, {
    model: { type: 'string' },
    json: { type: 'boolean' },
    visits: { type: 'string' },
    'max-runs': { type: 'string' },
    'max-file-mb': { type: 'string' },
  });
  if (positionals.length > 1) throw new UsageError(`give one scenario file, not ${positionals.length}.`);
  const visitsPerNode = wholeNumber('--visits', values.visits);
  const maxRuns = wholeNumber('--max-runs', values['max-runs']);
  // A generated graph may be far bigger than any tutor's file; --max-file-mb lets the analysis read it.
  const maxFileMb = wholeNumber('--max-file-mb', values['max-file-mb']);
  const { scenario, catalogue } = loadScenarioForCommand(
    positionals[0],
    io,
    maxFileMb === undefined ? {} : { maxBytes: maxFileMb * 1024 * 1024 },
  );
  const models = values.model === undefined ? undefined : [modelFor(catalogue, values.model).id];
  const options: AnalysisOptions = {
    ...(models === undefined ? {} : { models }),
    ...(visitsPerNode === undefined ? {} : { visitsPerNode }),
    ...(maxRuns === undefined ? {} : { maxRuns }),
  };
  const analysis = analyseScenario(scenario, catalogue, options);
  // The author report (src/tutor) adds a section: unreachable nodes, replies without feedback, gaming paths.
  const report = authorReport(scenario, catalogue, options, { analysis });
  io.out(
    values.json === true
      ? JSON.stringify({ ...analysis, report }, null, 2)
      : `${formatAnalysis(analysis, scenario, catalogue)}\n\n${formatReport(report)}`,
  );
  return 0;
};

function formatAnalysis(analysis: ScenarioAnalysis, scenario: Scenario, catalogue: Catalogue): string {
  const lines = [`Analysis of ${scenario.title} (${scenario.id})`, analysis.note];
  const { stuckRuns, loopCutRuns } = analysis.explored;
  if (stuckRuns > 0) {
    lines.push(
      `${stuckRuns} ${stuckRuns === 1 ? 'run reaches' : 'runs reach'} a node where no reply is offered (every \`if\` fails): the customer would be stuck.`,
    );
  }
  if (loopCutRuns > 0)
    lines.push(`${loopCutRuns} ${loopCutRuns === 1 ? 'run was' : 'runs were'} cut by the loop bound.`);
  for (const result of analysis.models) {
    const model = catalogue.models.get(result.model);
    lines.push('', `${result.model}${model === undefined ? '' : `: ${model.summary}`}`);
    lines.push(...formatModel(result));
  }
  return lines.join('\n');
}

function formatRun(run: RunSummary | null): string {
  if (run === null) return 'none (no run reaches an ending)';
  const shown = run.positions.slice(0, SHOWN_POSITIONS).join(',');
  const more = run.positions.length > SHOWN_POSITIONS ? `,… (${run.positions.length} replies)` : '';
  return `${run.percent}% ${run.band}, ending ${run.ending.node} (${run.ending.outcome}): --choices ${shown}${more}`;
}

const bound = (b: ScoreBound): string => `${b.percent}% ${b.band}`;

function formatModel(result: ModelAnalysis): string[] {
  const lines = [
    `  Complete runs: ${result.runs.toLocaleString('en-GB')}`,
    `  Best:  ${formatRun(result.best)}`,
    `  Worst: ${formatRun(result.worst)}`,
    `  Outcomes reached: ${result.outcomes.length === 0 ? 'none' : result.outcomes.join(', ')}`,
    `  Distinction reachable: ${result.distinctionReachable ? 'yes' : 'no'}`,
  ];
  if (result.endings.length === 0) return lines;
  const rows = result.endings.map((e) => [
    e.node,
    e.outcome,
    e.runs.toLocaleString('en-GB'),
    bound(e.min),
    bound(e.max),
  ]);
  const header = ['Ending', 'Outcome', 'Runs', 'Lowest', 'Highest'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const format = (row: string[]) =>
    `  ${row
      .map((cell, i) => (i === 2 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd()}`;
  lines.push('', format(header), ...rows.map(format));
  return lines;
}

/** The author report section (docs/tutor-tools.md): what to fix or check before sharing the scenario. */
function formatReport(report: AuthorReport): string {
  const lines = ['Author report'];
  if (!report.exhaustive) lines.push('  (The search was cut short: these lists may be incomplete.)');
  lines.push(
    report.unreachable === null
      ? '  Unreachable nodes: not checked (the search was cut short)'
      : report.unreachable.length === 0
        ? '  Unreachable nodes: none'
        : `  Unreachable nodes (no run gets there, \`if\` conditions honoured): ${report.unreachable.map((n) => `${n.id} (line ${n.line})`).join(', ')}`,
  );
  lines.push(
    report.missingFeedback.length === 0
      ? '  Replies without feedback: none'
      : `  Replies without feedback: ${report.missingFeedback.map((c) => `${c.id} (line ${c.line})`).join(', ')}`,
  );
  for (const model of report.models) {
    lines.push(`  ${model.model}:`);
    for (const e of model.endings)
      lines.push(`    Ending ${e.node} (${e.outcome}): ${bound(e.min)} to ${bound(e.max)}`);
    for (const id of model.endingsNeverReached ?? []) lines.push(`    Ending ${id}: never reached`);
    if (model.gaming.length === 0) lines.push('    Gaming paths: none');
    for (const finding of model.gaming)
      lines.push(
        `    Gaming path: ${describeGaming(finding)}: --choices ${finding.example.positions.slice(0, SHOWN_POSITIONS).join(',')}`,
      );
  }
  lines.push('  Giveaways (can a learner win by the shape of a reply, not its substance?):');
  for (const line of describeGiveaways(report.giveaways)) lines.push(`    ${line}`);
  return lines.join('\n');
}
