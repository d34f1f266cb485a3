// The seeded world a benchmark runs on: each subgraph's part of `universe(scale)`, written once into its
// bench database and reused afterwards. A `large` world takes many minutes to write, so completeness is
// recorded on the database itself (COMMENT ON DATABASE, set after the seed committed): a seed that was
// interrupted or of another scale is written again. New migrations are applied to a kept world in place,
// as they are to a live database (`--reseed` writes it again when a seed itself changed).
import { Client } from 'pg';
import { KIT_TABLES, databaseUrl, openDatabase, type DatabaseTarget } from '@cmgraph/platform';
import { universe, type Scale } from '@cmgraph/seedkit';
import { loadSubgraph } from '@cmgraph/devstack/src/subgraphs';

export interface SeedWorldOptions {
  scale: Scale;
  /** Write it again even when the marker says it is complete (`--reseed`). */
  reseed?: boolean;
  say?: (message: string) => void;
}

function marker(scale: Scale, migrations: number): string {
  return `cmgraph bench seed: scale=${scale} migrations=${migrations}`;
}

/** The marker's scale part: the migration count it also records is for information. */
const sameScale = (a: string, b: string) => a.split(' migrations=')[0] === b.split(' migrations=')[0];

async function currentMarker(db: Client): Promise<string | null> {
  const { rows } = await db.query<{ comment: string | null }>(
    "SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = current_database()",
  );
  return rows[0]?.comment ?? null;
}

/**
 * The subgraph's own tables: not the kit's event plumbing, not an append-only table guarded by a BEFORE
 * TRUNCATE trigger that refuses (tgtype bits: 2 = BEFORE, 32 = TRUNCATE). An AFTER TRUNCATE trigger
 * (sustainability's rollups) maintains something and must run: its table is emptied like any other.
 */
async function ownTables(db: Client): Promise<string[]> {
  const { rows } = await db.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'mikro_orm_%'
        AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = format('%I', tablename)::regclass AND (t.tgtype & 34) = 34)`,
  );
  return rows.map((row) => row.tablename).filter((table) => !KIT_TABLES.includes(table));
}

/** Migrates each subgraph's bench database and writes its part of the world unless it is already there. */
export async function seedWorld(target: DatabaseTarget, subgraphs: readonly string[], options: SeedWorldOptions): Promise<void> {
  const say = options.say ?? (() => undefined);
  const world = universe(options.scale);
  for (const name of subgraphs) {
    const { definition, seed } = await loadSubgraph(name);
    const url = databaseUrl(target, name);
    // migrated here, before the subgraph process starts, so that the seed finds its tables
    const orm = await openDatabase({ url, entities: definition.entities, migrations: definition.migrations });
    await orm.close(true);
    const expected = marker(options.scale, definition.migrations.length);
    const db = new Client({ connectionString: url });
    await db.connect();
    try {
      const current = await currentMarker(db);
      if (!options.reseed && current !== null && sameScale(current, expected)) {
        say(`${name}: reusing the seeded ${options.scale} world`);
        continue;
      }
      if (!seed) {
        say(`${name}: has no seed`);
        continue;
      }
      say(`${name}: seeding ${options.scale}…`);
      const started = Date.now();
      let rows = 0;
      await db.query(`COMMENT ON DATABASE "${target.prefix}_${name}" IS NULL`);
      const tables = await ownTables(db);
      await db.query('BEGIN');
      if (tables.length) await db.query(`TRUNCATE ${tables.map((t) => `"${t}"`).join(', ')} CASCADE`);
      await seed({ db, world, progress: (n) => (rows += n) });
      await db.query('COMMIT');
      // VACUUM as well as ANALYZE: a live database's tables have been vacuumed by autovacuum (visibility
      // map set, so index-only scans skip the heap); a bulk load just committed has not, and would
      // measure slower than the database the benchmark stands for
      await db.query('VACUUM ANALYZE');
      // the marker last: only a committed, analysed seed counts as reusable
      await db.query(`COMMENT ON DATABASE "${target.prefix}_${name}" IS '${expected}'`);
      say(`${name}: seeded ${rows.toLocaleString('en')} rows in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    } catch (error) {
      await db.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await db.end();
    }
  }
}
