import { type ConversationView, playPositions } from '../../engine/index.ts';
import type { Catalogue, Model } from '../../scenario/index.ts';
import {
  describeLimit,
  explainFaults,
  explainSteps,
  limitReasons,
  type RunScore,
  scoreRun,
} from '../../scoring/index.ts';
import { loadScenarioForCommand, modelFor, parseCommandArgs } from '../commandHelpers.ts';
import { type Command, UsageError } from '../io.ts';

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
  lines.push('', `Score: ${mark(marks)} out of ${max} = ${percent}%, ${band}`);
  for (const reason of limitReasons(score, catalogue)) {
    const how = reason.lowered
      ? `at most ${reason.atMost}`
      : `at most ${reason.atMost}; the percent was already lower`;
    lines.push(`  ${reason.limit} (${how}): ${describeLimit(reason, score, scenario, model, catalogue)}`);
  }
  lines.push(
    `Mood: ${score.mood.start} → ${score.mood.end}`,
    `KPIs: CSAT ${csat}/5 · NPS ${npsScore}/10 (${nps}) · first-contact resolution: ${fcr ? 'yes' : 'no'}`,
  );
  if (score.marking.length > 0) {
    lines.push('', 'Marking points');
    for (const point of score.marking) {
      lines.push(
        `  ${point.met ? '✓ met   ' : '✗ missed'}  ${point.text}${point.essential ? ' (essential)' : ''}`,
      );
    }
  }
  return lines.join('\n');
}
