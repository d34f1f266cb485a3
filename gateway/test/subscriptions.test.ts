// Federated subscriptions through the gateway: events with fields from another subgraph, one shared
// upstream for identical subscriptions, replay with `after`, coded errors for invalid documents.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startBench, subscribe, until, type Bench } from './fixtures/harness';

const TICKED = `subscription Ticked($topic: String, $after: String) {
  ticked(topic: $topic, after: $after) { n item { id name } }
}`;

let bench: Bench;

beforeAll(async () => {
  bench = await startBench();
});

afterAll(async () => {
  await bench?.stop();
});

/** Waits until the ticks subgraph has `count` subscriptions open (the gateway's upstreams). */
const upstreamsOpen = (count: number) => until(() => bench.log.active === count, `${count} upstream subscriptions`);

describe('gateway subscriptions', () => {
  it('resolves a federated field of each event from the subgraph that owns it', async () => {
    const client = bench.client();
    const sub = subscribe(client, TICKED, { topic: 'federated' });
    await upstreamsOpen(1);
    bench.log.publish({ topic: 'federated', itemId: '7' });
    bench.log.publish({ topic: 'federated', itemId: '8' });
    const results = await sub.received(2);
    expect(results.map((r) => r.data)).toEqual([
      { ticked: { n: bench.log.entries.length - 1, item: { id: '7', name: 'Item 7' } } },
      { ticked: { n: bench.log.entries.length, item: { id: '8', name: 'Item 8' } } },
    ]);
    expect(results.every((r) => !r.errors)).toBe(true);
    sub.unsubscribe();
    await upstreamsOpen(0);
  });

  it('keeps the private cursor alias away from clients, and gives the cursor when it is asked for', async () => {
    const client = bench.client();
    const withoutCursor = subscribe(client, 'subscription { ticked(topic: "alias") { n } }');
    const withCursor = subscribe(client, 'subscription { ticked(topic: "alias") { c: cursor n } }');
    await upstreamsOpen(2);
    const tick = bench.log.publish({ topic: 'alias' });
    const [plain] = await withoutCursor.received(1);
    const [aliased] = await withCursor.received(1);
    expect(plain).toEqual({ data: { ticked: { n: tick.n } } });
    expect(aliased).toEqual({ data: { ticked: { c: tick.cursor, n: tick.n } } });
    expect(JSON.stringify([plain, aliased])).not.toContain('__cursor');
    withoutCursor.unsubscribe();
    withCursor.unsubscribe();
    await upstreamsOpen(0);
  });

  it('serves 100 identical subscriptions from one upstream subscription, closed when the last leaves', async () => {
    const before = bench.gateway.subscriptionStats();
    const clients = Array.from({ length: 4 }, () => bench.client());
    const subs = Array.from({ length: 100 }, (_, i) => subscribe(clients[i % 4]!, TICKED, { topic: 'shared' }));
    await until(() => bench.gateway.subscriptionStats().clients === before.clients + 100, '100 clients');
    await upstreamsOpen(1);
    const published = bench.log.publishMany(5, { topic: 'shared' });
    await Promise.all(subs.map((s) => s.received(5)));
    for (const sub of subs) {
      expect(sub.results.map((r) => r.data?.ticked.n)).toEqual(published.map((t) => t.n));
    }
    const stats = bench.gateway.subscriptionStats();
    expect(stats.upstreamOpened - before.upstreamOpened).toBe(1);
    expect(stats.upstreamSubscriptions).toBe(1);
    expect(bench.log.active).toBe(1);

    for (const sub of subs.slice(0, 99)) sub.unsubscribe();
    await until(() => bench.gateway.subscriptionStats().clients === before.clients + 1, 'one client left');
    expect(bench.gateway.subscriptionStats().upstreamSubscriptions).toBe(1);
    subs[99]!.unsubscribe();
    await upstreamsOpen(0);
    expect(bench.gateway.subscriptionStats()).toMatchObject({ upstreamSubscriptions: 0, clients: before.clients });
  });

  it('closes the share of a client that disconnects, and the upstream with the last one', async () => {
    const before = bench.gateway.subscriptionStats().clients;
    const staying = subscribe(bench.client(), TICKED, { topic: 'disconnect' });
    const leaving = bench.client();
    subscribe(leaving, TICKED, { topic: 'disconnect' });
    subscribe(leaving, TICKED, { topic: 'disconnect' });
    // all three joined (the upstream opens with the first: counting then would race the other two)
    await until(() => bench.gateway.subscriptionStats().clients === before + 3, 'three clients');
    await upstreamsOpen(1);
    await leaving.dispose(); // the socket closes without completing its subscriptions
    await until(() => bench.gateway.subscriptionStats().clients === before + 1, 'the disconnected shares to close');
    expect(bench.log.active).toBe(1);
    const tick = bench.log.publish({ topic: 'disconnect' });
    expect((await staying.received(1))[0]!.data?.ticked.n).toBe(tick.n);
    staying.unsubscribe();
    await upstreamsOpen(0);
  });

  it('opens separate upstreams for different variables, and for different identity scopes', async () => {
    const before = bench.gateway.subscriptionStats();
    const a = subscribe(bench.client(), TICKED, { topic: 'a' });
    const b = subscribe(bench.client(), TICKED, { topic: 'b' });
    const aOtherScope = subscribe(
      bench.client({ authorization: await bench.authorization({ sub: 'another-user', roles: ['ANALYST'] }) }),
      TICKED,
      { topic: 'a' },
    );
    await upstreamsOpen(3);
    expect(bench.gateway.subscriptionStats().upstreamOpened - before.upstreamOpened).toBe(3);
    const [ta] = bench.log.publishMany(1, { topic: 'a' });
    const [tb] = bench.log.publishMany(1, { topic: 'b' });
    expect((await a.received(1))[0]!.data?.ticked.n).toBe(ta!.n);
    expect((await b.received(1))[0]!.data?.ticked.n).toBe(tb!.n);
    expect((await aOtherScope.received(1))[0]!.data?.ticked.n).toBe(ta!.n);
    for (const s of [a, b, aOtherScope]) s.unsubscribe();
    await upstreamsOpen(0);
  });

  it('replays the events after a client-given cursor, then continues live', async () => {
    const history = bench.log.publishMany(4, { topic: 'replay' });
    const sub = subscribe(bench.client(), 'subscription R($after: String) { ticked(topic: "replay", after: $after) { cursor n } }', {
      after: history[0]!.cursor,
    });
    await sub.received(3);
    await upstreamsOpen(1);
    const live = bench.log.publishMany(2, { topic: 'replay' });
    await sub.received(5);
    expect(sub.results.map((r) => r.data?.ticked.n)).toEqual([...history.slice(1), ...live].map((t) => t.n));
    expect(sub.results.map((r) => r.data?.ticked.cursor)).toEqual([...history.slice(1), ...live].map((t) => t.cursor));
    sub.unsubscribe();
    await upstreamsOpen(0);
  });

  it('does not let a late subscriber with the same `after` join an upstream already past it', async () => {
    const [first, ...rest] = bench.log.publishMany(3, { topic: 'late' });
    const query = 'subscription L($after: String) { ticked(topic: "late", after: $after) { n } }';
    const early = subscribe(bench.client(), query, { after: first!.cursor });
    await early.received(2);
    const late = subscribe(bench.client(), query, { after: first!.cursor });
    await late.received(2);
    expect(late.results.map((r) => r.data?.ticked.n)).toEqual(rest.map((t) => t.n));
    early.unsubscribe();
    late.unsubscribe();
    await upstreamsOpen(0);
  });

  it('returns partial data with a coded error when an entity fetch fails, and goes on', async () => {
    const sub = subscribe(bench.client(), TICKED, { topic: 'partial' });
    await upstreamsOpen(1);
    bench.log.publish({ topic: 'partial', itemId: 'missing' });
    const ok = bench.log.publish({ topic: 'partial', itemId: '2' });
    const [failed, next] = await sub.received(2);
    expect(failed!.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(JSON.stringify(failed)).not.toMatch(/stack|127\.0\.0\.1/);
    expect(next).toEqual({ data: { ticked: { n: ok.n, item: { id: '2', name: 'Item 2' } } } });
    sub.unsubscribe();
    await upstreamsOpen(0);
  });

  it('rejects an invalid document with a coded error and opens no upstream', async () => {
    const before = bench.gateway.subscriptionStats().upstreamOpened;
    const client = bench.client();
    const unknownField = await subscribe(client, 'subscription { ticked { n nope } }').done;
    const syntax = await subscribe(client, 'subscription { ticked { n }').done;
    const badVariable = await subscribe(client, 'subscription ($t: String) { ticked(topic: $t) { n } }', { t: 42 }).done;
    const twoFields = await subscribe(client, 'subscription { a: ticked { n } b: ticked { n } }').done;
    const codes = (outcome: { errors?: unknown }) =>
      (outcome.errors as { extensions?: { code?: string }; stack?: unknown }[]).map((e) => e.extensions?.code);
    expect(codes(unknownField)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(codes(syntax)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(codes(badVariable)).toEqual(['BAD_USER_INPUT']);
    expect(codes(twoFields)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(JSON.stringify([unknownField, syntax, badVariable, twoFields])).not.toMatch(/stacktrace|\bat .*\.ts/);
    expect(bench.gateway.subscriptionStats().upstreamOpened).toBe(before);
    expect(bench.log.active).toBe(0);
  });

  it('passes on the subgraph refusing a cursor, as a coded error that ends the subscription', async () => {
    const sub = subscribe(bench.client(), 'subscription { ticked(after: "not-a-cursor") { n } }');
    const outcome = await sub.done;
    const errors = (outcome.errors ?? sub.results.flatMap((r) => r.errors ?? [])) as { extensions?: { code?: string } }[];
    expect(errors.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    await until(() => bench.gateway.subscriptionStats().upstreamSubscriptions === 0, 'the refused upstream to close');
  });

  it('still serves queries over HTTP and over graphql-ws, and says where subscriptions are served', async () => {
    const authorization = await bench.authorization();
    const http = await fetch(bench.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ query: '{ item(id: "5") { id name } tickCount }' }),
    });
    const body = (await http.json()) as { data: unknown };
    expect(body.data).toEqual({ item: { id: '5', name: 'Item 5' }, tickCount: bench.log.entries.length });
    const subscriptionOverHttp = await fetch(bench.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ query: 'subscription { ticked { n } }' }),
    });
    const refused = (await subscriptionOverHttp.json()) as { errors: { extensions: { code: string } }[] };
    expect(subscriptionOverHttp.status).toBe(400);
    expect(refused.errors.map((e) => e.extensions.code)).toEqual(['BAD_REQUEST']);
    const overWs = subscribe(bench.client(), '{ item(id: "6") { name } }');
    await overWs.done;
    expect(overWs.results).toEqual([{ data: { item: { name: 'Item 6' } } }]);
  });
});
