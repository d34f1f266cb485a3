// The seed module on the small universe: an inspection per delivered lot and per finished work order,
// readings consistent with results, a non-conformance per failure, KPIs that differ between suppliers
// and agree with the pure definitions, follow-ups, and bulk statements rather than rows; the BI reports
// over it; and the size of `large`.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from 'pg';
import { dataOf, startStack, type Stack } from '@cmgraph/testkit';
import { universe, workOrders } from '@cmgraph/seedkit';
import { seed } from '../src';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { qualityPerformance } from '../src/kpi/quality-kpi';
import { InspectionTrigger } from '../src/plan/plan.enums';
import { InspectionResult } from '../src/inspection/inspection.enums';

let stack: Stack;
let db: Client;
let progressed = 0;
let statements = 0;
const world = universe('small');
const deliveredLines = [...world.purchaseOrders()].filter((po) => po.shipment?.deliveredOn).reduce((n, po) => n + po.shipment!.lines.length, 0);
const finalWorkOrders = [...workOrders(world)].filter((wo) => wo.stage === 'FINAL').length;

beforeAll(async () => {
  stack = await startStack(['quality']);
  db = new Client({ connectionString: stack.subgraphs.quality!.server.orm.config.get('clientUrl') });
  await db.connect();
  const query = db.query.bind(db) as (...args: unknown[]) => unknown;
  const counting = Object.assign(Object.create(db), { query: (...args: unknown[]) => (statements++, query(...args)) });
  await seed({ db: counting, world, progress: (rows) => void (progressed += rows) });
}, 120_000);
afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

const count = async (sql: string) => Number((await db.query(sql)).rows[0].n);

describe('quality seed', () => {
  it('inspects every delivered lot once at first attempt (INCOMING) and every finished work order (FINAL), in bulk', async () => {
    expect(await count(`select count(*) n from inspection where trigger = 'INCOMING' and first_pass`)).toBe(deliveredLines);
    expect(await count(`select count(*) n from inspection where trigger = 'FINAL'`)).toBe(finalWorkOrders);
    const rows = await count(`select (select count(*) from inspection) + (select count(*) from inspection_reading) + (select count(*) from non_conformance) n`);
    expect(progressed).toBeGreaterThan(rows);
    expect(statements).toBeLessThan(40); // a few INSERT … SELECT unnest per round, never one per row
  });

  it('writes readings consistent with each result and a non-conformance for each failure', async () => {
    expect(await count(`select count(*) n from inspection i where (i.result = 'FAIL') <> (
      i.quantity_rejected > i.acceptance_number or exists (select 1 from inspection_reading r where r.inspection_id = i.id and not r.within_limits))`)).toBe(0);
    expect(await count(`select count(*) n from inspection i where not exists (select 1 from inspection_reading r where r.inspection_id = i.id)`)).toBe(0);
    expect(await count(`select count(*) n from inspection where result = 'FAIL'`)).toBe(await count(`select count(*) n from non_conformance`));
    expect(await count(`select count(*) n from inspection where result = 'FAIL'`)).toBeGreaterThan(0);
  });

  it('gives suppliers different PPM: some none at all, some in the thousands', async () => {
    const { _entities } = dataOf(await stack.subgraph('quality')(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Supplier { ppm(from: "2025-01-01", to: "2026-12-31") } } }`,
      { r: world.suppliers.filter((s) => s.type !== 'LOGISTICS').map((s) => ({ __typename: 'Supplier', id: s.id })) }));
    const ppms = _entities.map((e: { ppm: number }) => e.ppm);
    expect(Math.min(...ppms)).toBe(0);
    expect(Math.max(...ppms)).toBeGreaterThan(1000);
  });

  it('computes the same figures in SQL as the pure definition over the seeded inspections', async () => {
    const supplierId = world.suppliers[3]!.id;
    const { rows } = await db.query(`select trigger, result, first_pass, lot_size, quantity_rejected, to_char(inspected_at at time zone 'UTC', 'YYYY-MM-DD') as day
      from inspection where supplier_id = $1`, [supplierId]);
    const period = { from: '2026-01-01', to: '2026-10-31' };
    const expected = qualityPerformance(rows.map((row) => ({
      trigger: row.trigger as InspectionTrigger, result: row.result as InspectionResult, firstPass: row.first_pass,
      lotSize: row.lot_size, quantityRejected: row.quantity_rejected, inspectedOn: row.day,
    })), period);
    expect(expected.firstInspections).toBeGreaterThan(0);
    const { _entities } = dataOf(await stack.subgraph('quality')(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Supplier {
      qualityPerformance(from: "2026-01-01", to: "2026-10-31") { firstInspections firstInspectionsPassed firstPassYield quantityReceived quantityRejected ppm }
    } } }`, { r: [{ __typename: 'Supplier', id: supplierId }] }));
    expect(_entities[0].qualityPerformance).toEqual(expected);
  });

  it('adds corrective actions (one overdue), a recall, and continues document numbers after the seeded ones', async () => {
    const { correctiveActions, recalls } = dataOf(await stack.gateway(`{ correctiveActions { totalCount nodes { status overdue steps { completedAt } } } recalls { nodes { number status rootLots { id } } } }`));
    expect(correctiveActions.totalCount).toBeGreaterThan(1);
    expect(correctiveActions.nodes.some((a: { overdue: boolean }) => a.overdue)).toBe(true);
    expect(recalls.nodes).toEqual([{ number: 'RC-0000001', status: 'IN_PROGRESS', rootLots: [{ id: expect.any(String) }] }]);
    const ncs = await count('select count(*) n from non_conformance');
    const { rows: [counter] } = await db.query(`select last_value from document_counter where kind = 'NC'`);
    expect(counter.last_value).toBe(ncs);
  });

  it('adds up in the quality report and the scorecards over the seeded year', async () => {
    const inYear = await count(`select count(*) n from inspection where inspected_at >= '2026-01-01T00:00:00Z' and inspected_at < '2027-01-01T00:00:00Z'`);
    const { qualityReport } = dataOf(await stack.subgraph('quality')(`{ qualityReport(period: "2026", groupBy: SUPPLIER_PRODUCT, first: 1000) {
      totalCount nodes { inspections } } }`));
    expect(qualityReport.nodes.reduce((sum: number, row: { inspections: number }) => sum + row.inspections, 0)).toBe(inYear);
    const supplierId = world.suppliers[3]!.id;
    const { _entities } = dataOf(await stack.subgraph('quality')(`query($r: [_Any!]!) { _entities(representations: $r) {
      ... on SupplierScorecard { ppm firstPassYield } ... on Supplier { ppm(from: "2026-01-01", to: "2026-12-31") firstPassYield(from: "2026-01-01", to: "2026-12-31") }
    } }`, { r: [{ __typename: 'SupplierScorecard', supplierId, period: '2026' }, { __typename: 'Supplier', id: supplierId }] }));
    expect(_entities[0]).toEqual(_entities[1]);
    expect(_entities[0].ppm).not.toBeNull();
  });
});

describe('quality seed at scale large', () => {
  it('inspects over 100,000 lots at first attempt (INCOMING alone; FINAL inspections and re-inspections come on top)', async () => {
    const script = path.join(__dirname, 'seed-size.script.ts');
    const { stdout } = await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', script, 'large'], { cwd: path.join(__dirname, '..') });
    expect(Number(stdout.trim())).toBeGreaterThanOrEqual(100_000);
  }, 180_000);
});
