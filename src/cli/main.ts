/** Entry point of the `sim` command: `npm run --silent sim -- <command> ...`. */
import process from 'node:process';
import type { Io } from './io.ts';
import { printable } from './printable.ts';
import { runCli } from './runCli.ts';

const io: Io = {
  out: (text) => process.stdout.write(`${printable(text)}\n`),
  err: (text) => process.stderr.write(`${printable(text)}\n`),
  cwd: process.cwd(),
};

process.exitCode = await runCli(process.argv.slice(2), io);
