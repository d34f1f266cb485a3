// The carbon report on the world of report-world.ts (figures by hand there and below), over 2026-Q1
// unless said: every grouping, the filters, the period's boundaries, paging while records arrive,
// `updatedSince`, statements per page, and what a partner and an analyst see.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startStack, type GraphqlClient, type Stack } from '@cmgraph/testkit';
import { mutate, ok, recordActivity, STACK } from './fixtures';
import { buildReportWorld, Q1, type ReportWorld } from './report-world';

let stack: Stack;
let world: ReportWorld;
beforeAll(async () => {
  stack = await startStack(STACK);
  world = await buildReportWorld(stack);
}, 180_000);
afterAll(async () => stack?.stop());

const REPORT = `query($period: String!, $groupBy: CarbonGrouping!, $filter: CarbonReportFilter, $first: Int, $after: String, $since: DateTime) {
  carbonReport(period: $period, groupBy: $groupBy, filter: $filter, first: $first, after: $after, updatedSince: $since) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { key scope category supplier { id } product { id } nearshore co2eKg units intensity }
  } }`;

interface Row { key: string; scope: number | null; category: number | null; supplier: { id: string } | null; product: { id: string } | null; nearshore: boolean | null; co2eKg: number; units: number | null; intensity: number | null }

async function report(client: GraphqlClient, groupBy: string, variables: Record<string, unknown> = {}): Promise<{ totalCount: number; nodes: Row[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }> {
  return ok(await client(REPORT, { period: Q1, groupBy, first: 100, ...variables })).carbonReport;
}
const admin = () => stack.subgraph('sustainability');
const round = (value: number) => Math.round(value * 1e9) / 1e9;
/** key → [co2eKg, units, intensity], rounded to 1e-9 against float noise. */
const figures = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.key, [r.co2eKg, r.units, r.intensity].map((v) => (v === null ? null : round(v)))]));

describe('carbonReport groupings', () => {
  it('sums kgCO2e by scope: 200 + 100 + 100; 1880 + 1000 + 400; 762 + 100', async () => {
    const { nodes, totalCount } = await report(admin(), 'SCOPE');
    expect(totalCount).toBe(3);
    expect(nodes.map((r) => [r.key, r.scope, r.category])).toEqual([['1', 1, null], ['2', 2, null], ['3', 3, null]]);
    expect(figures(nodes)).toEqual({ 1: [400, null, null], 2: [3280, null, null], 3: [862, null, null] });
  });

  it('sums scope 3 by category, and every scope by category', async () => {
    expect(figures((await report(admin(), 'CATEGORY')).nodes)).toEqual({ '01': [750, null, null], '04': [100, null, null], '05': [12, null, null] });
    const both = (await report(admin(), 'SCOPE_CATEGORY')).nodes;
    expect(both.map((r) => [r.key, r.scope, r.category, r.co2eKg])).toEqual([
      ['1|-', 1, null, 400], ['2|-', 2, null, 3280], ['3|01', 3, 1, 750], ['3|04', 3, 4, 100], ['3|05', 3, 5, 12],
    ]);
  });

  it('gives each supplier its kgCO2e, good units and intensity; no output, no intensity', async () => {
    const { nodes } = await report(admin(), 'SUPPLIER');
    // A: 2842 + 1200 kg over 400 + 200 units; B: 500 kg, no output; C has no records, hence no row.
    expect(figures(nodes)).toEqual({ [world.A]: [4042, 600, round(4042 / 600)], [world.B]: [500, null, null] });
    expect(nodes.find((r) => r.key === world.A)!.supplier).toEqual({ id: world.A });
  });

  it('allocates each facility\'s kgCO2e to its products by their share of its output', async () => {
    const { nodes } = await report(admin(), 'PRODUCT');
    // aMx 2842 kg: p1 300/400 → 2131.5, p2 100/400 → 710.5; aVn 1200 kg all to p1 (200 units); bMx has no output: unallocated.
    expect(figures(nodes)).toEqual({
      [world.p1]: [3331.5, 500, 6.663], [world.p2]: [710.5, 100, 7.105], unallocated: [500, null, null],
    });
    expect(nodes.at(-1)).toMatchObject({ key: 'unallocated', product: null });
    expect(nodes.reduce((sum, r) => sum + r.co2eKg, 0)).toBeCloseTo(4542, 9);
  });

  it('splits nearshore from offshore with what suppliers says of each facility', async () => {
    const { nodes } = await report(admin(), 'NEARSHORE');
    // nearshore: aMx 2842 + bMx 500 kg, 400 units (bMx none); offshore: aVn 1200 kg, 200 units.
    expect(nodes.map((r) => [r.key, r.nearshore])).toEqual([['nearshore', true], ['offshore', false]]);
    expect(figures(nodes)).toEqual({ nearshore: [3342, 400, 8.355], offshore: [1200, 200, 6] });
  });
});

describe('carbonReport filters and period', () => {
  it('narrows to suppliers, facilities and scopes', async () => {
    expect(figures((await report(admin(), 'SCOPE', { filter: { supplierIds: [world.B] } })).nodes)).toEqual({ 1: [100, null, null], 2: [400, null, null] });
    expect(figures((await report(admin(), 'SCOPE', { filter: { facilityIds: [world.aVn] } })).nodes)).toEqual({ 1: [100, null, null], 2: [1000, null, null], 3: [100, null, null] });
    // scopes 1 and 2 of A: 3180 kg over 600 units = Supplier.co2ePerUnit; scope 3 only: 862 kg.
    const operational = (await report(admin(), 'SUPPLIER', { filter: { scopes: [1, 2] } })).nodes;
    expect(figures(operational)[world.A]).toEqual([3180, 600, 5.3]);
    expect(figures((await report(admin(), 'SUPPLIER', { filter: { scopes: [3] } })).nodes)).toEqual({ [world.A]: [862, 600, round(862 / 600)] });
  });

  it('counts a record starting on `to` in the next period and one ending on `from` in the previous, straddlers pro rata', async () => {
    // April: gas 50 m3 → 100 kg; grid 1000 kWh → 400 kg, plus 14/31 of the 15 Mar–15 Apr record's 1240 kg → 560 kg.
    expect(figures((await report(admin(), 'SCOPE', { period: '2026-04' })).nodes)).toEqual({ 1: [100, null, null], 2: [960, null, null] });
    // December 2025: gas 1000 m3 → 2000 kg; wind 500 kWh without certificates → 200 kg market-based.
    expect(figures((await report(admin(), 'SCOPE', { period: '2025-12' })).nodes)).toEqual({ 1: [2000, null, null], 2: [200, null, null] });
  });

  it('answers an empty connection for a period without records, and refuses bad arguments', async () => {
    expect(await report(admin(), 'SUPPLIER', { period: '2024' })).toEqual({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
    const refused = async (variables: Record<string, unknown>) => (await admin()(REPORT, { period: Q1, groupBy: 'SCOPE', ...variables })).errors?.[0]?.extensions;
    expect(await refused({ period: '2026-Q5' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'period' });
    expect(await refused({ filter: { scopes: [4] } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.scopes' });
    expect(await refused({ filter: { facilityIds: ['nope'] } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.facilityIds' });
  });
});

describe('carbonReport statements and access', () => {
  it.each(['SCOPE', 'CATEGORY', 'SCOPE_CATEGORY', 'SUPPLIER', 'PRODUCT', 'NEARSHORE'])('computes a %s page with one SQL statement', async (groupBy) => {
    stack.resetStatementCounts();
    await report(admin(), groupBy, { first: 2 });
    expect(stack.subgraphs.sustainability!.statements).toBe(1);
  });

  it('resolves suppliers and products of the rows through the gateway, for an ANALYST', async () => {
    const analyst = stack.as({ roles: ['ANALYST'] });
    const query = `{ bySupplier: carbonReport(period: "${Q1}", groupBy: SUPPLIER) { nodes { supplier { code } co2eKg } }
      byProduct: carbonReport(period: "${Q1}", groupBy: PRODUCT) { nodes { product { sku } co2eKg } } }`;
    const data = ok(await analyst(query));
    expect(data.bySupplier.nodes.map((n: { supplier: { code: string } }) => n.supplier.code)).toHaveLength(2);
    expect(data.bySupplier.nodes.every((n: { supplier: { code: string } }) => /^CM-/.test(n.supplier.code))).toBe(true);
    expect(data.byProduct.nodes.filter((n: { product: unknown }) => n.product).map((n: { product: { sku: string } }) => n.product.sku)).toHaveLength(2);
  });

  it('confines a partner to its own records and refuses it another supplier', async () => {
    const partnerA = stack.subgraph('sustainability', { caller: { roles: ['PARTNER'], supplierId: world.A } });
    expect(figures((await report(partnerA, 'SCOPE')).nodes)).toEqual({ 1: [300, null, null], 2: [2880, null, null], 3: [862, null, null] });
    expect((await report(partnerA, 'SUPPLIER')).nodes.map((r) => r.key)).toEqual([world.A]);
    expect(figures((await report(partnerA, 'NEARSHORE')).nodes)).toEqual({ nearshore: [2842, 400, 7.105], offshore: [1200, 200, 6] });
    expect((await report(partnerA, 'SCOPE', { filter: { facilityIds: [world.bMx] } })).nodes).toEqual([]);
    const other = await partnerA(REPORT, { period: Q1, groupBy: 'SCOPE', filter: { supplierIds: [world.B] } });
    expect(other.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', field: 'filter.supplierIds' } });
  });
});

describe('carbonReport paging', () => {
  // June 2026 has records of this block only, so the Q1 figures above stay as computed.
  const JUNE = { periodStart: '2026-06-01', periodEnd: '2026-07-01' };
  const june = (activityType: string, quantity: number, unit: string) => recordActivity(stack, { facilityId: world.aMx, ...JUNE, activityType, quantity, unit });

  it('returns every pre-existing row exactly once while records of new groups arrive between pages', async () => {
    await june('NATURAL_GAS', 1, 'm3');
    await june('PURCHASED_STEEL', 1, 'kg');
    await june('FREIGHT_ROAD', 1, 'tkm');
    await mutate(stack, 'createEmissionFactor', 'CreateEmissionFactorInput', {
      source: 'test', activityType: 'PURCHASED_PLASTIC', region: 'GLOBAL', kgCo2ePerUnit: 3, unit: 'kg', scope: 3, scope3Category: 2, year: 2026,
    });
    const before = (await report(admin(), 'SCOPE_CATEGORY', { period: '2026-06' })).nodes.map((r) => r.key);
    expect(before).toEqual(['1|-', '3|01', '3|04']);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; ; page++) {
      const { nodes, pageInfo } = await report(admin(), 'SCOPE_CATEGORY', { period: '2026-06', first: 2, after });
      seen.push(...nodes.map((r) => r.key));
      if (page === 0) await june('PURCHASED_PLASTIC', 1, 'kg'); // a new group, "3|02", after the cursor
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    for (const key of before) expect(seen.filter((k) => k === key)).toHaveLength(1);
    expect(seen).toEqual(['1|-', '3|01', '3|02', '3|04']);
  });

  it('with updatedSince, returns only the rows whose records changed since', async () => {
    // just after the latest record so far (the server stamps records with this machine's clock)
    const [{ latest }] = await stack.subgraphs.sustainability!.server.orm.em.getConnection()
      .execute<{ latest: Date }[]>('select max(updated_at) as latest from activity_record');
    const since = new Date(new Date(latest).getTime() + 1).toISOString();
    const changedSince = async () => (await report(admin(), 'SCOPE_CATEGORY', { period: '2026-06', since })).nodes.map((r) => r.key);
    expect(await changedSince()).toEqual([]);
    await june('FREIGHT_ROAD', 2, 'tkm');
    expect(await changedSince()).toEqual(['3|04']);
  });
});
