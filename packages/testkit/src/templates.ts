// Migrated template databases, one per subgraph per test run. Migrating a fresh database costs a subgraph
// one to two seconds (every migration in its own transaction), and about 75 test files start stacks: each
// run now migrates each subgraph once, into `<run>_tpl_<subgraph>`, and every stack's database is a copy
// (`CREATE DATABASE … TEMPLATE`), whose migrator then finds nothing to do. Jest workers share the server:
// the first to need a template builds it under an advisory lock, the others wait for it. The global
// teardown drops the run's templates (dropRunDatabases).
import { Client } from 'pg';
import { databaseUrl, openDatabase, type SubgraphDefinition } from '@cmgraph/platform';

/** The test run's prefix for shared databases (set by the jest global setup), if any. */
export function testRunPrefix(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.CMGRAPH_TEST_RUN || undefined;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function withAdmin<T>(serverUrl: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function exists(client: Client, name: string): Promise<boolean> {
  return ((await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount ?? 0) > 0;
}

/**
 * Retries a statement PostgreSQL refuses because someone is still connected to the database (55006): a
 * backend leaves a moment after its client closed the connection.
 */
async function whileInUse<T>(statement: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await statement();
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** The run's migrated template of a subgraph, built once (by whichever worker asks first). */
async function template(serverUrl: string, run: string, definition: SubgraphDefinition<any>): Promise<string> {
  const name = `${run}_tpl_${definition.name}`;
  await withAdmin(serverUrl, async (client) => {
    if (await exists(client, name)) return;
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
    try {
      if (await exists(client, name)) return;
      const building = `${name}_building`; // renamed when complete: a half-built template is never copied
      await client.query(`DROP DATABASE IF EXISTS ${quote(building)} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${quote(building)}`);
      const orm = await openDatabase({ url: databaseUrl({ serverUrl, prefix: run }, `tpl_${definition.name}_building`), entities: definition.entities, migrations: definition.migrations });
      await orm.close(true);
      await whileInUse(() => client.query(`ALTER DATABASE ${quote(building)} RENAME TO ${quote(name)}`));
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
    }
  });
  return name;
}

/**
 * Creates the database `url` names for a subgraph: a copy of the run's migrated template when the jest
 * global setup named a run, else an empty one (the subgraph migrates it when it opens).
 */
export async function createSubgraphDatabase(url: string, definition: SubgraphDefinition<any>): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  target.pathname = '/postgres';
  const serverUrl = target.toString();
  const run = testRunPrefix();
  const source = run ? await template(serverUrl, run, definition) : undefined;
  await withAdmin(serverUrl, (client) => whileInUse(() => client.query(`CREATE DATABASE ${quote(name)}${source ? ` TEMPLATE ${quote(source)}` : ''}`)));
}

/** Drops every database of the test run (its templates). */
export async function dropRunDatabases(serverUrl: string, run: string): Promise<void> {
  await withAdmin(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${run}\\_%`]);
    for (const row of rows) await client.query(`DROP DATABASE IF EXISTS ${quote(row.datname)} WITH (FORCE)`);
  });
}
