/** Runs the real `sim` command as a tutor types it, from the repository root. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** Spawning npm and tsx takes seconds on a busy machine: tests that spawn get this long. */
export const SPAWN_TIMEOUT = 60_000;

export interface SimResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `npm run --silent sim -- ...args`, resolved with the exit code and both streams. */
export function sim(...args: string[]): Promise<SimResult> {
  return new Promise((resolve) => {
    execFile('npm', ['run', '--silent', 'sim', '--', ...args], { cwd: REPO }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, stdout, stderr });
    });
  });
}
