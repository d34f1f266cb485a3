// Where a benchmark's databases live: the server in DATABASE_URL, or an embedded PostgreSQL whose data is
// kept in .data/bench-postgres between runs (so a seeded world is written once, then reused).
import path from 'node:path';
import { Client } from 'pg';
import { databaseUrl, type DatabaseTarget } from '@cmgraph/platform';
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

/** The databases of a scale's shared world (see benchPrefix). */
export function benchDatabase(scale: Scale, env = process.env): Promise<BenchDatabase> {
  return databasesWithPrefix(benchPrefix(scale, env), env);
}

/**
 * The databases of a benchmark that changes its world as it runs (posts events, empties tables), so it
 * keeps one of its own, `<prefix>_<subgraph>`, apart from the shared worlds; BENCH_DATABASE_PREFIX overrides it.
 */
export function ownBenchDatabase(prefix: string, env = process.env): Promise<BenchDatabase> {
  return databasesWithPrefix(env.BENCH_DATABASE_PREFIX || prefix, env);
}

async function databasesWithPrefix(prefix: string, env: NodeJS.ProcessEnv): Promise<BenchDatabase> {
  if (env.DATABASE_URL) return { target: { serverUrl: env.DATABASE_URL, prefix }, stop: async () => undefined };
  const pg = await startEmbeddedPostgres({
    dataDir: path.join(REPO_ROOT, '.data', 'bench-postgres'),
    port: Number(env.EMBEDDED_PG_PORT ?? 54339),
  });
  return { target: { serverUrl: pg.url, prefix }, stop: pg.stop };
}

/** One connection to a subgraph's database for the duration of `work`. */
export async function withSubgraphDb<T>(target: DatabaseTarget, subgraph: string, work: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: databaseUrl(target, subgraph) });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}
