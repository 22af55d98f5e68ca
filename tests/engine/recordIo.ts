/** A recording `Io` for running `sim` commands in-process. */
import type { Io } from '../../src/cli/io.ts';
import { REPO } from './runSim.ts';

export interface RecordedIo extends Io {
  readonly stdout: string[];
  readonly stderr: string[];
}

export function recordIo(cwd: string = REPO): RecordedIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { cwd, stdout, stderr, out: (text) => stdout.push(text), err: (text) => stderr.push(text) };
}
