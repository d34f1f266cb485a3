// The quality report and quality's part of the supplier scorecard, against a world written at exact
// instants and worked out by hand below; period boundaries (a row at `from` is in, at `to` out), no
// data, one supplier, partners, analysts, paging while rows are added, and statements per page.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from 'pg';
import { dataOf, startStack, type Stack } from '@cmgraph/testkit';
import type { Role } from '@cmgraph/platform';
import { qualityRows, type QualityRows } from './report.fixtures';

// Fixed ids, so that the key order is known: A < B < C, and "none" (no supplier) after every uuid.
const A = '00000000-0000-7000-8000-00000000000a';
const B = '00000000-0000-7000-8000-00000000000b';
const C = '00000000-0000-7000-8000-00000000000c'; // a supplier with no data at all
const P1 = '00000000-0000-7000-8000-0000000000f1';
const P2 = '00000000-0000-7000-8000-0000000000f2';

let stack: Stack;
let db: Client;
let rows: QualityRows;
let dim: string;
let cos: string;

// March 2026 = [2026-03-01, 2026-04-01). Inspections (lot size / rejected):
//   A  a1 P1 INCOMING first PASS 1000/0  03-01 00:00:00  ← on `from`: inside
//   A  a2 P1 INCOMING first FAIL  500/4  03-10
//   A  a3 P1 INCOMING re-insp. PASS 500/0 03-12           ← counts in `inspections` only
//   A  a4 P2 INCOMING first PASS  500/1  03-31 23:59:59
//   A  a5 P2 FINAL    first PASS  100/0  03-15           ← first-pass yield only
//   A  a6 P1 INCOMING first FAIL 2000/9  04-01 00:00:00  ← on `to`: outside (April)
//   A  a7 P1 INCOMING first PASS  300/0  02-28 23:59:59  ← outside (February)
//   B  b1 P1 INCOMING first PASS  200/0  03-05
//   B  b2 P2 IN_PROCESS first FAIL 50/2  03-06
//   —  n1 P2 FINAL    first PASS   40/0  03-20           ← the brand's own (no supplier)
// Non-conformances (quantity, opened): A nc1 P1 DIM-01 4 03-10 · A nc2 P2 COS-01 2 03-31 23:00 ·
//   A nc3 P1 unclassified 9 04-01 00:00 (outside) · B nc4 P2 DIM-01 2 03-06 · B nc5 P1 unclassified 1 03-01 00:00 (inside)
// Corrective actions of A: ca1 opened 02-10 closed 03-20 · ca2 opened 03-15 still open · ca3 opened 02-01 closed
//   04-01 00:00 (open at `to` = 04-01) · ca4 opened 04-01 00:00 (not yet at `to`). Open at 04-01: ca2, ca3 = 2.
beforeAll(async () => {
  stack = await startStack(['quality']);
  db = new Client({ connectionString: stack.subgraphs.quality!.server.orm.config.get('clientUrl') });
  await db.connect();
  rows = qualityRows(db);
  dim = await rows.defectCode('DIM-01');
  cos = await rows.defectCode('COS-01');
  const i = rows.inspection;
  await i({ supplierId: A, productId: P1, result: 'PASS', lotSize: 1000, rejected: 0, at: '2026-03-01T00:00:00Z' });
  const a2 = await i({ supplierId: A, productId: P1, result: 'FAIL', lotSize: 500, rejected: 4, at: '2026-03-10T12:00:00Z' });
  await i({ supplierId: A, productId: P1, result: 'PASS', firstPass: false, lotSize: 500, rejected: 0, at: '2026-03-12T12:00:00Z' });
  await i({ supplierId: A, productId: P2, result: 'PASS', lotSize: 500, rejected: 1, at: '2026-03-31T23:59:59Z' });
  await i({ supplierId: A, productId: P2, trigger: 'FINAL', result: 'PASS', lotSize: 100, rejected: 0, at: '2026-03-15T12:00:00Z' });
  await i({ supplierId: A, productId: P1, result: 'FAIL', lotSize: 2000, rejected: 9, at: '2026-04-01T00:00:00Z' });
  await i({ supplierId: A, productId: P1, result: 'PASS', lotSize: 300, rejected: 0, at: '2026-02-28T23:59:59Z' });
  await i({ supplierId: B, productId: P1, result: 'PASS', lotSize: 200, rejected: 0, at: '2026-03-05T12:00:00Z' });
  const b2 = await i({ supplierId: B, productId: P2, trigger: 'IN_PROCESS', result: 'FAIL', lotSize: 50, rejected: 2, at: '2026-03-06T12:00:00Z' });
  await i({ supplierId: null, productId: P2, trigger: 'FINAL', result: 'PASS', lotSize: 40, rejected: 0, at: '2026-03-20T12:00:00Z' });
  const nc = rows.nonConformance;
  await nc({ supplierId: A, productId: P1, defectCodeId: dim, quantity: 4, openedAt: '2026-03-10T12:00:00Z', inspectionId: a2 });
  await nc({ supplierId: A, productId: P2, defectCodeId: cos, quantity: 2, openedAt: '2026-03-31T23:00:00Z' });
  await nc({ supplierId: A, productId: P1, defectCodeId: null, quantity: 9, openedAt: '2026-04-01T00:00:00Z' });
  await nc({ supplierId: B, productId: P2, defectCodeId: dim, quantity: 2, openedAt: '2026-03-06T12:00:00Z', inspectionId: b2 });
  await nc({ supplierId: B, productId: P1, defectCodeId: null, quantity: 1, openedAt: '2026-03-01T00:00:00Z' });
  const ca = rows.correctiveAction;
  await ca({ supplierId: A, createdAt: '2026-02-10T09:00:00Z', status: 'CLOSED', closedAt: '2026-03-20T09:00:00Z' });
  await ca({ supplierId: A, createdAt: '2026-03-15T09:00:00Z', status: 'IN_PROGRESS' });
  await ca({ supplierId: A, createdAt: '2026-02-01T09:00:00Z', status: 'CLOSED', closedAt: '2026-04-01T00:00:00Z' });
  await ca({ supplierId: A, createdAt: '2026-04-01T00:00:00Z', status: 'OPEN' });
}, 120_000);
afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

const as = (roles: Role[], supplierId: string | null = null) => stack.subgraph('quality', { caller: { roles, supplierId } });
const admin = () => stack.subgraph('quality');

const SCORECARDS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on SupplierScorecard {
  supplierId period ppm firstPassYield openCorrectiveActions inspections
} } }`;
const card = (supplierId: string, period: string) => ({ __typename: 'SupplierScorecard', supplierId, period });

const REPORT = `query($period: String!, $groupBy: QualityGrouping!, $filter: QualityReportFilter, $first: Int, $after: String, $since: DateTime) {
  qualityReport(period: $period, groupBy: $groupBy, filter: $filter, first: $first, after: $after, updatedSince: $since) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { key supplier { id } product { id } defectCode { code }
      inspections firstInspections firstInspectionsPassed quantityInspected quantityRejected ppm firstPassYield nonConformances nonConformingQuantity }
  }
}`;
type Client_ = ReturnType<typeof admin>;
async function report(client: Client_, variables: Record<string, unknown>) {
  return dataOf(await client(REPORT, { first: 100, ...variables })).qualityReport;
}

describe('SupplierScorecard (quality\'s part)', () => {
  it('gives the hand-computed March figures of each supplier, and nothing for one without data', async () => {
    const { _entities } = dataOf(await admin()(SCORECARDS, { r: [card(A, '2026-03'), card(B, '2026-03'), card(C, '2026-03')] }));
    expect(_entities).toEqual([
      // A: inspections a1–a5 = 5; first a1 a2 a4 a5, passed a1 a4 a5 → 3/4; PPM (0+4+1)/(1000+500+500) × 10⁶ = 2500
      { supplierId: A, period: '2026-03', ppm: 2500, firstPassYield: 0.75, openCorrectiveActions: 2, inspections: 5 },
      // B: b1 b2; first-pass 1/2; PPM over b1 only: 0/200 = 0 (b2 is IN_PROCESS)
      { supplierId: B, period: '2026-03', ppm: 0, firstPassYield: 0.5, openCorrectiveActions: 0, inspections: 2 },
      { supplierId: C, period: '2026-03', ppm: null, firstPassYield: null, openCorrectiveActions: 0, inspections: 0 },
    ]);
  });

  it('counts a row at `to` in the next period, and corrective actions open at that period\'s end', async () => {
    const { _entities } = dataOf(await admin()(SCORECARDS, { r: [card(A, '2026-04'), card(A, '2026-Q1'), card(A, '2026')] }));
    expect(_entities).toEqual([
      // April: a6 only: FPY 0/1, PPM 9/2000 × 10⁶ = 4500; open at 05-01: ca2, ca4 (ca3 closed 04-01)
      { supplierId: A, period: '2026-04', ppm: 4500, firstPassYield: 0, openCorrectiveActions: 2, inspections: 1 },
      // Q1 = [01-01, 04-01): a1–a5 and a7 = 6; first 5, passed 4; PPM 5/2300 × 10⁶; open at 04-01: ca2, ca3
      { supplierId: A, period: '2026-Q1', ppm: (5 / 2300) * 1e6, firstPassYield: 0.8, openCorrectiveActions: 2, inspections: 6 },
      // 2026: all seven; first 6, passed 4; PPM 14/4300 × 10⁶; open at 2027-01-01: ca2, ca4
      { supplierId: A, period: '2026', ppm: (14 / 4300) * 1e6, firstPassYield: 4 / 6, openCorrectiveActions: 2, inspections: 7 },
    ]);
  });

  it('agrees with Supplier.ppm and firstPassYield over the same days', async () => {
    const { _entities } = dataOf(await admin()(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Supplier {
      ppm(from: "2026-03-01", to: "2026-03-31") firstPassYield(from: "2026-03-01", to: "2026-03-31") } } }`,
    { r: [{ __typename: 'Supplier', id: A }, { __typename: 'Supplier', id: B }] }));
    expect(_entities).toEqual([{ ppm: 2500, firstPassYield: 0.75 }, { ppm: 0, firstPassYield: 0.5 }]);
  });

  it('refuses a malformed period naming `period`', async () => {
    const response = await admin()(SCORECARDS, { r: [card(A, '2026-13')] });
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'period' } });
  });

  it('answers a page of 100 scorecards (several periods) with one statement', async () => {
    const ids = Array.from({ length: 98 }, (_, n) => `00000000-0000-7000-8000-${String(n + 1000).padStart(12, '0')}`);
    stack.resetStatementCounts();
    const { _entities } = dataOf(await admin()(SCORECARDS, { r: [card(A, '2026-03'), card(B, '2026-Q1'), ...ids.map((id) => card(id, '2026-03'))] }));
    expect(_entities).toHaveLength(100);
    expect(_entities[0]).toMatchObject({ ppm: 2500, inspections: 5 });
    expect(stack.subgraphs.quality!.statements).toBe(1);
  });

  it('gives a partner its own scorecard and refuses another supplier\'s', async () => {
    const own = dataOf(await as(['PARTNER'], A)(SCORECARDS, { r: [card(A, '2026-03')] }));
    expect(own._entities).toEqual([{ supplierId: A, period: '2026-03', ppm: 2500, firstPassYield: 0.75, openCorrectiveActions: 2, inspections: 5 }]);
    const other = await as(['PARTNER'], A)(SCORECARDS, { r: [card(B, '2026-03')] });
    expect(other.data?._entities).toEqual([null]);
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('qualityReport', () => {
  it('groups March by supplier, with the brand\'s own inspections under "none"', async () => {
    const { nodes, totalCount } = await report(admin(), { period: '2026-03', groupBy: 'SUPPLIER' });
    expect(totalCount).toBe(3);
    expect(nodes).toEqual([
      { key: A, supplier: { id: A }, product: null, defectCode: null, inspections: 5, firstInspections: 4, firstInspectionsPassed: 3,
        quantityInspected: 2000, quantityRejected: 5, ppm: 2500, firstPassYield: 0.75, nonConformances: 2, nonConformingQuantity: 6 }, // nc1 + nc2
      { key: B, supplier: { id: B }, product: null, defectCode: null, inspections: 2, firstInspections: 2, firstInspectionsPassed: 1,
        quantityInspected: 200, quantityRejected: 0, ppm: 0, firstPassYield: 0.5, nonConformances: 2, nonConformingQuantity: 3 }, // nc4 + nc5
      { key: 'none', supplier: null, product: null, defectCode: null, inspections: 1, firstInspections: 1, firstInspectionsPassed: 1,
        quantityInspected: 0, quantityRejected: 0, ppm: null, firstPassYield: 1, nonConformances: 0, nonConformingQuantity: 0 },
    ]);
  });

  it('groups March by product', async () => {
    const { nodes } = await report(admin(), { period: '2026-03', groupBy: 'PRODUCT' });
    expect(nodes).toEqual([
      // P1: a1 a2 a3 b1; first a1 a2 b1, passed a1 b1; PPM 4/1700 × 10⁶; NCs nc1 (4) + nc5 (1)
      { key: P1, supplier: null, product: { id: P1 }, defectCode: null, inspections: 4, firstInspections: 3, firstInspectionsPassed: 2,
        quantityInspected: 1700, quantityRejected: 4, ppm: (4 / 1700) * 1e6, firstPassYield: 2 / 3, nonConformances: 2, nonConformingQuantity: 5 },
      // P2: a4 a5 b2 n1, all first, passed a4 a5 n1; PPM over a4: 1/500 × 10⁶; NCs nc2 (2) + nc4 (2)
      { key: P2, supplier: null, product: { id: P2 }, defectCode: null, inspections: 4, firstInspections: 4, firstInspectionsPassed: 3,
        quantityInspected: 500, quantityRejected: 1, ppm: 2000, firstPassYield: 0.75, nonConformances: 2, nonConformingQuantity: 4 },
    ]);
  });

  it('groups March by supplier and product', async () => {
    const { nodes } = await report(admin(), { period: '2026-03', groupBy: 'SUPPLIER_PRODUCT' });
    const figures = nodes.map(({ key, inspections, firstPassYield, ppm, nonConformances }: any) => ({ key, inspections, firstPassYield, ppm, nonConformances }));
    expect(figures).toEqual([
      { key: `${A}|${P1}`, inspections: 3, firstPassYield: 0.5, ppm: (4 / 1500) * 1e6, nonConformances: 1 }, // a1 a2 a3; nc1
      { key: `${A}|${P2}`, inspections: 2, firstPassYield: 1, ppm: 2000, nonConformances: 1 }, // a4 a5; nc2
      { key: `${B}|${P1}`, inspections: 1, firstPassYield: 1, ppm: 0, nonConformances: 1 }, // b1; nc5
      { key: `${B}|${P2}`, inspections: 1, firstPassYield: 0, ppm: null, nonConformances: 1 }, // b2 (no INCOMING); nc4
      { key: `none|${P2}`, inspections: 1, firstPassYield: 1, ppm: null, nonConformances: 0 }, // n1
    ]);
    expect(nodes[0]).toMatchObject({ supplier: { id: A }, product: { id: P1 } });
  });

  it('groups March by defect code: non-conformances opened in the period and their quantities, no inspection figures', async () => {
    const { nodes } = await report(admin(), { period: '2026-03', groupBy: 'DEFECT_CODE' });
    const none = { supplier: null, product: null, inspections: null, firstInspections: null, firstInspectionsPassed: null, quantityInspected: null, quantityRejected: null, ppm: null, firstPassYield: null };
    expect(nodes).toEqual([
      { ...none, key: '(unclassified)', defectCode: null, nonConformances: 1, nonConformingQuantity: 1 }, // nc5 (nc3 is April's)
      { ...none, key: 'COS-01', defectCode: { code: 'COS-01' }, nonConformances: 1, nonConformingQuantity: 2 }, // nc2
      { ...none, key: 'DIM-01', defectCode: { code: 'DIM-01' }, nonConformances: 2, nonConformingQuantity: 6 }, // nc1 + nc4
    ]);
  });

  it('narrows by supplier and product', async () => {
    const { nodes } = await report(admin(), { period: '2026-03', groupBy: 'PRODUCT', filter: { supplierIds: [A], productIds: [P1] } });
    expect(nodes).toEqual([expect.objectContaining({ key: P1, inspections: 3, firstPassYield: 0.5, ppm: (4 / 1500) * 1e6, nonConformances: 1 })]);
  });

  it('has no rows for a period without data, and refuses a malformed period', async () => {
    expect(await report(admin(), { period: '2025', groupBy: 'SUPPLIER' })).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] });
    const response = await admin()(REPORT, { period: 'March', groupBy: 'SUPPLIER' });
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'period' } });
  });

  it('keeps, with updatedSince, only the groups in which a counted row changed since then', async () => {
    // A's a4 (03-31 23:59:59) and nc2 (03-31 23:00) are the only March rows stamped on or after 03-31
    const { nodes } = await report(admin(), { period: '2026-03', groupBy: 'SUPPLIER', since: '2026-03-31T00:00:00Z' });
    expect(nodes.map((n: { key: string }) => n.key)).toEqual([A]);
    expect(nodes[0]).toMatchObject({ inspections: 5, nonConformances: 2 }); // still the whole group's figures
    const byCode = await report(admin(), { period: '2026-03', groupBy: 'DEFECT_CODE', since: '2026-03-31T00:00:00Z' });
    expect(byCode.nodes.map((n: { key: string }) => n.key)).toEqual(['COS-01']); // nc2
  });

  it('computes one page with one statement, plus one for totalCount and one for the defect codes when asked for', async () => {
    const statements = async (selection: string, groupBy: string) => {
      stack.resetStatementCounts();
      dataOf(await admin()(`{ qualityReport(period: "2026-03", groupBy: ${groupBy}, first: 2) { ${selection} } }`));
      return stack.subgraphs.quality!.statements;
    };
    expect(await statements('nodes { key ppm supplier { id } product { id } } pageInfo { endCursor }', 'SUPPLIER_PRODUCT')).toBe(1);
    expect(await statements('totalCount nodes { key ppm }', 'SUPPLIER_PRODUCT')).toBe(2);
    expect(await statements('nodes { key defectCode { code } }', 'DEFECT_CODE')).toBe(2);
  });

  it('answers through the gateway', async () => {
    const { qualityReport } = dataOf(await stack.gateway(`{ qualityReport(period: "2026-03", groupBy: SUPPLIER) { totalCount nodes { key ppm } } }`));
    expect(qualityReport).toEqual({ totalCount: 3, nodes: [{ key: A, ppm: 2500 }, { key: B, ppm: 0 }, { key: 'none', ppm: null }] });
  });
});

describe('qualityReport access', () => {
  it('lets an analyst read every row', async () => {
    expect((await report(as(['ANALYST']), { period: '2026-03', groupBy: 'SUPPLIER' })).totalCount).toBe(3);
  });

  it('gives a partner only its own figures, per supplier and per product', async () => {
    const bySupplier = await report(as(['PARTNER'], A), { period: '2026-03', groupBy: 'SUPPLIER' });
    expect(bySupplier.nodes.map((n: { key: string }) => n.key)).toEqual([A]);
    const byProduct = await report(as(['PARTNER'], B), { period: '2026-03', groupBy: 'PRODUCT' });
    expect(byProduct.nodes).toEqual([
      expect.objectContaining({ key: P1, inspections: 1, ppm: 0, nonConformances: 1 }), // b1; nc5
      expect.objectContaining({ key: P2, inspections: 1, ppm: null, nonConformances: 1 }), // b2; nc4
    ]);
    const byCode = await report(as(['PARTNER'], A), { period: '2026-03', groupBy: 'DEFECT_CODE' });
    expect(byCode.nodes.map((n: { key: string; nonConformances: number }) => [n.key, n.nonConformances])).toEqual([['COS-01', 1], ['DIM-01', 1]]);
  });

  it('refuses a partner asking about another supplier', async () => {
    const response = await as(['PARTNER'], A)(REPORT, { period: '2026-03', groupBy: 'SUPPLIER', filter: { supplierIds: [B] } });
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(response.data).toBeNull();
  });
});

describe('qualityReport paging', () => {
  // June has its own groups, so that inserting rows here leaves the other tests' months alone.
  const june = (supplierId: string, productId = P1) => rows.inspection({ supplierId, productId, result: 'PASS', lotSize: 10, rejected: 0, at: '2026-06-10T12:00:00Z' });
  const supplier = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;

  it('returns every row exactly once with first: 2, even while groups are added before and after the cursor', async () => {
    for (const n of [20, 40, 60, 80, 100]) await june(supplier(n));
    const all = (await report(admin(), { period: '2026-06', groupBy: 'SUPPLIER' })).nodes.map((n: { key: string }) => n.key);
    expect(all).toEqual([20, 40, 60, 80, 100].map(supplier));
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const connection: any = await report(admin(), { period: '2026-06', groupBy: 'SUPPLIER', first: 2, after });
      seen.push(...connection.nodes.map((n: { key: string }) => n.key));
      expect(connection.nodes.length).toBeLessThanOrEqual(2);
      if (page === 0) {
        // new groups before the cursor, between pages and at the end; an existing group grows
        await june(supplier(10));
        await june(supplier(50));
        await june(supplier(200));
        await june(supplier(20), P2);
      }
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen.filter((key) => all.includes(key))).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).not.toContain(supplier(10)); // behind the cursor when it appeared
  });

  it('pages every grouping in key order, "none" and "(unclassified)" included', async () => {
    for (const groupBy of ['SUPPLIER', 'PRODUCT', 'SUPPLIER_PRODUCT', 'DEFECT_CODE']) {
      const whole = await report(admin(), { period: '2026-03', groupBy });
      const keys: string[] = [];
      let after: string | null = null;
      for (;;) {
        const connection: any = await report(admin(), { period: '2026-03', groupBy, first: 1, after });
        expect(connection.totalCount).toBe(whole.totalCount);
        keys.push(...connection.nodes.map((n: { key: string }) => n.key));
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      expect(keys).toEqual(whole.nodes.map((n: { key: string }) => n.key));
    }
  });

  it('refuses a cursor from another list', async () => {
    const response = await admin()(REPORT, { period: '2026-06', groupBy: 'SUPPLIER', after: Buffer.from('id:x').toString('base64url') });
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } });
  });
});
