// `shipmentUpdated` straight on the orders subgraph over graphql-ws: live updates through each filter,
// replay after a cursor then live with no gap and no duplicate (while new updates are written), replay
// since a time, and coded refusals of a cursor or filter it cannot use.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openEventStreams } from '@cmgraph/platform';
import { subscriber, type TestSubscriber, type TestSubscription } from '@cmgraph/testkit';
import { RECORD_MILESTONE, type Parties } from './fixtures';
import { UPDATE_ETA, acknowledgedOrder, bookShipment, call, createParties, startScene, type Scene } from './event-fixtures';

const SHIPMENT_UPDATED = `subscription($filter: ShipmentUpdateFilter, $after: String, $since: DateTime) {
  shipmentUpdated(filter: $filter, after: $after, since: $since) {
    cursor eventId change occurredAt status milestone eta shipment { id number status eta }
  }
}`;

interface Update {
  cursor: string;
  eventId: string;
  change: string;
  occurredAt: string;
  status: string;
  milestone: string | null;
  eta: string | null;
  shipment: { id: string; number: string; status: string; eta: string };
}

let scene: Scene;
let client: TestSubscriber;
let supplierA: Parties;
let supplierB: Parties;
beforeAll(async () => {
  scene = await startScene();
  client = subscriber(scene.stack.subgraphs.orders!.http.url);
  supplierA = await createParties(scene, 1);
  supplierB = await createParties(scene, 1);
});
afterAll(async () => {
  await client?.dispose();
  await scene?.stop();
});

/** Opens subscriptions and waits until the subgraph serves them, so that what is written next is live for them. */
async function open(variables: Record<string, unknown>[]): Promise<TestSubscription<{ shipmentUpdated: Update }>[]> {
  const target = openEventStreams() + variables.length;
  const subscriptions = variables.map((v) => client.subscribe<{ shipmentUpdated: Update }>(SHIPMENT_UPDATED, v));
  for (let waited = 0; openEventStreams() < target; waited += 20) {
    if (waited > 15_000) throw new Error('the subscriptions were not opened');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return subscriptions;
}

/** Closes subscriptions and waits until the subgraph has closed their streams (so `open` counts right). */
async function close(subscriptions: (TestSubscription<unknown> | undefined)[]): Promise<void> {
  const target = openEventStreams() - subscriptions.length;
  for (const subscription of subscriptions) subscription!.close();
  for (let waited = 0; openEventStreams() > target; waited += 20) {
    if (waited > 15_000) throw new Error('the subscriptions were not closed');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function updates(subscription: TestSubscription<{ shipmentUpdated: Update }>, count: number): Promise<Update[]> {
  return (await subscription.take(count)).map((message) => {
    if (message.errors) throw new Error(JSON.stringify(message.errors));
    return message.data!.shipmentUpdated;
  });
}

const eta = (shipmentId: string, day: string) => call(scene, UPDATE_ETA, { input: { shipmentId, eta: day } });
const milestone = (shipmentId: string, type: string) =>
  call(scene, RECORD_MILESTONE, { input: { shipmentId, type, occurredAt: '2026-03-05T08:00:00Z' } });

describe('shipmentUpdated live', () => {
  it('delivers each filter (supplier, purchase order, statuses) exactly its updates, in order', async () => {
    const orderA1 = await acknowledgedOrder(scene, supplierA, [10]);
    const orderA2 = await acknowledgedOrder(scene, supplierA, [10]);
    const orderB = await acknowledgedOrder(scene, supplierB, [10]);
    const [all, bySupplier, byOrder, byStatus] = await open([
      {},
      { filter: { supplierId: supplierA.supplierId } },
      { filter: { purchaseOrderId: orderA1.id } },
      { filter: { statuses: ['DELIVERED', 'EXCEPTION'] } },
    ]);

    const s1 = await bookShipment(scene, supplierA, orderA1, 2); // A, order A1
    const s2 = await bookShipment(scene, supplierB, orderB, 2); // B
    const s3 = await bookShipment(scene, supplierA, orderA2, 2); // A, order A2
    await milestone(s2.id, 'DELIVERED');
    await milestone(s1.id, 'EXCEPTION');
    await eta(s3.id, '2026-03-09');
    await milestone(s1.id, 'DELIVERED'); // matches every filter: the last update each of them sees

    const names = { [s1.id]: 's1', [s2.id]: 's2', [s3.id]: 's3' };
    const seen = (list: Update[]) => list.map((u) => `${names[u.shipment.id]} ${u.change} ${u.status}${u.milestone ? ` ${u.milestone}` : ''}`);
    expect(seen(await updates(all!, 10))).toEqual([
      's1 CREATED BOOKED', 's2 CREATED BOOKED', 's3 CREATED BOOKED',
      's2 MILESTONE DELIVERED DELIVERED', 's2 STATUS DELIVERED DELIVERED',
      's1 MILESTONE EXCEPTION EXCEPTION', 's1 STATUS EXCEPTION EXCEPTION',
      's3 ETA BOOKED',
      's1 MILESTONE DELIVERED DELIVERED', 's1 STATUS DELIVERED DELIVERED',
    ]);
    expect(seen(await updates(bySupplier!, 7))).toEqual([
      's1 CREATED BOOKED', 's3 CREATED BOOKED', 's1 MILESTONE EXCEPTION EXCEPTION', 's1 STATUS EXCEPTION EXCEPTION',
      's3 ETA BOOKED', 's1 MILESTONE DELIVERED DELIVERED', 's1 STATUS DELIVERED DELIVERED',
    ]);
    expect(seen(await updates(byOrder!, 5))).toEqual([
      's1 CREATED BOOKED', 's1 MILESTONE EXCEPTION EXCEPTION', 's1 STATUS EXCEPTION EXCEPTION',
      's1 MILESTONE DELIVERED DELIVERED', 's1 STATUS DELIVERED DELIVERED',
    ]);
    expect(seen(await updates(byStatus!, 6))).toEqual([
      's2 MILESTONE DELIVERED DELIVERED', 's2 STATUS DELIVERED DELIVERED',
      's1 MILESTONE EXCEPTION EXCEPTION', 's1 STATUS EXCEPTION EXCEPTION',
      's1 MILESTONE DELIVERED DELIVERED', 's1 STATUS DELIVERED DELIVERED',
    ]);
    await close([all, bySupplier, byOrder, byStatus]);
  });
});

describe('shipmentUpdated replay', () => {
  it('replays after a cursor, then continues live, with no gap and no duplicate across the switch', async () => {
    const order = await acknowledgedOrder(scene, supplierA, [10], '2026-12-31');
    const shipment = await bookShipment(scene, supplierA, order, 1, '2026-07-01');
    const day = (n: number) => `2026-07-${String(n).padStart(2, '0')}`; // July: 31 days
    const [live] = await open([{ filter: { supplierId: supplierA.supplierId } }]);
    for (let n = 2; n <= 11; n++) await eta(shipment.id, day(n));
    const first = await updates(live!, 10);

    // resume after the 4th; 20 more updates are written while the replay runs
    const [resumed] = await open([{ filter: { supplierId: supplierA.supplierId }, after: first[3]!.cursor }]);
    const writing = (async () => {
      for (let n = 12; n <= 31; n++) await eta(shipment.id, day(n));
    })();
    const replayedThenLive = await updates(resumed!, 26);
    await writing;
    const rest = await updates(live!, 20);
    expect(replayedThenLive.map((u) => u.eventId)).toEqual([...first.slice(4), ...rest].map((u) => u.eventId));
    expect(replayedThenLive.map((u) => u.eta)).toEqual(Array.from({ length: 26 }, (_, i) => day(6 + i)));

    // and nothing repeats after the switch: the next update each sees is the next one written
    await milestone(shipment.id, 'PICKED_UP');
    const [next] = await updates(resumed!, 1);
    expect(next).toMatchObject({ change: 'MILESTONE', milestone: 'PICKED_UP' });
    expect((await updates(live!, 1))[0]!.eventId).toBe(next!.eventId);
    await close([resumed, live]);

    // a replay shows each update as it was recorded, and the shipment as it is now
    const [again] = await open([{ after: first[3]!.cursor }]);
    expect((await updates(again!, 1))[0]).toMatchObject({
      eventId: first[4]!.eventId, change: 'ETA', eta: day(6), status: 'BOOKED', shipment: { id: shipment.id, eta: day(31), status: 'IN_TRANSIT' },
    });
    await close([again]);
  });

  it('replays since a time: only what was recorded since, then live', async () => {
    const order = await acknowledgedOrder(scene, supplierB, [10], '2026-12-31');
    const shipment = await bookShipment(scene, supplierB, order, 1, '2026-05-01');
    await eta(shipment.id, '2026-05-02');
    // everything recorded so far happened two hours ago...
    await scene.stack.subgraphs.orders!.server.orm.em.fork().execute(`update outbox_event set occurred_at = now() - interval '2 hours'`);
    // ...and these two just now
    await eta(shipment.id, '2026-05-03');
    await milestone(shipment.id, 'DEPARTED');
    const [since] = await open([{ filter: { supplierId: supplierB.supplierId }, since: new Date(Date.now() - 3_600_000).toISOString() }]);
    const replayed = await updates(since!, 3);
    expect(replayed.map((u) => [u.change, u.eta, u.status])).toEqual([
      ['ETA', '2026-05-03', 'BOOKED'], ['MILESTONE', '2026-05-03', 'IN_TRANSIT'], ['STATUS', '2026-05-03', 'IN_TRANSIT'],
    ]);
    expect(replayed.every((u) => Date.parse(u.occurredAt) > Date.now() - 3_600_000)).toBe(true);
    await eta(shipment.id, '2026-05-04');
    expect((await updates(since!, 1))[0]).toMatchObject({ change: 'ETA', eta: '2026-05-04' });
    await close([since]);
  });
});

describe('shipmentUpdated refusals', () => {
  it('refuses a cursor it did not give out with BAD_USER_INPUT', async () => {
    const subscription = client.subscribe(SHIPMENT_UPDATED, { after: 'not-a-cursor' });
    const message = await subscription.next();
    expect(message.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } });
    expect(JSON.stringify(message.errors)).not.toMatch(/stack|\.ts:/);
  });

  it('refuses a malformed filter id with BAD_USER_INPUT naming the field', async () => {
    const subscription = client.subscribe(SHIPMENT_UPDATED, { filter: { purchaseOrderId: 'PO-1' } });
    const message = await subscription.next();
    expect(message.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'filter.purchaseOrderId' } });
  });
});
