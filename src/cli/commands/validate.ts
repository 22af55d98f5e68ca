import { type Command, UsageError } from '../io.ts';

/** Placeholder until the command lands: says so instead of failing obscurely. */
export const validate: Command = async () => {
  throw new UsageError('this command is not available yet.');
};
