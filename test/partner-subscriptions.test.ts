// Partner isolation on the event streams: two CMs subscribe to `shipmentUpdated` through the gateway
// with the trusted portal document; each receives every update of its own shipments and none of the
// other's — also when it asks for the other's supplier in its filter. The owning subgraph scopes the
// stream in SQL (the kit adds `supplier_id = <partner>` to every partner's stream). The same over
// Server-Sent Events (/graphql/stream).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createClient as createSseClient } from 'graphql-sse';
import { openEventStreams } from '@cmgraph/platform';
import { dataOf, startStack, subscriber, tokenFor, type Stack, type TestSubscription, inTransitShipmentsOfSuppliers } from '@cmgraph/testkit';

// the portal's trusted document (schema/operations/subscriptions.graphql: ShipmentUpdates)
const PORTAL = readFileSync(path.resolve(__dirname, '../schema/operations/subscriptions.graphql'), 'utf8').split('subscription AlertFeed')[0]!;
const MILESTONE = `mutation($input: RecordShipmentMilestoneInput!) { recordShipmentMilestone(input: $input) { id } }`;

let stack: Stack;
let a: { supplier: string; shipment: string };
let b: { supplier: string; shipment: string };
beforeAll(async () => {
  stack = await startStack(['suppliers', 'orders', 'inventory', 'quality', 'sustainability']);
  await stack.seed('small');
  [a, b] = (await inTransitShipmentsOfSuppliers(stack, 2)) as [typeof a, typeof b];
}, 180_000);
afterAll(async () => {
  await stack?.stop();
});

type Update = { shipmentUpdated: { eventId: string; shipment: { id: string; supplier: { id: string } } } };

async function streams(n: number): Promise<void> {
  for (let i = 0; i < 400 && openEventStreams() !== n; i++) await new Promise((resolve) => setTimeout(resolve, 25));
  expect(openEventStreams()).toBe(n);
}

describe('partners on shipmentUpdated', () => {
  it("gives each partner all of its own updates and none of another's", async () => {
    const clientA = subscriber(stack.gatewayUrl, { caller: { roles: ['PARTNER'], supplierId: a.supplier, sub: 'cm-a' } });
    const clientB = subscriber(stack.gatewayUrl, { caller: { roles: ['PARTNER'], supplierId: b.supplier, sub: 'cm-b' } });
    const admin = subscriber(stack.gatewayUrl);
    const subA = clientA.subscribe<Update>(PORTAL, {});
    const snoop = clientA.subscribe<Update>(PORTAL, { filter: { supplierId: b.supplier } }); // A asks for B's
    const subB = clientB.subscribe<Update>(PORTAL, {});
    const all = admin.subscribe<Update>(PORTAL, {});
    await streams(4);

    for (let i = 0; i < 3; i++) {
      for (const shipment of [a.shipment, b.shipment]) {
        dataOf(await stack.subgraph('orders')(MILESTONE, { input: { shipmentId: shipment, type: 'CUSTOMS_CLEARED', occurredAt: `2026-07-0${i + 1}T10:00:00Z` } }));
      }
    }
    const take = async (subscription: TestSubscription<Update>, n: number) =>
      (await subscription.take(n)).map((message) => dataOf(message).shipmentUpdated);
    const everything = await take(all, 6);
    const ofA = await take(subA, 3);
    const ofB = await take(subB, 3);
    await stack.settle();
    await new Promise((resolve) => setTimeout(resolve, 500)); // anything more would have arrived by now

    expect(ofA.map((u) => u.shipment.supplier.id)).toEqual([a.supplier, a.supplier, a.supplier]);
    expect(ofB.map((u) => u.shipment.supplier.id)).toEqual([b.supplier, b.supplier, b.supplier]);
    expect([...ofA, ...ofB].map((u) => u.eventId).sort()).toEqual(everything.map((u) => u.eventId).sort());
    const leaks = subA.buffered() + subB.buffered() + snoop.buffered();
    expect(leaks).toBe(0);
    await Promise.all([clientA.dispose(), clientB.dispose(), admin.dispose()]);
    await streams(0);
  });

  it('holds over Server-Sent Events too: a partner gets its own updates, none of another\'s, also when it asks for them', async () => {
    const sse = createSseClient({
      url: stack.gatewayUrl.replace(/\/graphql$/, '/graphql/stream'),
      headers: { authorization: `Bearer ${await tokenFor({ roles: ['PARTNER'], supplierId: a.supplier, sub: 'cm-a' })}` },
      retryAttempts: 0,
    });
    const own: Update[] = [];
    const snooped: unknown[] = [];
    const failures: unknown[] = [];
    const stopOwn = sse.subscribe<Update>({ query: PORTAL, variables: {} }, { next: (r) => own.push(dataOf(r as Parameters<typeof dataOf<Update>>[0])), error: (e) => failures.push(e), complete: () => undefined });
    const stopSnoop = sse.subscribe({ query: PORTAL, variables: { filter: { supplierId: b.supplier } } }, { next: (r) => snooped.push(r), error: (e) => failures.push(e), complete: () => undefined });
    await streams(2);
    for (let i = 0; i < 2; i++) {
      for (const shipment of [b.shipment, a.shipment]) {
        dataOf(await stack.subgraph('orders')(MILESTONE, { input: { shipmentId: shipment, type: 'ARRIVED_AT_PORT', occurredAt: `2026-07-1${i + 1}T10:00:00Z` } }));
      }
    }
    for (let i = 0; i < 400 && own.length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 25));
    await stack.settle();
    await new Promise((resolve) => setTimeout(resolve, 500)); // anything more would have arrived by now
    expect(own.map((u) => u.shipmentUpdated.shipment.supplier.id)).toEqual([a.supplier, a.supplier]);
    expect(snooped).toEqual([]);
    expect(failures).toEqual([]);
    stopOwn();
    stopSnoop();
    sse.dispose();
    await streams(0);
  });
});
