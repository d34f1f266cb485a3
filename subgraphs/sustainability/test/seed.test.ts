// The seed on the small universe: factors for every activity, country and year; twelve months of
// records for every facility; purchased materials per shipped line and freight per shipment; output per
// product; in bulk; KPIs that differ between suppliers; and seeded footprints that agree with what
// publishing would compute from the same rows.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from 'pg';
import { startStack, type Stack } from '@cmgraph/testkit';
import { universe } from '@cmgraph/seedkit';
import { seed } from '../src';
import { seedRegions } from '../src/seed.factors';
import { ActivityType } from '../src/factor/emission-factor.enums';
import { ok, STACK } from './fixtures';

let stack: Stack;
let db: Client;
let progressed = 0;
let statements = 0;
const world = universe('small');

beforeAll(async () => {
  stack = await startStack(STACK);
  db = new Client({ connectionString: stack.subgraphs.sustainability!.server.orm.config.get('clientUrl') });
  await db.connect();
  const query = db.query.bind(db) as (...args: unknown[]) => unknown;
  const counting = Object.assign(Object.create(db), { query: (...args: unknown[]) => (statements++, query(...args)) });
  await seed({ db: counting, world, progress: (rows) => void (progressed += rows) });
}, 120_000);
afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

async function count(table: string): Promise<number> {
  const { rows } = await db.query(`select count(*)::int as n from "${table}"`);
  return rows[0].n;
}

describe('sustainability seed', () => {
  it('writes a factor for every activity type, country of the universe and GLOBAL, for 2025 and 2026', async () => {
    const regions = seedRegions(world);
    expect(regions).toEqual(expect.arrayContaining(['MX', 'CN', 'VN', 'PL', 'IN', 'US', 'DE', 'GLOBAL']));
    expect(await count('emission_factor')).toBe(Object.keys(ActivityType).length * regions.length * 2);
  });

  it('writes twelve months of energy, fuel, waste and water for every facility, in bulk statements', async () => {
    const facilities = world.facilities.length;
    expect(await count('energy_record')).toBe(facilities * 12 * 2);
    expect(await count('waste_record')).toBe(facilities * 12 * 3);
    expect(await count('water_record')).toBe(facilities * 12);
    const { rows: [months] } = await db.query(`select min(period_start)::text as first, max(period_end)::text as last from energy_record`);
    expect(months).toEqual({ first: '2025-11-01', last: '2026-11-01' });
    const shipments = [...world.purchaseOrders()].filter((po) => po.shipment && po.shipment.shippedOn < '2026-11-01').length;
    const total: number[] = [];
    for (const table of ['emission_factor', 'activity_record', 'energy_record', 'waste_record', 'water_record', 'production_output_record', 'product_footprint']) {
      total.push(await count(table));
    }
    // gas and diesel every month; a material per shipped line (4 per order) and the freight of each shipment
    expect(await count('activity_record')).toBe(facilities * 12 * 2 + shipments * 4 + shipments);
    const { rows: freight } = await db.query(`select activity_type, unit, count(*)::int as n from activity_record where activity_type like 'FREIGHT%' group by 1, 2 order by 1`);
    expect(freight.map((f: { activity_type: string; unit: string }) => [f.activity_type, f.unit])).toEqual([['FREIGHT_AIR', 'tkm'], ['FREIGHT_ROAD', 'tkm'], ['FREIGHT_SEA', 'tkm']]);
    expect(freight.reduce((n: number, f: { n: number }) => n + f.n, 0)).toBe(shipments);
    expect(progressed).toBe(total.reduce((a, b) => a + b, 0));
    expect(statements).toBeLessThan(20); // one INSERT … SELECT unnest per table and batch
  });

  it("records CM plants' good units per product and month: what each plant shipped of each product", async () => {
    const shipped = new Map<string, number>();
    const cms = new Set(world.suppliers.filter((s) => s.type === 'CM').map((s) => s.id));
    for (const po of world.purchaseOrders()) {
      if (!po.shipment || po.shipment.shippedOn >= '2026-11-01' || !cms.has(po.supplierId)) continue;
      for (const line of po.shipment.lines) {
        const key = `${po.shipment.facilityId}|${po.lines[line.lineIndex]!.productId}`;
        shipped.set(key, (shipped.get(key) ?? 0) + line.quantity);
      }
    }
    const { rows } = await db.query(`select facility_id, product_id, sum(good_units)::float8 as units, count(*)::int as months,
      count(distinct period_start)::int as distinct_months from production_output_record group by 1, 2`);
    expect(new Map(rows.map((r: { facility_id: string; product_id: string; units: number }) => [`${r.facility_id}|${r.product_id}`, r.units]))).toEqual(shipped);
    // one row per plant, product and month
    expect(rows.every((r: { months: number; distinct_months: number }) => r.months === r.distinct_months)).toBe(true);
  });

  it('gives suppliers different carbon intensity and renewable share', async () => {
    // Only this subgraph is seeded here: ask about the universe's supplier ids the way the gateway would.
    const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Supplier { id co2ePerUnit(from: "2025-11-01", to: "2026-11-01") renewableShare(from: "2025-11-01", to: "2026-11-01") } } }`;
    const cms = world.suppliers.filter((s) => s.type === 'CM');
    const answers = ok(await stack.subgraph('sustainability')(entities, { r: cms.map((s) => ({ __typename: 'Supplier', id: s.id })) }))._entities;
    const intensities = answers.map((a: { co2ePerUnit: number }) => a.co2ePerUnit);
    const shares = answers.map((a: { renewableShare: number }) => a.renewableShare);
    for (const value of [...intensities, ...shares]) expect(value).toEqual(expect.any(Number));
    expect(new Set(intensities.map((v: number) => v.toFixed(3))).size).toBe(cms.length);
    expect(new Set(shares.map((v: number) => v.toFixed(3))).size).toBe(cms.length);
  });

  it('seeds footprints that equal the emissions of their plant over the year ÷ its good units', async () => {
    const { rows } = await db.query(`select product_id, facility_id, pcf_excluding_biogenic_uptake as pcf from product_footprint order by id`);
    expect(rows.length).toBeGreaterThan(0);
    const { product_id: productId, facility_id: facilityId, pcf } = rows[0];
    const check = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Facility { emissions(from: "2025-11-01", to: "2026-11-01") { totalKgCO2e goodUnits } } } }`;
    const [facility] = ok(await stack.subgraph('sustainability')(check, { r: [{ __typename: 'Facility', id: facilityId }] }))._entities;
    expect(pcf).toBeCloseTo(facility.emissions.totalKgCO2e / facility.emissions.goodUnits, 9);
    const footprint = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { footprint { version status pcf { pCfExcludingBiogenicUptake } } } } }`;
    const [product] = ok(await stack.subgraph('sustainability')(footprint, { r: [{ __typename: 'Product', id: productId }] }))._entities;
    expect(product.footprint).toEqual({ version: 1, status: 'ACTIVE', pcf: { pCfExcludingBiogenicUptake: pcf } });
  });
});
