// The rollups (src/rollup) stay equal to the sums of their record tables through every kind of write —
// an INSERT of many rows, UPDATE of period, scope or amount, DELETE, TRUNCATE — on a migrated database
// of its own, written with plain SQL as the seed and any future correction would.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { MikroORM } from '@mikro-orm/postgresql';
import { databaseUrl, newId, openDatabase } from '@cmgraph/platform';
import { isolatedTarget } from '@cmgraph/testkit';
import { sustainability } from '../src';

const target = isolatedTarget();
let orm: MikroORM;
const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => orm.em.getConnection().execute<T[]>(text, params);
const [facility, otherFacility, supplier] = [newId(), newId(), newId()];
let factor: string;

beforeAll(async () => {
  orm = await openDatabase({ url: databaseUrl(target, 'sustainability'), entities: sustainability.entities, migrations: sustainability.migrations });
  factor = newId();
  await sql(`insert into emission_factor (id, created_at, updated_at, source, activity_type, region, year, kg_co2e_per_unit, unit, scope, scope3_category, gwp_set)
    values (?, now(), now(), 'test', 'NATURAL_GAS', 'GLOBAL', 2026, 2, 'm3', 1, null, 'AR6')`, [factor]);
}, 60_000);
afterAll(async () => {
  await orm?.close(true);
  await target.drop();
});

/** Inserts activity rows in one statement: [facility, period start, period end, scope, category, quality, kg]. */
async function insertActivity(rows: [string, string, string, number, number | null, string, number][]): Promise<string[]> {
  const ids = rows.map(() => newId());
  const values = rows.map((_, i) => `(?, now(), now(), ?, ?, 'MX', ?::date, ?::date, 'NATURAL_GAS', 1, 'm3', 1, ?, ?, ?, ?, ?)`).join(', ');
  await sql(`insert into activity_record (id, created_at, updated_at, facility_id, supplier_id, country, period_start, period_end, activity_type,
    quantity, unit, quantity_in_factor_unit, factor_id, kg_co2e, scope, scope3_category, data_quality) values ${values}`,
  rows.flatMap(([f, start, end, scope, category, quality, kg], i) => [ids[i], f, supplier, start, end, factor, kg, scope, category, quality]));
  return ids;
}

const ACTIVITY_SUMS = `select facility_id, period_start::text, period_end::text, scope::int, coalesce(scope3_category, 0)::int as category,
  data_quality = 'PRIMARY' as is_primary, sum(kg_co2e)::float8 as kg, count(*)::int as records, max(updated_at) as updated_at
  from activity_record group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6`;
const ACTIVITY_ROLLUP = `select facility_id, period_start::text, period_end::text, scope::int, scope3_category::int as category, is_primary,
  kg_co2e as kg, records, updated_at from activity_rollup order by 1, 2, 3, 4, 5, 6`;

/**
 * The rollup holds the sums and counts of its table exactly; its updatedAt is the group's latest change,
 * never before its records' latest updatedAt (an UPDATE or DELETE that touched the group counts too).
 */
async function expectExact(rollupSql: string, sumsSql: string): Promise<void> {
  const [rollup, sums] = [await sql<{ updated_at: string }>(rollupSql), await sql<{ updated_at: string }>(sumsSql)];
  const without = (rows: { updated_at: string }[]) => rows.map(({ updated_at: _, ...row }) => row);
  expect(without(rollup)).toEqual(without(sums));
  rollup.forEach((row, i) => expect(Date.parse(row.updated_at)).toBeGreaterThanOrEqual(Date.parse(sums[i]!.updated_at)));
}
const expectActivityRollupExact = () => expectExact(ACTIVITY_ROLLUP, ACTIVITY_SUMS);

describe('activity_rollup', () => {
  it('sums an INSERT of many rows per facility, period, scope, category and primary data', async () => {
    await insertActivity([
      [facility, '2026-01-01', '2026-02-01', 1, null, 'PRIMARY', 10],
      [facility, '2026-01-01', '2026-02-01', 1, null, 'PRIMARY', 5],
      [facility, '2026-01-01', '2026-02-01', 1, null, 'ESTIMATED', 7],
      [facility, '2026-01-01', '2026-02-01', 3, 1, 'SECONDARY', 100],
      [otherFacility, '2026-02-01', '2026-03-01', 3, 4, 'SECONDARY', 1],
    ]);
    await expectActivityRollupExact();
    const [row] = await sql<{ kg: number; records: number }>(`select kg_co2e as kg, records from activity_rollup where facility_id = ? and scope = 1 and is_primary`, [facility]);
    expect(row).toEqual({ kg: 15, records: 2 });
  });

  it('moves an UPDATEd row from its old group to its new one', async () => {
    await sql(`update activity_record set kg_co2e = kg_co2e * 2 where kg_co2e = 100`);
    await sql(`update activity_record set period_start = '2026-03-01', period_end = '2026-04-01', scope3_category = 5 where kg_co2e = 1`);
    await sql(`update activity_record set data_quality = 'ESTIMATED' where kg_co2e = 5`);
    await expectActivityRollupExact();
  });

  it('takes DELETEd rows out, dropping groups left without records', async () => {
    await sql(`delete from activity_record where kg_co2e in (7, 1)`);
    await expectActivityRollupExact();
    expect(await sql(`select 1 from activity_rollup where records <= 0`)).toEqual([]);
  });

  it('is emptied with its table by TRUNCATE', async () => {
    await sql(`truncate activity_record`);
    expect(await sql(`select * from activity_rollup`)).toEqual([]);
  });
});

describe('output_rollup', () => {
  const OUTPUT_SUMS = `select facility_id, period_start::text, sum(good_units)::float8 as units, count(*)::int as records, max(updated_at) as updated_at
    from production_output_record group by 1, 2 order by 1, 2`;
  const OUTPUT_ROLLUP = `select facility_id, period_start::text, good_units as units, records, updated_at from output_rollup order by 1, 2`;

  it('sums good units of every product per facility and period through INSERT, UPDATE and DELETE', async () => {
    const insert = (rows: [string, string | null, number][]) => sql(`insert into production_output_record (id, created_at, updated_at, facility_id,
      supplier_id, country, period_start, period_end, product_id, good_units) values ${rows.map(() => `(?, now(), now(), ?, ?, 'MX', '2026-01-01', '2026-02-01', ?, ?)`).join(', ')}`,
    rows.flatMap(([f, product, units]) => [newId(), f, supplier, product, units]));
    await insert([[facility, newId(), 300], [facility, newId(), 100], [facility, null, 50], [otherFacility, newId(), 20]]);
    await expectExact(OUTPUT_ROLLUP, OUTPUT_SUMS);
    expect((await sql<{ units: number }>(`select good_units as units from output_rollup where facility_id = ?`, [facility]))[0]!.units).toBe(450);
    await sql(`update production_output_record set good_units = 30 where good_units = 300`);
    await sql(`delete from production_output_record where good_units = 20`);
    await expectExact(OUTPUT_ROLLUP, OUTPUT_SUMS);
    expect(await sql(`select 1 from output_rollup where facility_id = ?`, [otherFacility])).toEqual([]);
  });
});
