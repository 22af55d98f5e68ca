import path from 'node:path';
import { NOT_VERIFIED, readInScenario, scenarioCues } from '../../reading/index.ts';
import { formatDiagnostic } from '../../scenario/index.ts';
import { loadScenarioForCommand, parseCommandArgs } from '../commandHelpers.ts';
import { readCues } from '../files.ts';
import { type Command, UsageError } from '../io.ts';

/**
 * `sim acts [--cues FILE] [--scenario FILE]`: one reply per line on standard
 * input → one JSON object per line, `{"text": …, "acts": [{"act": …,
 * "evidence": …}]}`, read by the same analyser the game uses. Each line is
 * answered as it is typed. With `--scenario`, the scenario's own cues
 * (`reading:`) are added, and each line is read as the first reply of a run:
 * nobody verified yet, so stating a listed detail reads as `disclose`.
 */
export const acts: Command = async (args, io) => {
  const { values, positionals } = parseCommandArgs(args, {
    cues: { type: 'string' },
    scenario: { type: 'string' },
    offsets: { type: 'boolean' },
  });
  if (positionals.length > 0)
    throw new UsageError(
      `sim acts reads replies from standard input, one a line, not '${positionals[0]}': try  echo "I'm so sorry" | npm run --silent sim -- acts`,
    );
  const file = values.cues === undefined ? undefined : path.resolve(io.cwd, values.cues);
  const { cues, diagnostics } = readCues(io.cwd, file);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    for (const d of errors) io.err(formatDiagnostic(d));
    throw new UsageError(
      `the cues have ${errors.length === 1 ? '1 error' : `${errors.length} errors`}; fix them first.`,
    );
  }
  const scenario =
    values.scenario === undefined ? undefined : loadScenarioForCommand(values.scenario, io).scenario;
  const withScenario = scenarioCues(cues, scenario?.reading);
  if (io.lines === undefined) throw new UsageError('there is no standard input to read replies from.');
  for await (const line of io.lines) {
    const text = line.replace(/\r$/, '');
    if (text.trim() === '') continue;
    const found = readInScenario(text, withScenario, NOT_VERIFIED).acts.map((a) => ({
      act: a.act,
      evidence: a.evidence,
      ...(values.offsets === true ? { start: a.start, end: a.end } : {}),
      ...(a.confidence === 'tutor' ? { check: 'tutor' } : {}),
    }));
    io.out(JSON.stringify({ text, acts: found }));
  }
  return 0;
};
