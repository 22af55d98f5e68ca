/**
 * Dispatches `sim <command> ...` to commands/<name>.ts and makes sure a
 * tutor never sees a stack trace. Tests call `runCli` with a recording `Io`.
 */
import { type Command, type Io, UsageError } from './io.ts';

const COMMANDS: Record<string, () => Promise<Command>> = {
  validate: async () => (await import('./commands/validate.ts')).validate,
  play: async () => (await import('./commands/play.ts')).play,
  analyse: async () => (await import('./commands/analyse.ts')).analyse,
  graph: async () => (await import('./commands/graph.ts')).graph,
  acts: async () => (await import('./commands/acts.ts')).acts,
};

const USAGE = `Usage: npm run --silent sim -- <command> [options]

Commands:
  validate [FILE|DIR ...]                      check scenario files (default: scenarios/)
  play FILE --model ID --choices 1,2,1 [--json] play a run and score it
  analyse FILE [--model ID] [--json]           explore every path: best, worst, score range per ending
  graph FILE                                   print a Mermaid flowchart of the scenario
  acts [--cues FILE] [--offsets]               read replies from standard input, one a line, into acts (JSON lines)
       [--scenario FILE]                       ...adding the scenario's own cues, read as before verify`;

export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name === undefined ? 1 : 0;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (load === undefined) {
    io.err(`sim: unknown command '${name}'. Try one of: ${Object.keys(COMMANDS).join(', ')}.`);
    return 1;
  }
  try {
    return await (await load())(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`sim ${name}: ${error.message}`);
      return 1;
    }
    // A bug of ours, not the tutor's: say so plainly, without a stack trace.
    const message = error instanceof Error ? error.message : String(error);
    io.err(`sim ${name}: internal error: ${message}. Please report this with the file you used.`);
    return 2;
  }
}
