// Where tests put their data: the server from DATABASE_URL when set, otherwise the embedded PostgreSQL
// that the jest global setup started (TEST_DATABASE_URL). Each test file gets its own databases.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { databaseUrl, dropDatabase, type DatabaseTarget } from '@cmgraph/platform';

export function testServerUrl(): string {
  const url = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('no PostgreSQL for tests: set DATABASE_URL or run through jest (global setup)');
  return url;
}

/** A fresh database prefix for one test file; `drop()` removes every database made under it. */
export function isolatedTarget(): DatabaseTarget & { drop(): Promise<void> } {
  const target = { serverUrl: testServerUrl(), prefix: `t${randomBytes(5).toString('hex')}` };
  return {
    ...target,
    async drop() {
      const client = new Client({ connectionString: target.serverUrl });
      await client.connect();
      const { rows } = await client
        .query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${target.prefix}\\_%`])
        .finally(() => client.end());
      // side by side: each drop mostly waits for the server's disk sync, which they can share
      await Promise.all(rows.map((row) => dropDatabase(databaseUrl(target, row.datname.slice(target.prefix.length + 1)))));
    },
  };
}
