// Where a benchmark's databases live: the server in DATABASE_URL, or an embedded PostgreSQL whose data is
// kept in .data/bench-postgres between runs (so a seeded world is written once, then reused).
import path from 'node:path';
import type { DatabaseTarget } from '@cmgraph/platform';
import type { Scale } from '@cmgraph/seedkit';
import { startEmbeddedPostgres } from '@cmgraph/devstack/src/postgres';
import { REPO_ROOT } from '@cmgraph/devstack/src/topology';

export interface BenchDatabase {
  target: DatabaseTarget;
  /** Stops the embedded server (nothing to do for DATABASE_URL). */
  stop(): Promise<void>;
}

/**
 * Each scale gets its own databases (`cmgraph_bench_<subgraph>` for `large`, `cmgraph_bench_<scale>_<subgraph>`
 * otherwise): a `small` run never overwrites the `large` world that took many minutes to write.
 * BENCH_DATABASE_PREFIX overrides it.
 */
export function benchPrefix(scale: Scale, env = process.env): string {
  if (env.BENCH_DATABASE_PREFIX) return env.BENCH_DATABASE_PREFIX;
  return scale === 'large' ? 'cmgraph_bench' : `cmgraph_bench_${scale}`;
}

export async function benchDatabase(scale: Scale, env = process.env): Promise<BenchDatabase> {
  const prefix = benchPrefix(scale, env);
  if (env.DATABASE_URL) return { target: { serverUrl: env.DATABASE_URL, prefix }, stop: async () => undefined };
  const pg = await startEmbeddedPostgres({
    dataDir: path.join(REPO_ROOT, '.data', 'bench-postgres'),
    port: Number(env.EMBEDDED_PG_PORT ?? 54339),
  });
  return { target: { serverUrl: pg.url, prefix }, stop: pg.stop };
}
