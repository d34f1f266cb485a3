// Jest global setup: with DATABASE_URL, tests use that server; without it, one embedded PostgreSQL
// is started for the whole run in a temporary directory and removed by the global teardown.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '@cmgraph/devstack/src/postgres';

/**
 * The test server's data is thrown away after the run: no flush to disk is worth waiting for. Creating and
 * dropping a database per test file (a WAL-logged copy of the template, then a forced sync) dominated
 * stack start-up and teardown with the durable defaults.
 */
const THROWAWAY = { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' };

export default async function globalSetup(): Promise<void> {
  // names this run's shared databases (migrated templates, templates.ts); the workers inherit it
  process.env.CMGRAPH_TEST_RUN = `r${randomBytes(4).toString('hex')}`;
  if (process.env.DATABASE_URL) return;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cmgraph-test-'));
  chmodSync(dir, 0o755); // as root, the server runs as user postgres and must reach its data directory
  const dataDir = path.join(dir, 'pg');
  const pg = await startEmbeddedPostgres({ dataDir, port: await freePort(), settings: THROWAWAY });
  process.env.TEST_DATABASE_URL = pg.url;
  (globalThis as Record<string, unknown>).__cmgraphPostgres = { stop: pg.stop, dir: path.dirname(dataDir) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
