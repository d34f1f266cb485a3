// The seed module on the small universe: the kit's topology and work orders, three-level genealogy,
// BOMs the work orders agree with, OEE that differs between suppliers, telemetry with alerts, in bulk.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from 'pg';
import { startStack, type Stack } from '@cmgraph/testkit';
import { productionTopology, universe, workOrders } from '@cmgraph/seedkit';
import { seed } from '../src';

let stack: Stack;
let db: Client;
let progressed = 0;
let statements = 0;
const world = universe('small');
const topology = productionTopology(world);
const orders = [...workOrders(world)];

beforeAll(async () => {
  stack = await startStack(['production']);
  db = new Client({ connectionString: stack.subgraphs.production!.server.orm.config.get('clientUrl') });
  await db.connect();
  const query = db.query.bind(db) as (...args: unknown[]) => unknown;
  const counting = Object.assign(Object.create(db), { query: (...args: unknown[]) => (statements++, query(...args)) });
  await seed({ db: counting, world, progress: (rows) => void (progressed += rows) });
}, 120_000);
afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

const count = async (table: string) => (await db.query(`select count(*)::int as n from ${table}`)).rows[0].n as number;

describe('production seed', () => {
  it('writes the topology, every work order with its output and consumption, and BOMs, in bulk', async () => {
    expect(await count('line')).toBe(topology.lines.length);
    expect(await count('machine')).toBe(topology.machines.length);
    expect(await count('work_order')).toBe(orders.length);
    expect(await count('work_order_output')).toBe(orders.length);
    expect(await count('material_consumption')).toBe(orders.reduce((sum, o) => sum + o.consumed.length, 0));
    expect(await count(`work_order w where not exists (select 1 from bill_of_materials b where b.id = w.bill_of_materials_id and b.product_id = w.product_id and b.status = 'ACTIVE')`)).toBe(0);
    expect(await count(`work_order where actual_end <= actual_start or status <> 'CLOSED'`)).toBe(0);
    expect(orders.length).toBeGreaterThan(100);
    expect(statements).toBeLessThan(60);
    expect(progressed).toBeGreaterThan(orders.length * 3);
  });

  it('links component lots to finished lots through subassembly lots, three levels deep', async () => {
    const final = orders.find((o) => o.stage === 'FINAL')!;
    const { rows } = await db.query(`with recursive up(lot, depth) as (
        select $1::uuid, 0 union all
        select c.lot_id, up.depth + 1 from up join work_order_output o on o.lot_id = up.lot join material_consumption c on c.work_order_id = o.work_order_id)
      select max(depth)::int as depth from up`, [final.outputLotId]);
    expect(rows[0].depth).toBe(2);
  });

  it('gives contract manufacturers different OEE through their downtime and speed', async () => {
    const { rows } = await db.query(`select l.supplier_id, sum(extract(epoch from w.actual_end - w.actual_start)) as window_s,
        coalesce((select sum(extract(epoch from d.ended_at - d.started_at)) from downtime_event d join machine m on m.id = d.machine_id
                  join line l2 on l2.id = m.line_id where l2.supplier_id = l.supplier_id and not d.planned), 0) as stop_s
      from work_order w join line l on l.id = w.line_id group by l.supplier_id`);
    const shares = rows.map((r) => Number(r.stop_s) / Number(r.window_s));
    expect(rows.length).toBeGreaterThan(2);
    expect(Math.max(...shares) - Math.min(...shares)).toBeGreaterThan(0.02);
    expect(await count(`downtime_event d join downtime_reason r on r.id = d.reason_id where r.category = 'FAILURE'`)).toBeGreaterThan(0);
  });

  it('writes two weeks of telemetry per machine and open alerts for machines over their limits', async () => {
    expect(await count('telemetry_reading')).toBe(topology.machines.length * 14 * 4 * 2);
    expect(await count('machine_metric_limit')).toBe(topology.machines.length * 2);
    const alerts = await count(`alert where resolved_at is null and category = 'MACHINE_HEALTH'`);
    expect(alerts).toBeGreaterThan(0);
    expect(await count(`alert a where not exists (select 1 from telemetry_reading t join machine_metric_limit l on l.machine_id = t.machine_id and l.metric = t.metric
      where t.machine_id = a.subject_id and t.value > l.max)`)).toBe(0);
  });
});
