// Jest global teardown: stops the embedded PostgreSQL (if the setup started one) and removes its files.
import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const pg = (globalThis as Record<string, unknown>).__cmgraphPostgres as { stop(): Promise<void>; dir: string } | undefined;
  if (!pg) return;
  await pg.stop();
  rmSync(pg.dir, { recursive: true, force: true });
}
