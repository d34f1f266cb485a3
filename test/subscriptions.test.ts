// Issue 4's acceptance, end to end: a real graphql-ws client subscribes to `shipmentUpdated` through
// the gateway, selecting fields of four other subgraphs; it resumes exactly after a disconnect, after a
// gateway restart and across an orders restart; `since` backfills; 100 identical subscribers share one
// upstream subscription (counted at the gateway and at the orders subgraph).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { openEventStreams } from '@cmgraph/platform';
import { dataOf, startStack, subscriber, type Stack, type TestSubscription } from '@cmgraph/testkit';

const WATCH = `
  subscription Watch($filter: ShipmentUpdateFilter, $after: String, $since: DateTime) {
    shipmentUpdated(filter: $filter, after: $after, since: $since) {
      cursor eventId change status milestone occurredAt
      shipment {
        id number status
        supplier { id name }                      # suppliers
        shipTo { id code }                        # inventory
        incomingInspection { id result }          # quality
        transportCo2eKg                           # sustainability (@requires mode, weight, distance)
      }
    }
  }`;

const MILESTONE = `mutation($input: RecordShipmentMilestoneInput!) { recordShipmentMilestone(input: $input) { id status } }`;

interface Update {
  cursor: string;
  eventId: string;
  change: string;
  status: string;
  milestone: string | null;
  shipment: {
    id: string; number: string; status: string;
    supplier: { id: string; name: string };
    shipTo: { id: string; code: string };
    incomingInspection: { id: string; result: string } | null;
    transportCo2eKg: number | null;
  };
}

let stack: Stack;
/** Shipments in transit in the seeded world (each milestone below writes exactly one update). */
let inTransit: { id: string; supplier_id: string }[];
let supplierNames: Map<string, string>;

beforeAll(async () => {
  stack = await startStack();
  await stack.seed('small');
  inTransit = await stack.subgraphs.orders!.server.orm.em
    .fork()
    .execute(`select id, supplier_id from shipment where status = 'IN_TRANSIT' order by number limit 10`);
  const suppliers = await stack.subgraphs.suppliers!.server.orm.em.fork().execute<{ id: string; name: string }[]>('select id, name from supplier');
  supplierNames = new Map(suppliers.map((s) => [s.id, s.name]));
}, 180_000);
afterAll(async () => {
  await stack?.stop();
});

let clock = Date.parse('2026-06-01T00:00:00Z');
/** Records `count` CUSTOMS_CLEARED milestones (status stays IN_TRANSIT: one update each) round the shipments. */
async function milestones(count: number, call = stack.subgraph('orders')): Promise<void> {
  for (let i = 0; i < count; i++) {
    const shipment = inTransit[i % inTransit.length]!;
    clock += 60_000;
    dataOf(await call(MILESTONE, { input: { shipmentId: shipment.id, type: 'CUSTOMS_CLEARED', occurredAt: new Date(clock).toISOString() } }));
  }
}

/** The ids of the `shipment.updated` events the orders log holds after `cursorEventId` (all when null), in order. */
async function logAfter(cursorEventId: string | null): Promise<string[]> {
  const rows = await stack.subgraphs.orders!.server.orm.em.fork().execute<{ id: string }[]>(
    `select id from outbox_event where type = 'shipment.updated'
       and seq > coalesce((select seq from outbox_event where id = ?), 0) order by outbox_event.seq`,
    [cursorEventId],
  );
  return rows.map((r) => r.id);
}

async function updates(subscription: TestSubscription<{ shipmentUpdated: Update }>, count: number): Promise<Update[]> {
  return (await subscription.take(count)).map((message) => dataOf(message).shipmentUpdated);
}

/**
 * Waits until `n` upstream subscriptions are open at the gateway and served by orders (a live subscription
 * without a cursor starts from the log's head when orders opens it: only later events reach it).
 */
async function upstreams(n: number): Promise<void> {
  const settled = () => stack.gatewayServer().subscriptionStats().upstreamSubscriptions === n && openEventStreams() === n;
  for (let i = 0; i < 400 && !settled(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  expect([stack.gatewayServer().subscriptionStats().upstreamSubscriptions, openEventStreams()]).toEqual([n, n]);
}

describe('shipmentUpdated through the gateway', () => {
  // every test starts with no subscription left over from the one before (upstreams close asynchronously)
  beforeEach(() => upstreams(0));

  it('delivers every update with fields from suppliers, inventory, quality and sustainability resolved', async () => {
    const client = subscriber(stack.gatewayUrl);
    const subscription = client.subscribe<{ shipmentUpdated: Update }>(WATCH, {});
    await upstreams(1);
    await milestones(3);
    const received = await updates(subscription, 3);
    for (const [i, update] of received.entries()) {
      const shipment = inTransit[i]!;
      expect(update).toMatchObject({ change: 'MILESTONE', milestone: 'CUSTOMS_CLEARED', status: 'IN_TRANSIT' });
      expect(update.shipment.id).toBe(shipment.id);
      expect(update.shipment.supplier).toEqual({ id: shipment.supplier_id, name: supplierNames.get(shipment.supplier_id) });
      expect(update.shipment.shipTo.code).toMatch(/\S/);
      expect(update.shipment).toHaveProperty('incomingInspection');
      expect(typeof update.shipment.transportCo2eKg === 'number' || update.shipment.transportCo2eKg === null).toBe(true);
    }
    expect(received.some((u) => typeof u.shipment.transportCo2eKg === 'number')).toBe(true);
    subscription.close();
    await client.dispose();
    await upstreams(0);
  });

  it('resumes after a disconnect with exactly the 50 missed updates, in order, then live ones', async () => {
    const first = subscriber(stack.gatewayUrl);
    const live = first.subscribe<{ shipmentUpdated: Update }>(WATCH, {});
    await upstreams(1);
    await milestones(1);
    const [last] = await updates(live, 1);
    await first.dispose(); // the portal goes offline

    await milestones(50);
    const missed = await logAfter(last!.eventId);
    expect(missed).toHaveLength(50);

    const again = subscriber(stack.gatewayUrl);
    const resumed = again.subscribe<{ shipmentUpdated: Update }>(WATCH, { after: last!.cursor });
    const replayed = await updates(resumed, 50);
    expect(replayed.map((u) => u.eventId)).toEqual(missed);
    await milestones(2);
    const fresh = await updates(resumed, 2);
    const all = [...replayed, ...fresh].map((u) => u.eventId);
    expect(new Set(all).size).toBe(52);
    expect(fresh.map((u) => u.eventId)).toEqual((await logAfter(last!.eventId)).slice(50));
    await stack.settle();
    expect(resumed.buffered()).toBe(0); // nothing more (no duplicate trailing behind)
    await again.dispose();
    await upstreams(0);
  });

  it('resumes the same way after the gateway process restarts', async () => {
    const before = subscriber(stack.gatewayUrl);
    const subscription = before.subscribe<{ shipmentUpdated: Update }>(WATCH, {});
    await upstreams(1);
    await milestones(1);
    const [last] = await updates(subscription, 1);

    await stack.restartGateway(); // the client's socket drops with it
    await subscription.ended;
    await milestones(50);
    expect(stack.gatewayServer().subscriptionStats().upstreamOpened).toBe(0); // a fresh gateway, no state kept

    const after = subscriber(stack.gatewayUrl);
    const resumed = after.subscribe<{ shipmentUpdated: Update }>(WATCH, { after: last!.cursor });
    const replayed = await updates(resumed, 50);
    expect(replayed.map((u) => u.eventId)).toEqual(await logAfter(last!.eventId));
    await after.dispose();
    await before.dispose();
  });

  it('rides over an orders restart: the gateway reconnects upstream from the last cursor and the client sees no gap', async () => {
    const client = subscriber(stack.gatewayUrl);
    const subscription = client.subscribe<{ shipmentUpdated: Update }>(WATCH, {});
    await upstreams(1);
    await milestones(1);
    const [last] = await updates(subscription, 1);

    await stack.restartSubgraph('orders');
    await milestones(50); // written as soon as orders is back, while the gateway is still reconnecting
    const received = await updates(subscription, 50);
    expect(received.map((u) => u.eventId)).toEqual(await logAfter(last!.eventId));
    expect(stack.gatewayServer().subscriptionStats().upstreamReconnects).toBeGreaterThan(0);
    await milestones(1);
    expect((await updates(subscription, 1))[0]!.eventId).toEqual((await logAfter(last!.eventId))[50]);
    await client.dispose();
    await upstreams(0);
  });

  it('backfills from `since`: a subscription since an hour ago replays what happened since then', async () => {
    await milestones(5);
    const recent = (await logAfter(null)).slice(-5);
    const orders = stack.subgraphs.orders!.server.orm.em.fork();
    await orders.execute(`update outbox_event set occurred_at = now() - interval '3 hours' where type = 'shipment.updated'`);
    await orders.execute(`update outbox_event set occurred_at = now() - interval '30 minutes' where id in (?)`, [recent.slice(2)]);
    const client = subscriber(stack.gatewayUrl);
    const subscription = client.subscribe<{ shipmentUpdated: Update }>(WATCH, { since: new Date(Date.now() - 3600_000).toISOString() });
    const replayed = await updates(subscription, 3);
    expect(replayed.map((u) => u.eventId)).toEqual(recent.slice(2));
    await milestones(1);
    const [live] = await updates(subscription, 1);
    expect(live!.eventId).toEqual((await logAfter(null)).at(-1));
    await client.dispose();
    await upstreams(0);
  });

  it('shares one upstream subscription among 100 identical subscribers, and closes it after the last leaves', async () => {
    const clients = Array.from({ length: 100 }, () => subscriber(stack.gatewayUrl));
    const filter = { supplierId: inTransit[0]!.supplier_id };
    const subscriptions = clients.map((client) => client.subscribe<{ shipmentUpdated: Update }>(WATCH, { filter }));
    for (let i = 0; i < 400 && stack.gatewayServer().subscriptionStats().clients < 100; i++) await new Promise((r) => setTimeout(r, 25));
    await upstreams(1);
    const stats = stack.gatewayServer().subscriptionStats();
    expect(stats.clients).toBe(100);
    expect(stats.upstreamSubscriptions).toBe(1);
    expect(openEventStreams()).toBe(1); // what the orders subgraph actually serves

    await milestones(1); // inTransit[0]: the filtered supplier's shipment
    const firsts = await Promise.all(subscriptions.map((s) => updates(s, 1)));
    expect(new Set(firsts.map(([u]) => u!.eventId)).size).toBe(1);

    const other = subscriber(stack.gatewayUrl);
    other.subscribe(WATCH, { filter: { supplierId: inTransit.find((s) => s.supplier_id !== filter.supplierId)?.supplier_id ?? inTransit[1]!.supplier_id } });
    await upstreams(2); // other variables: an upstream of its own

    await Promise.all([...clients, other].map((client) => client.dispose()));
    await upstreams(0);
  });
});
