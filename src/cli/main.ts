/** Entry point of the `sim` command: `npm run --silent sim -- <command> ...`. */
import process from 'node:process';
import type { Io } from './io.ts';
import { runCli } from './runCli.ts';

const io: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  cwd: process.cwd(),
};

process.exitCode = await runCli(process.argv.slice(2), io);
