// Reactions happen exactly once even when the processes doing them are killed: orders' relay and
// inventory's consumers run in real subgraph processes (as `npm start` runs them) that this test
// SIGKILLs mid-way — the consumer in the middle of its batch — and starts again. Every delivered
// shipment then has exactly one goods receipt with one RECEIPT movement per shipped line.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { spawnService, type Service } from '@cmgraph/devstack/src/processes';
import { dataOf, startStack, type Stack } from '@cmgraph/testkit';

const ROOT = path.resolve(__dirname, '..');
let stack: Stack;
const services: Service[] = [];

beforeAll(async () => {
  // the in-process subgraphs serve requests only; relays and consumers run in the processes below
  stack = await startStack(['suppliers', 'orders', 'inventory'], { withoutWorkers: ['orders', 'inventory'] });
  await stack.seed('small');
}, 180_000);
afterAll(async () => {
  await Promise.all(services.map((service) => service.stop(2_000)));
  await stack?.stop();
});

function start(name: 'orders' | 'inventory'): Service {
  const service = spawnService({
    name,
    script: path.join('subgraphs', name, 'src', 'main.ts'),
    cwd: ROOT,
    env: {
      DATABASE_URL: stack.target.serverUrl,
      DATABASE_PREFIX: stack.target.prefix,
      PORT: '0',
      LOG_LEVEL: 'error',
      SUBGRAPH_URLS: JSON.stringify(Object.fromEntries(Object.entries(stack.subgraphs).map(([n, s]) => [n, s.http.url]))),
    },
    print: () => undefined,
  });
  services.push(service);
  return service;
}

async function kill(service: Service): Promise<void> {
  try {
    process.kill(-service.child.pid!, 'SIGKILL');
  } catch {
    service.child.kill('SIGKILL');
  }
  await service.exited;
}

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const inventorySql = <T>(sql: string, params: unknown[] = []) => stack.subgraphs.inventory!.server.orm.em.fork().execute<T[]>(sql, params);
const ordersSql = <T>(sql: string, params: unknown[] = []) => stack.subgraphs.orders!.server.orm.em.fork().execute<T[]>(sql, params);

/** New shipments (one unit of an open line each) on the seeded world's open purchase orders. */
async function bookShipments(count: number): Promise<string[]> {
  const lines = await ordersSql<{ line_id: string; supplier_id: string; location_id: string; open: number }>(
    `select l.id as line_id, po.supplier_id, po.ship_to_location_id as location_id, floor(l.quantity - l.quantity_shipped)::int as open
       from purchase_order_line l join purchase_order po on po.id = l.purchase_order_id
      where po.status in ('ACKNOWLEDGED', 'PARTIALLY_SHIPPED') and l.ack_status = 'ACCEPTED' and l.quantity - l.quantity_shipped >= 1
      order by po.number, l.line_number`,
  );
  // one unit per shipment, round the open lines while units remain
  const open = Array.from({ length: count }, (_, i) => lines.filter((line) => line.open > Math.floor(i / lines.length))[i % lines.length]);
  expect(open.every(Boolean)).toBe(true);
  const facilities = await stack.subgraphs.suppliers!.server.orm.em
    .fork()
    .execute<{ id: string; supplier_id: string }[]>('select id, supplier_id from facility');
  const ids: string[] = [];
  for (const [i, line] of (open as typeof lines).entries()) {
    const { createShipment } = dataOf(await stack.subgraph('orders')(
      `mutation($input: CreateShipmentInput!) { createShipment(input: $input) { id } }`,
      {
        input: {
          number: `ASN-CRASH-${String(i).padStart(4, '0')}`, supplierId: line.supplier_id,
          shipFromFacilityId: facilities.find((f) => f.supplier_id === line.supplier_id)!.id, shipToLocationId: line.location_id,
          carrier: 'DHL', mode: 'ROAD', eta: '2026-06-01', packages: [],
          lines: [{ purchaseOrderLineId: line.line_id, quantity: 1, lotNumber: `LOT-CRASH-${i}` }],
        },
      },
    ));
    ids.push(createShipment.id);
  }
  return ids;
}

describe('reactions across killed processes', () => {
  it('books each delivered shipment exactly once though the relay and the consumer are SIGKILLed mid-way', async () => {
    const ids = await bookShipments(50);
    expect(await inventorySql<{ n: number }>('select count(*)::int as n from receipt where shipment_id in (?)', [ids])).toEqual([{ n: 0 }]);
    for (const id of ids) {
      dataOf(await stack.subgraph('orders')(
        `mutation($input: RecordShipmentMilestoneInput!) { recordShipmentMilestone(input: $input) { status } }`,
        { input: { shipmentId: id, type: 'DELIVERED', occurredAt: '2026-06-01T10:00:00Z' } },
      ));
    }
    const receipts = async () => (await inventorySql<{ n: number }>('select count(*)::int as n from receipt where shipment_id in (?)', [ids]))[0]!.n;
    const relayed = async () => (await ordersSql<{ n: number }>('select count(*)::int as n from outbox_event where relayed_at is not null'))[0]!.n;

    // the relay dies as soon as it has handed something to the bus (possibly before marking it relayed)
    const relay = start('orders');
    const watch = await stack.bus.reader('test.watch', []);
    await until(async () => (await watch.read('0', 1)).length > 0, 'the first relayed event');
    await kill(relay);
    await watch.close();

    // the consumer dies in the middle of its batch (one read covers every delivery)
    const consumer = start('inventory');
    const restartedRelay = start('orders');
    await until(async () => (await receipts()) > 0, 'the first receipt');
    await kill(consumer);
    const atKill = await receipts();
    expect(atKill).toBeLessThan(ids.length);

    start('inventory');
    await until(async () => (await receipts()) === ids.length, 'every receipt');
    await until(async () => (await ordersSql<{ n: number }>('select count(*)::int as n from outbox_event where relayed_at is null'))[0]!.n === 0, 'the outbox drained');
    expect(await relayed()).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // time for any duplicate to show up
    await restartedRelay.stop(2_000);

    const perShipment = await inventorySql<{ shipment_id: string; n: number }>(
      'select shipment_id, count(*)::int as n from receipt where shipment_id in (?) group by shipment_id',
      [ids],
    );
    expect(perShipment).toHaveLength(ids.length);
    expect(perShipment.every((row) => row.n === 1)).toBe(true);
    const [shippedLines] = await ordersSql<{ n: number }>('select count(*)::int as n from shipment_line where shipment_id in (?)', [ids]);
    const [receiptLines] = await inventorySql<{ n: number }>(
      'select count(*)::int as n from receipt_line rl join receipt r on r.id = rl.receipt_id where r.shipment_id in (?)',
      [ids],
    );
    expect(receiptLines!.n).toBe(shippedLines!.n);
    const [movements] = await inventorySql<{ n: number }>(
      `select count(*)::int as n from stock_movement m where m.type = 'RECEIPT' and m.reference in (
         select 'receipt:' || r.id from receipt r where r.shipment_id in (?))`,
      [ids],
    );
    const [processed] = await inventorySql<{ n: number }>(
      `select count(*)::int as n from processed_event where consumer = 'inventory.book-deliveries'`,
    );
    expect(processed!.n).toBe(ids.length);
    expect({ movements: movements!.n }).toEqual({ movements: shippedLines!.n });
  });
});
