// Fan-out: many subscribers, few groups. 60 clients subscribe to `shipmentUpdated` in three identity
// scopes (an ADMIN, partner A, partner B) with two selections that both reach into the suppliers subgraph
// (`shipment { supplier { name } } }`); a third of them spell one selection differently. Per event, the
// gateway must resolve the federated part once per (selection, scope) group entitled to the event — not
// once per subscriber — so the suppliers subgraph sees exactly that many `_entities` calls (counted at
// a proxy in front of it). Every subscriber receives every event it is entitled to, and nothing else.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'graphql';
import { dataOf, startStack, subscriber, type Stack, type TestSubscriber, type TestSubscription, inTransitShipmentsOfSuppliers } from '@cmgraph/testkit';
import { DEFAULT_MANIFEST_PATH, TrustedDocuments, canonicalOperation, sha256, type PersistedQueryManifest } from '../src/limits';

const FULL = `subscription FanoutFull { shipmentUpdated { eventId status shipment { id number supplier { id name } } } }`;
// the same selection, spelled otherwise: one group with FULL
const FULL_RESPELLED = `subscription   FanoutFull {
  shipmentUpdated {
    eventId, status,
    shipment { id, number, supplier { id, name } }
  }
}`;
const LIGHT = `subscription FanoutLight { shipmentUpdated { eventId shipment { supplier { name } } } }`;
const MILESTONE = `mutation($input: RecordShipmentMilestoneInput!) { recordShipmentMilestone(input: $input) { id } }`;

type Update = { shipmentUpdated: { eventId: string; shipment: { supplier: { id?: string; name: string } } } };

/** A pass-through HTTP proxy that counts the `_entities` requests it forwards. */
interface CountingProxy {
  url: string;
  target: string;
  entityCalls: number;
  close(): Promise<void>;
}

async function countingProxy(): Promise<CountingProxy> {
  const proxy: CountingProxy = { url: '', target: '', entityCalls: 0, close: async () => undefined };
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    if (body.includes('_entities')) proxy.entityCalls++;
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name)) headers.set(name, value);
    }
    const answer = await fetch(proxy.target, { method: req.method, headers, body: req.method === 'GET' ? undefined : body });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  proxy.url = `http://127.0.0.1:${port}/graphql`;
  proxy.close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections(); // the gateway's keep-alive connections
    });
  return proxy;
}

/** Partners may run trusted documents only: this gateway trusts the test's two selections too. */
function trusted(...documents: string[]): TrustedDocuments {
  const manifest = JSON.parse(readFileSync(DEFAULT_MANIFEST_PATH, 'utf8')) as PersistedQueryManifest;
  for (const document of documents) {
    const body = canonicalOperation(parse(document))!;
    manifest.operations.push({ id: sha256(body), name: /subscription (\w+)/.exec(document)![1]!, type: 'subscription', body });
  }
  return new TrustedDocuments(manifest);
}

let stack: Stack;
let proxy: CountingProxy;
let a: { supplier: string; shipment: string };
let b: { supplier: string; shipment: string };

beforeAll(async () => {
  proxy = await countingProxy();
  stack = await startStack(['suppliers', 'orders', 'inventory'], {
    gateway: { subgraphUrls: { suppliers: proxy.url }, trustedDocuments: trusted(FULL, LIGHT) },
  });
  proxy.target = stack.subgraphs.suppliers!.http.url;
  await stack.seed('small');
  [a, b] = (await inTransitShipmentsOfSuppliers(stack, 2)) as [typeof a, typeof b];
}, 180_000);

/** Every client opened, closed in afterAll also when an assertion failed half-way. */
const clients: TestSubscriber[] = [];

/** Polls `condition`; fails after `ms` (a bound on a loaded machine, not a timing assertion). */
async function until(condition: () => boolean, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await stack?.stop();
  await proxy?.close();
});

interface Member {
  scope: 'admin' | 'A' | 'B';
  selection: 'FULL' | 'LIGHT';
  client: TestSubscriber;
  subscription: TestSubscription<Update>;
}

describe('subscription fan-out', () => {
  it('resolves each event once per (selection, scope) group, and delivers it to every entitled subscriber', async () => {
    const callers = {
      admin: undefined,
      A: { roles: ['PARTNER' as const], supplierId: a.supplier, sub: 'fanout-cm-a' },
      B: { roles: ['PARTNER' as const], supplierId: b.supplier, sub: 'fanout-cm-b' },
    };
    const members: Member[] = [];
    for (const scope of ['admin', 'A', 'B'] as const) {
      for (let i = 0; i < 20; i++) {
        const selection = i % 2 ? 'LIGHT' : 'FULL';
        const document = selection === 'LIGHT' ? LIGHT : i % 4 === 2 ? FULL_RESPELLED : FULL;
        const client = subscriber(stack.gatewayUrl, callers[scope] ? { caller: callers[scope] } : {});
        members.push({ scope, selection, client, subscription: client.subscribe<Update>(document) });
      }
    }
    const gateway = () => stack.gatewayServer().subscriptionStats();
    clients.push(...members.map((m) => m.client));
    await until(() => gateway().clients === members.length, 'every subscription to attach');
    const before = gateway();
    expect(before.clients).toBe(60);
    expect(before.views).toBe(6); // 3 scopes × 2 selections
    // one per group here: the two selections ask the orders subgraph for different fields
    expect(before.upstreamSubscriptions).toBe(6);

    // A, B, A, B, A: 3 events of A's shipment, 2 of B's
    const owners = ['A', 'B', 'A', 'B', 'A'] as const;
    const calls = proxy.entityCalls;
    for (const [i, owner] of owners.entries()) {
      const shipment = owner === 'A' ? a.shipment : b.shipment;
      dataOf(
        await stack.subgraph('orders')(MILESTONE, {
          input: { shipmentId: shipment, type: 'CUSTOMS_CLEARED', occurredAt: `2026-08-0${i + 1}T10:00:00Z` },
        }),
      );
    }
    const expected = (scope: Member['scope']) => owners.filter((owner) => scope === 'admin' || scope === owner).length;
    const received = new Map<Member, Update['shipmentUpdated'][]>();
    for (const member of members) {
      const messages = await member.subscription.take(expected(member.scope), 60_000);
      received.set(member, messages.map((message) => dataOf(message).shipmentUpdated));
    }
    await stack.settle();

    // every admin saw all five events, each partner its own three or two, in the same order as the admins
    const all = received.get(members.find((m) => m.scope === 'admin')!)!.map((u) => u.eventId);
    expect(new Set(all).size).toBe(5);
    for (const member of members) {
      const updates = received.get(member)!;
      const ids = updates.map((u) => u.eventId);
      const own = member.scope === 'admin' ? all : all.filter((_, i) => owners[i] === member.scope);
      expect(ids).toEqual(own);
      expect(updates.every((u) => u.shipment.supplier.name)).toBe(true);
      if (member.scope !== 'admin' && member.selection === 'FULL') {
        expect(new Set(updates.map((u) => u.shipment.supplier.id))).toEqual(new Set([member.scope === 'A' ? a.supplier : b.supplier]));
      }
      expect(member.subscription.buffered()).toBe(0); // nothing beyond what it is entitled to
    }

    // resolution work: per event, one per group entitled to it (admin ×2 + its owner ×2), not per subscriber
    const groupsPerEvent = 4;
    const after = gateway();
    expect(after.eventResolutions - before.eventResolutions).toBe(owners.length * groupsPerEvent);
    expect(proxy.entityCalls - calls).toBe(owners.length * groupsPerEvent);
    expect(after.eventsReceived - before.eventsReceived).toBe(2 * (5 + 3 + 2)); // the admin's upstreams, A's, B's

    await Promise.all(members.map((m) => m.client.dispose()));
    await until(() => gateway().clients === 0, 'every subscription to detach');
    expect(gateway()).toMatchObject({ clients: 0, views: 0, upstreamSubscriptions: 0 });
  });
});
