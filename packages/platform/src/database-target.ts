// Where the databases are, and creating and dropping one: plain `pg`, no ORM, so that processes that only
// read the event bus (the gateway) need not load MikroORM.
import { Client } from 'pg';
import { createLogger } from './logger';

const log = createLogger('database');

/** Where the databases live: a server URL; each subgraph's database name is `<prefix>_<subgraph>`. */
export interface DatabaseTarget {
  serverUrl: string;
  prefix: string;
}

export function databaseTargetFromEnv(env = process.env): DatabaseTarget {
  const serverUrl = env.DATABASE_URL;
  if (!serverUrl) throw new Error('DATABASE_URL is not set (npm start sets it for the embedded PostgreSQL)');
  return { serverUrl, prefix: env.DATABASE_PREFIX ?? 'cmgraph' };
}

export function databaseUrl(target: DatabaseTarget, subgraph: string): string {
  const url = new URL(target.serverUrl);
  url.pathname = `/${target.prefix}_${subgraph}`;
  return url.toString();
}

/** Creates the database if it does not exist yet (CREATE DATABASE cannot run inside a transaction). */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`).catch((error: { code?: string }) => {
        // created concurrently by a sibling process (42P04, or 23505 when both inserted into pg_database)
        if (error.code !== '42P04' && error.code !== '23505') throw error;
      });
      log.info({ database: name }, 'database created');
    }
  } finally {
    await client.end();
  }
}

export async function dropDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
