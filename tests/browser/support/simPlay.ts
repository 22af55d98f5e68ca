import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { RunScore } from '../../../src/scoring/index.ts';

const root = resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);

/**
 * What `sim play FILE --model ID --choices ... --json` prints: the CLI's
 * score, which the browser must show for the same choices. Runs tsx directly
 * (no npm in between) so that many calls stay quick inside browser tests.
 */
export async function simPlay(
  choices: readonly number[],
  { file = 'scenarios/faulty-kettle.yaml', model = 'LASS' }: { file?: string; model?: string } = {},
): Promise<RunScore> {
  const { stdout } = await run(
    resolve(root, 'node_modules/.bin/tsx'),
    ['src/cli/main.ts', 'play', file, '--model', model, '--choices', choices.join(','), '--json'],
    { cwd: root },
  );
  return JSON.parse(stdout) as RunScore;
}
