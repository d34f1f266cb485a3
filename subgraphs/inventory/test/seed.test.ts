// The seed module on the small universe: receipts for delivered shipments, a ledger that the stock
// levels sum exactly, and demand behind days of supply.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from 'pg';
import { startStack, type Stack } from '@cmgraph/testkit';
import { universe, workOrders } from '@cmgraph/seedkit';
import { seed } from '../src';

let stack: Stack;
let db: Client;
let progressed = 0;
const world = universe('small');

beforeAll(async () => {
  stack = await startStack(['inventory']);
  db = new Client({ connectionString: stack.subgraphs.inventory!.server.orm.config.get('clientUrl') });
  await db.connect();
  await seed({ db, world, progress: (rows) => void (progressed += rows) });
});
afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

describe('inventory seed', () => {
  it('writes the products and locations of the universe with their deterministic ids', async () => {
    const { data } = await stack.gateway(`{ products(first: 1) { totalCount nodes { id sku gtin } } locations { totalCount } }`);
    expect(data.products.totalCount).toBe(world.products.length);
    expect(data.products.nodes[0]).toEqual({ id: world.products[0]!.id, sku: world.products[0]!.sku, gtin: world.products[0]!.gtin });
    expect(data.locations.totalCount).toBe(world.locations.length);
  });

  it('books one receipt per delivered shipment, with a lot and a RECEIPT movement per line', async () => {
    const delivered = [...world.purchaseOrders()].filter((po) => po.shipment?.deliveredOn);
    expect(delivered.length).toBeGreaterThan(0);
    const { rows: [counts] } = await db.query(
      `select (select count(*) from receipt)::int as receipts, (select count(*) from receipt_line)::int as lines,
              (select count(*) from lot)::int as lots, (select count(*) from stock_movement where type = 'RECEIPT')::int as receipts_booked`,
    );
    const lines = delivered.reduce((n, po) => n + po.shipment!.lines.length, 0);
    const subassemblies = [...workOrders(world)].filter((order) => order.stage === 'SUBASSEMBLY').length;
    expect(subassemblies).toBeGreaterThan(0);
    expect(counts).toEqual({ receipts: delivered.length, lines, lots: lines + subassemblies, receipts_booked: lines });

    const shipment = delivered[0]!.shipment!;
    const entities = await stack.subgraph('inventory')(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Shipment { receipt { lines { lot { id lotNumber } acceptedQuantity discrepancy } } } } }`,
      { r: [{ __typename: 'Shipment', id: shipment.id }] },
    );
    expect(entities.data._entities[0].receipt.lines[0]).toEqual({
      lot: { id: shipment.lines[0]!.lotId, lotNumber: shipment.lines[0]!.lotNumber }, acceptedQuantity: shipment.lines[0]!.quantity, discrepancy: 0,
    });
  });

  it('leaves every stock level equal to the sum of its ledger, and issues stock onward so there is demand', async () => {
    const { rows: drift } = await db.query(
      `select l.product_id, l.location_id from stock_level l
       left join (select product_id, loc, sum(q) as total from (
         select product_id, to_location_id as loc, quantity as q from stock_movement where to_location_id is not null
         union all select product_id, from_location_id, -quantity from stock_movement where from_location_id is not null) m
         group by product_id, loc) s on s.product_id = l.product_id and s.loc = l.location_id
       where s.total is distinct from l.on_hand`,
    );
    expect(drift).toEqual([]);
    const { rows: [negative] } = await db.query(`select count(*)::int as n from stock_level where on_hand < 0`);
    expect(negative.n).toBe(0);
    const { rows: [issues] } = await db.query(`select count(*)::int as n from stock_movement where type = 'ISSUE'`);
    expect(issues.n).toBeGreaterThan(0);
    expect(progressed).toBeGreaterThan(0);
  });
});
