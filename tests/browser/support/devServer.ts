import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer } from 'vite';

const root = resolve(import.meta.dirname, '../../..');

export interface DevServer {
  /** Where the dev server listens. */
  readonly url: string;
  /** The scenario folder it watches: a temporary copy holding faulty-kettle.yaml, safe to edit. */
  readonly folder: string;
  close(): Promise<void>;
}

/**
 * `npm run dev` as a tutor runs it, over a temporary copy of faulty-kettle,
 * so a test can save the scenario and watch the game reload without ever
 * touching the real `scenarios/`.
 */
export async function startDevServer(prefix: string): Promise<DevServer> {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  cpSync(resolve(root, 'scenarios/faulty-kettle.yaml'), join(folder, 'faulty-kettle.yaml'));
  // The library plugin reads the folder when the server starts; no other test should see it.
  process.env.SIM_SCENARIOS_DIR = folder;
  try {
    const server = await createServer({
      root,
      logLevel: 'warn',
      server: { host: '127.0.0.1', port: 0, open: false },
    });
    await server.listen();
    const url = server.resolvedUrls?.local[0];
    if (url === undefined) throw new Error('the dev server did not report its address');
    return {
      url,
      folder,
      close: async () => {
        await server.close();
        rmSync(folder, { recursive: true, force: true });
      },
    };
  } finally {
    delete process.env.SIM_SCENARIOS_DIR;
  }
}
