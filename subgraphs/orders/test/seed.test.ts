// The seed module on the small universe: the universe's ids, quantities consistent with the shipments,
// statuses the lifecycle rules agree with, valid SSCCs, and bulk statements rather than rows.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from 'pg';
import { startStack, type Stack } from '@cmgraph/testkit';
import { universe } from '@cmgraph/seedkit';
import { seed } from '../src';
import { isValidSscc } from '../src/shipment/sscc';
import { deliveryPerformance } from '../src/supplier/delivery-performance';

let stack: Stack;
let db: Client;
let progressed = 0;
let statements = 0;
const world = universe('small');
const purchaseOrders = [...world.purchaseOrders()];
const shipped = purchaseOrders.filter((po) => po.shipment);

beforeAll(async () => {
  stack = await startStack(['inventory', 'orders']); // orders' Lot.shipmentLines needs inventory's Lot to compose
  db = new Client({ connectionString: stack.subgraphs.orders!.server.orm.config.get('clientUrl') });
  await db.connect();
  const query = db.query.bind(db) as (...args: unknown[]) => unknown;
  const counting = Object.assign(Object.create(db), { query: (...args: unknown[]) => (statements++, query(...args)) });
  await seed({ db: counting, world, progress: (rows) => void (progressed += rows) });
});
afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

describe('orders seed', () => {
  it('writes every order, line, shipment, package, shipment line and milestone of the universe, in bulk', async () => {
    const { rows: [counts] } = await db.query(`select
      (select count(*) from purchase_order)::int as orders, (select count(*) from purchase_order_line)::int as lines,
      (select count(*) from shipment)::int as shipments, (select count(*) from shipment_package)::int as packages,
      (select count(*) from shipment_line)::int as shipment_lines, (select count(*) from shipment_event)::int as events`);
    const expected = {
      orders: purchaseOrders.length,
      lines: purchaseOrders.length * 4,
      shipments: shipped.length,
      packages: shipped.length * 2,
      shipment_lines: shipped.reduce((n, po) => n + po.shipment!.lines.length, 0),
      events: shipped.reduce((n, po) => n + (po.shipment!.deliveredOn ? 2 : 1), 0),
    };
    expect(counts).toEqual(expected);
    expect(progressed).toBe(Object.values(expected).reduce((a, b) => a + b, 0));
    expect(statements).toBe(6); // one INSERT … SELECT unnest per table: 150 orders fit in one round
  });

  it('keeps the universe ids, so other subgraphs can point at the same orders and shipments', async () => {
    const po = shipped[0]!;
    const result = await stack.gateway(`query($id: ID!) { purchaseOrder(id: $id) { number lines { id } shipments { id lines { id } } } }`, { id: po.id });
    expect(result.data.purchaseOrder).toEqual({
      number: po.number,
      lines: po.lines.map((line) => ({ id: line.id })),
      shipments: [{ id: po.shipment!.id, lines: po.shipment!.lines.map((line) => ({ id: line.id })) }],
    });
  });

  it('derives shipped and delivered quantities from the shipments, and statuses the lifecycle rules agree with', async () => {
    const { rows: drift } = await db.query(`
      select l.id from purchase_order_line l
      left join (select sl.purchase_order_line_id as id, sum(sl.quantity) as shipped,
                        coalesce(sum(sl.quantity) filter (where s.status = 'DELIVERED'), 0) as delivered
                 from shipment_line sl join shipment s on s.id = sl.shipment_id group by 1) t on t.id = l.id
      where l.quantity_shipped <> coalesce(t.shipped, 0) or l.quantity_delivered <> coalesce(t.delivered, 0)`);
    expect(drift).toEqual([]);
    const { rows: misclosed } = await db.query(`
      select po.number from purchase_order po join purchase_order_line l on l.purchase_order_id = po.id
      group by po.id having (po.status = 'CLOSED') <> bool_and(l.quantity_delivered >= l.quantity and l.delivered_in_full_on is not null)`);
    expect(misclosed).toEqual([]);
  });

  it("copies each line's supplier from its order and its facility from the shipment that carries it", async () => {
    const { rows: [check] } = await db.query(`select
        count(*) filter (where l.supplier_id <> po.supplier_id or l.ship_from_facility_id is distinct from s.ship_from_facility_id)::int as drift,
        count(l.ship_from_facility_id)::int as from_facility
      from purchase_order_line l join purchase_order po on po.id = l.purchase_order_id
      left join shipment_line sl on sl.purchase_order_line_id = l.id left join shipment s on s.id = sl.shipment_id`);
    expect(check.drift).toBe(0);
    expect(check.from_facility).toBe(shipped.reduce((n, po) => n + po.shipment!.lines.length, 0));
  });

  it('labels every package with a valid, unique SSCC', async () => {
    const { rows } = await db.query<{ sscc: string }>('select sscc from shipment_package');
    expect(rows.every((row) => isValidSscc(row.sscc))).toBe(true);
    expect(new Set(rows.map((row) => row.sscc)).size).toBe(rows.length);
  });

  it('gives the same OTIF figures in SQL as the pure definition over the universe', async () => {
    const supplierId = purchaseOrders[0]!.supplierId;
    const window = { from: '2026-01-01', to: '2026-10-31', daysEarly: 3, daysLate: 0 };
    const lines = purchaseOrders.filter((po) => po.supplierId === supplierId).flatMap((po) => po.lines.map((line, k) => {
      const shippedQty = po.shipment?.lines.find((s) => s.lineIndex === k)?.quantity ?? 0;
      const delivered = po.shipment?.deliveredOn ? shippedQty : 0;
      const acknowledged = po.status !== 'SENT';
      return {
        quantity: line.quantity, quantityDelivered: delivered, requestedDate: line.requestedDate,
        originalPromisedDate: acknowledged ? line.promisedDate : null,
        deliveredInFullOn: delivered >= line.quantity ? po.shipment!.deliveredOn : null, rejected: false, orderInactive: false,
      };
    }));
    const expected = deliveryPerformance(lines, window);
    expect(expected.linesDue).toBeGreaterThan(0);
    const result = await stack.subgraph('orders')(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Supplier {
        deliveryPerformance(from: "2026-01-01", to: "2026-10-31") { linesDue linesOnTimeInFull onTimeInFullRate quantityOrdered quantityDelivered fillRate }
      } } }`,
      { r: [{ __typename: 'Supplier', id: supplierId }] },
    );
    expect(result.data._entities[0].deliveryPerformance).toEqual(expected);
  });
});
