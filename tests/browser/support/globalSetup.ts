/**
 * Builds the app twice (the real library, and one over a fixture folder with a
 * broken file) into test-results/build/, serves each with `vite preview` on a
 * free port, and hands the addresses to the tests through `inject`.
 * Each run builds into its own folder (several people may run the suite in one
 * working tree at once) and removes it afterwards; SIM_BROWSER_REUSE_BUILD=1
 * builds into test-results/build/shared and keeps it, to iterate on tests
 * quickly, and builds it again when what the build reads has changed (a kept
 * build of older source once made seven tests time out after a merge).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { build, type PreviewServer, preview } from 'vite';
import type { TestProject } from 'vitest/node';

const root = resolve(import.meta.dirname, '../../..');
const reuse = process.env.SIM_BROWSER_REUSE_BUILD === '1';
const buildRoot = resolve(root, 'test-results/build', reuse ? 'shared' : `run-${process.pid}`);
const BUILDS = {
  app: { outDir: resolve(buildRoot, 'app'), scenarios: undefined },
  broken: {
    outDir: resolve(buildRoot, 'broken-library'),
    scenarios: 'tests/browser/fixtures/broken-library',
  },
} as const;

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
    brokenAppUrl: string;
    /** The folder the app was built into (the budget test measures it: tests/browser/budget.browser.test.ts). */
    appDist: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/** What a build reads (the page, its source, art, library, config and locked dependencies), hashed. */
function inputsHash(scenarios: string | undefined): string {
  const hash = createHash('sha256');
  const add = (path: string): void => {
    const full = resolve(root, path);
    if (!existsSync(full)) return;
    const files = statSync(full).isDirectory()
      ? readdirSync(full, { withFileTypes: true, recursive: true })
          .filter((entry) => entry.isFile())
          .map((entry) => join(entry.parentPath, entry.name))
          .sort()
      : [full];
    for (const file of files) {
      hash.update(file);
      hash.update(readFileSync(file));
    }
  };
  for (const path of ['index.html', 'vite.config.ts', 'package-lock.json', 'src', 'assets', 'models'])
    add(path);
  add(scenarios ?? 'scenarios');
  return hash.digest('hex');
}

async function buildInto(outDir: string, scenarios: string | undefined): Promise<void> {
  // Beside the build, not in it: the build empties its folder.
  const stamp = `${outDir}.inputs`;
  const inputs = reuse ? inputsHash(scenarios) : '';
  if (
    reuse &&
    existsSync(resolve(outDir, 'index.html')) &&
    existsSync(stamp) &&
    readFileSync(stamp, 'utf8') === inputs
  )
    return;
  const previous = process.env.SIM_SCENARIOS_DIR;
  if (scenarios === undefined) delete process.env.SIM_SCENARIOS_DIR;
  else process.env.SIM_SCENARIOS_DIR = scenarios;
  try {
    await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    if (reuse) writeFileSync(stamp, inputs);
  } finally {
    if (previous === undefined) delete process.env.SIM_SCENARIOS_DIR;
    else process.env.SIM_SCENARIOS_DIR = previous;
  }
}

async function serve(outDir: string): Promise<PreviewServer> {
  const port = await freePort();
  return preview({
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
}

function urlOf(server: PreviewServer): string {
  const url = server.resolvedUrls?.local[0];
  if (url === undefined) throw new Error('vite preview did not report its address');
  return url;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await buildInto(BUILDS.app.outDir, BUILDS.app.scenarios);
  await buildInto(BUILDS.broken.outDir, BUILDS.broken.scenarios);
  const app = await serve(BUILDS.app.outDir);
  const broken = await serve(BUILDS.broken.outDir);
  project.provide('appUrl', urlOf(app));
  project.provide('brokenAppUrl', urlOf(broken));
  project.provide('appDist', BUILDS.app.outDir);
  return async () => {
    await app.close();
    await broken.close();
    if (!reuse) rmSync(buildRoot, { recursive: true, force: true });
  };
}
