/** Where a command writes. Tests pass a recorder; `main.ts` passes the real streams. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** The folder relative paths are resolved against. */
  readonly cwd: string;
  /** Standard input, one line at a time, as it is typed (commands that read replies: `sim acts`). */
  readonly lines?: AsyncIterable<string>;
}

/** A `sim` subcommand: takes its own arguments, returns the exit status. */
export type Command = (args: readonly string[], io: Io) => Promise<number>;

/** A mistake in how the command was called: printed as one line, exit 1, never a stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
