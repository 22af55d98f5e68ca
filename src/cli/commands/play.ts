import { type ParseArgsConfig, parseArgs } from 'node:util';
import { type ConversationView, playPositions } from '../../engine/index.ts';
import { type Catalogue, formatDiagnostic, type Model, type Scenario } from '../../scenario/index.ts';
import { explainFaults, explainSteps, type RunScore, scoreRun } from '../../scoring/index.ts';
import { readCatalogue, readScenarioFile } from '../files.ts';
import { type Command, type Io, UsageError } from '../io.ts';

const SHOWN_ERRORS = 5;

/** Parses a command's options with `node:util`, turning its errors into one-line usage errors. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  args: readonly string[],
  options: T,
) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's message goes on to advise about '--'; the first sentence is the useful part.
    const message = error instanceof Error ? /^[^.]*\.?/.exec(error.message)?.[0] : undefined;
    throw new UsageError(message ?? 'bad arguments.');
  }
}

/**
 * Reads the catalogue and one scenario file for a command, or throws a usage
 * error that lists the file's errors (a broken file is never played).
 */
export function loadScenarioForCommand(
  file: string | undefined,
  io: Io,
): { scenario: Scenario; catalogue: Catalogue } {
  if (file === undefined)
    throw new UsageError('give the scenario file to use, e.g. scenarios/faulty-kettle.yaml.');
  const { catalogue, diagnostics: catalogueProblems } = readCatalogue(io.cwd);
  const catalogueErrors = catalogueProblems.filter((d) => d.severity === 'error');
  if (catalogueErrors.length > 0) {
    throw new UsageError(
      `the acts and models in models/ have errors; fix them first:\n${catalogueErrors.slice(0, SHOWN_ERRORS).map(formatDiagnostic).join('\n')}`,
    );
  }
  const { scenario, diagnostics } = readScenarioFile(file, catalogue, io.cwd);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const [unreadable] = errors;
  if (errors.length === 1 && unreadable?.code === 'unreadable') {
    throw new UsageError(`cannot read ${unreadable.file}: ${unreadable.message}`);
  }
  if (scenario === null || errors.length > 0) {
    const more =
      errors.length > SHOWN_ERRORS
        ? `\n…and ${errors.length - SHOWN_ERRORS} more (run sim validate ${file})`
        : '';
    const count = errors.length === 1 ? '1 error' : `${errors.length} errors`;
    throw new UsageError(
      `${file} has ${count}, so it cannot be used until they are fixed:\n${errors.slice(0, SHOWN_ERRORS).map(formatDiagnostic).join('\n')}${more}`,
    );
  }
  return { scenario, catalogue };
}

/** The named model, or a usage error listing the known ones. */
export function modelFor(catalogue: Catalogue, id: string | undefined): Model {
  const known = [...catalogue.models.keys()].join(', ');
  if (id === undefined) throw new UsageError(`give a model with --model (one of: ${known}).`);
  const model = catalogue.models.get(id) ?? catalogue.models.get(id.toUpperCase());
  if (model === undefined) throw new UsageError(`unknown model '${id}'. Known models: ${known}.`);
  return model;
}

function parsePositions(text: string | undefined): number[] {
  if (text === undefined) {
    throw new UsageError(
      'give the replies to choose with --choices, e.g. --choices 2,1,1,1 (positions counted from 1).',
    );
  }
  const parts = text.split(',').map((part) => part.trim());
  if (parts.some((part) => !/^[1-9]\d*$/.test(part))) {
    throw new UsageError(
      `--choices must be whole numbers from 1, separated by commas (e.g. 2,1,1,1), not '${text}'.`,
    );
  }
  return parts.map(Number);
}

/** `sim play FILE --model ID --choices 1,2,1 [--json]`: plays the positions through the machine and scores the run. */
export const play: Command = async (args, io) => {
  const { values, positionals } = parseCommandArgs(args, {
    model: { type: 'string' },
    choices: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length > 1) throw new UsageError(`give one scenario file, not ${positionals.length}.`);
  const positions = parsePositions(values.choices);
  const { scenario, catalogue } = loadScenarioForCommand(positionals[0], io);
  const model = modelFor(catalogue, values.model);
  const result = playPositions(scenario, positions);
  if (!result.ok) throw new UsageError(`${positionals[0]}: ${result.error.message}`);
  const score = scoreRun(scenario, result.run, model, catalogue);
  io.out(
    values.json === true
      ? JSON.stringify(score, null, 2)
      : formatReport(score, model, catalogue, result.view),
  );
  return 0;
};

const mark = (n: number): string => String(Number(n.toFixed(2)));

/** The scored run for a person: replies, steps, order feedback, faults, score, KPIs, marking points. */
function formatReport(score: RunScore, model: Model, catalogue: Catalogue, view: ConversationView): string {
  const { scenario } = view;
  const lines: string[] = [];
  lines.push(`${scenario.title} (${scenario.id}), scored against ${model.name}: ${model.summary}`);
  const ending = score.ending === null ? 'not finished' : `${score.ending.node}, ${score.ending.outcome}`;
  lines.push(`Path: ${score.path.join(' → ')} (${ending})`, '');

  lines.push('Replies');
  for (const [i, entry] of view.transcript.entries()) {
    const acts = entry.choice.acts
      .map(({ act, credit }) => (credit < 1 ? `${act} ×${credit}` : act))
      .join(', ');
    lines.push(
      `  ${i + 1}. ${entry.choice.id} (reply ${entry.offeredPosition} offered): “${entry.choice.say}”`,
      `     acts: ${acts === '' ? 'none' : acts}; mood ${entry.moodBefore} → ${entry.moodAfter}`,
    );
  }

  lines.push('', 'Steps');
  const width = Math.max(...score.steps.map((step) => step.name.length));
  for (const step of score.steps) {
    const tick = step.marks === step.max ? '✓' : '✗';
    const detail =
      step.first === null
        ? 'never performed'
        : `${step.performed < 1 ? `partly performed (${mark(step.performed)})` : 'performed'} at reply ${step.first}, ${step.inOrder ? 'in order' : 'out of order'}`;
    const marks = `${mark(step.marks)}/${step.max}`.padEnd(6);
    lines.push(`  ${tick} ${step.name.padEnd(width)}  ${marks} ${detail}`);
  }
  const feedback = explainSteps(score, model).filter((line) => !line.endsWith('at the right point.'));
  if (feedback.length > 0) {
    lines.push('', 'Feedback');
    for (const line of feedback) lines.push(`  ${line}`);
  }

  lines.push('', 'Faults');
  if (score.faults.length === 0) lines.push('  none');
  const replies = new Map(view.transcript.map((entry) => [entry.choice.id, entry.choice.say]));
  for (const [i, line] of explainFaults(score, catalogue).entries()) {
    const say = replies.get(score.faults[i]?.choice ?? '');
    lines.push(`  ✗ ${line}`);
    if (say !== undefined) lines.push(`    “${say}”`);
  }

  const { marks, max, percent, band } = score.score;
  const { csat, npsScore, nps, fcr } = score.kpis;
  lines.push(
    '',
    `Score: ${mark(marks)} out of ${max} = ${percent}%, ${band}`,
    `Mood: ${score.mood.start} → ${score.mood.end}`,
    `KPIs: CSAT ${csat}/5 · NPS ${npsScore}/10 (${nps}) · first-contact resolution: ${fcr ? 'yes' : 'no'}`,
  );
  if (score.marking.length > 0) {
    lines.push('', 'Marking points');
    for (const point of score.marking) lines.push(`  ${point.met ? '✓ met   ' : '✗ missed'}  ${point.text}`);
  }
  return lines.join('\n');
}
