/** Entry point of the `sim` command: `npm run --silent sim -- <command> ...`. */
import process from 'node:process';
import { createInterface } from 'node:readline';
import type { Io } from './io.ts';
import { printable } from './printable.ts';
import { runCli } from './runCli.ts';

const io: Io = {
  out: (text) => process.stdout.write(`${printable(text)}\n`),
  err: (text) => process.stderr.write(`${printable(text)}\n`),
  cwd: process.cwd(),
  // Made only when a command reads it, so other commands never hold standard input open.
  get lines() {
    return createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  },
};

process.exitCode = await runCli(process.argv.slice(2), io);
