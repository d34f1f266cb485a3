// Jest global teardown: drops the run's shared databases from a DATABASE_URL server, or stops the embedded
// PostgreSQL (if the setup started one) and removes its files.
import { rmSync } from 'node:fs';
import { dropRunDatabases, testRunPrefix } from './templates';

export default async function globalTeardown(): Promise<void> {
  const run = testRunPrefix();
  if (process.env.DATABASE_URL && run) await dropRunDatabases(process.env.DATABASE_URL, run);
  const pg = (globalThis as Record<string, unknown>).__cmgraphPostgres as { stop(): Promise<void>; dir: string } | undefined;
  if (!pg) return;
  await pg.stop();
  rmSync(pg.dir, { recursive: true, force: true });
}
