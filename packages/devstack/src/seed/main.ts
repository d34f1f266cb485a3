// `npm run seed -- --scale small|medium|large [--if-empty]`: writes the demo universe into every
// subgraph's database (created and migrated first), each subgraph its own part, in bulk.
import { Client } from 'pg';
import { SingleBar, Presets } from 'cli-progress';
import { KIT_TABLES, databaseTargetFromEnv, databaseUrl, openDatabase } from '@cmgraph/platform';
import { loadSubgraphs } from '../subgraphs';
import { LINES_PER_PO, SCALES, universe, type Scale } from '@cmgraph/seedkit';

export interface SeedOptions {
  scale: Scale;
  ifEmpty: boolean;
  showProgress?: boolean;
}

export async function seedAll(options: SeedOptions): Promise<{ seeded: string[]; skipped: string[] }> {
  const target = databaseTargetFromEnv();
  const world = universe(options.scale);
  const bar = new SingleBar({ format: 'seeding {bar} {value} rows ({subgraph}) {duration_formatted}', hideCursor: true }, Presets.shades_classic);
  if (options.showProgress) bar.start(world.purchaseOrderCount * LINES_PER_PO * 5, 0, { subgraph: '' });
  const result = { seeded: [] as string[], skipped: [] as string[] };
  try {
    const subgraphs = (await loadSubgraphs()).filter((s) => s.seed);
    // which subgraphs hold data, decided for all before any is seeded: once one is seeded, its events
    // (e.g. the expiring-certifications job's) make others write rows of their own (alerts), which must
    // not count as "not empty" for --if-empty
    const filled = new Set<string>();
    for (const { definition } of subgraphs) {
      const url = databaseUrl(target, definition.name);
      const orm = await openDatabase({ url, entities: definition.entities, migrations: definition.migrations });
      await orm.close(true);
      const db = new Client({ connectionString: url });
      await db.connect();
      try {
        if (await hasRows(db, await ownTables(db))) filled.add(definition.name);
      } finally {
        await db.end();
      }
    }
    for (const { definition, seed } of subgraphs) {
      if (!seed) continue;
      const url = databaseUrl(target, definition.name);
      const db = new Client({ connectionString: url });
      await db.connect();
      try {
        const tables = await ownTables(db);
        if (options.ifEmpty && filled.has(definition.name)) {
          result.skipped.push(definition.name);
          continue;
        }
        // rows written since the check above are reactions to what was just seeded elsewhere: the seed replaces them
        if (await hasRows(db, tables)) {
          await db.query(`TRUNCATE ${tables.map((t) => `"${t}"`).join(', ')} CASCADE`);
        }
        if (options.showProgress) bar.update({ subgraph: definition.name });
        await db.query('BEGIN');
        await seed({ db, world, progress: (rows) => options.showProgress && bar.increment(rows) });
        await db.query('COMMIT');
        await db.query('ANALYZE');
        result.seeded.push(definition.name);
      } catch (error) {
        await db.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        await db.end();
      }
    }
  } finally {
    if (options.showProgress) bar.stop();
  }
  return result;
}

async function ownTables(db: Client): Promise<string[]> {
  const { rows } = await db.query<{ tablename: string }>(
    // append-only tables (a trigger refuses TRUNCATE, e.g. the data room's access log) keep their history
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'mikro_orm_%'
        AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = format('%I', tablename)::regclass AND (t.tgtype & 32) <> 0)
      ORDER BY tablename`,
  );
  return rows.map((row) => row.tablename).filter((table) => !KIT_TABLES.includes(table));
}

async function hasRows(db: Client, tables: string[]): Promise<boolean> {
  if (!tables.length) return false;
  const probe = tables.map((t) => `EXISTS (SELECT 1 FROM "${t}")`).join(' OR ');
  const { rows } = await db.query<{ any: boolean }>(`SELECT (${probe}) AS any`);
  return rows[0]!.any;
}

function parseArgs(argv: string[]): SeedOptions {
  const scaleIndex = argv.indexOf('--scale');
  const scale = (scaleIndex >= 0 ? argv[scaleIndex + 1] : 'small') as Scale;
  if (!(scale in SCALES)) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
  return { scale, ifEmpty: argv.includes('--if-empty'), showProgress: process.stdout.isTTY || argv.includes('--progress') };
}

if (require.main === module) {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  seedAll(options)
    .then(({ seeded, skipped }) => {
      const took = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`seed ${options.scale}: seeded ${seeded.join(', ') || 'nothing'}${skipped.length ? `; not empty, left as they are: ${skipped.join(', ')}` : ''} (${took} s)`);
    })
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
