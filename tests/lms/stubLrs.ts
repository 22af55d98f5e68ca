/**
 * A stub LRS on 127.0.0.1: records POSTed statements; can be told to fail.
 * As xAPI requires (Data 2.4.1, Communication 2.1.2/2.1.3), a statement whose
 * id it already holds is not stored again: the post still succeeds.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubLrs {
  readonly endpoint: string;
  readonly statements: unknown[];
  /** Every statement id posted, repeats included, in the order they came. */
  readonly postedIds: string[];
  readonly requests: { auth: string | undefined; version: string | undefined }[];
  /** Status to answer with next (200 once it is set back). */
  status: number;
  close(): Promise<void>;
}

export async function startStubLrs(): Promise<StubLrs> {
  const stub = {
    statements: [] as unknown[],
    postedIds: [] as string[],
    requests: [] as StubLrs['requests'],
    status: 200,
  };
  const server: Server = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-Experience-API-Version');
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    req.on('end', () => {
      stub.requests.push({
        auth: req.headers.authorization,
        version: req.headers['x-experience-api-version'] as string | undefined,
      });
      if (req.method !== 'POST' || !req.url?.endsWith('/statements')) {
        res.writeHead(404).end();
        return;
      }
      if (stub.status !== 200) {
        res.writeHead(stub.status).end();
        return;
      }
      const parsed: unknown = JSON.parse(body);
      const list = (Array.isArray(parsed) ? parsed : [parsed]) as { id?: string }[];
      for (const statement of list) {
        if (statement.id !== undefined) stub.postedIds.push(statement.id);
        const known = stub.statements.some((s) => (s as { id?: string }).id === statement.id);
        if (statement.id === undefined || !known) stub.statements.push(statement);
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(list.map((s) => s.id)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(stub, {
    endpoint: `http://127.0.0.1:${port}/xapi/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
