// A subgraph restart under live subscriptions: the gateway reconnects and resubscribes after the last
// cursor it delivered, so every client sees every event exactly once and in order, including the ones
// published while the subgraph was down, and including when the subgraph replays one event too many.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startBench, subscribe, until, type Bench } from './fixtures/harness';

let bench: Bench;

beforeAll(async () => {
  bench = await startBench();
});

afterAll(async () => {
  await bench?.stop();
});

const ns = (results: { data?: Record<string, any> | null }[]) => results.map((r) => r.data?.ticked.n);

describe('gateway subscriptions across a subgraph restart', () => {
  it('delivers the events published during the outage, once each, in order, to every sharer', async () => {
    const query = 'subscription { ticked(topic: "restart") { n item { name } } }';
    const first = subscribe(bench.client(), query);
    const second = subscribe(bench.client(), query);
    await until(() => bench.log.active === 1, 'the shared upstream');
    const before = bench.log.publishMany(3, { topic: 'restart' });
    await first.received(3);
    await second.received(3);

    const during: number[] = [];
    await bench.restartTicks(() => {
      for (const tick of bench.log.publishMany(4, { topic: 'restart' })) during.push(tick.n);
    });
    await first.received(7);
    const after = bench.log.publishMany(2, { topic: 'restart' });
    await first.received(9);
    await second.received(9);

    const expected = [...before.map((t) => t.n), ...during, ...after.map((t) => t.n)];
    expect(ns(first.results)).toEqual(expected);
    expect(ns(second.results)).toEqual(expected);
    expect(first.results.every((r) => r.data?.ticked.item.name && !r.errors)).toBe(true);
    expect(JSON.stringify(first.results)).not.toContain('__cursor');
    const stats = bench.gateway.subscriptionStats();
    expect(stats.upstreamOpened).toBe(1);
    expect(stats.upstreamReconnects).toBeGreaterThanOrEqual(1);
    expect(stats.upstreamSubscriptions).toBe(1);

    first.unsubscribe();
    second.unsubscribe();
    await until(() => bench.log.active === 0, 'the upstream to close');
  });

  it('drops an event the restarted subgraph replays although it was delivered', async () => {
    const sub = subscribe(bench.client(), 'subscription { ticked(topic: "dup") { cursor n } }');
    await until(() => bench.log.active === 1, 'the upstream');
    const before = bench.log.publishMany(2, { topic: 'dup' });
    await sub.received(2);
    bench.log.inclusiveReplay = true; // the new server replays from the `after` event itself
    try {
      await bench.restartTicks();
      await until(() => bench.log.active === 1, 'the resubscription');
      const after = bench.log.publishMany(2, { topic: 'dup' });
      await sub.received(4);
      expect(sub.results.map((r) => r.data?.ticked.cursor)).toEqual([...before, ...after].map((t) => t.cursor));
    } finally {
      bench.log.inclusiveReplay = false;
    }
    sub.unsubscribe();
    await until(() => bench.log.active === 0, 'the upstream to close');
  });
});

describe('gateway subscriptions when the subgraph stays down', () => {
  let short: Bench;

  beforeAll(async () => {
    short = await startBench({ subscriptionRetry: { attempts: 2, initialDelayMs: 10, maxDelayMs: 20 } });
  });

  afterAll(async () => {
    await short?.stop();
  });

  it('ends the subscription with SUBSCRIPTION_UPSTREAM_FAILED and the cursor to resume after', async () => {
    const sub = subscribe(short.client(), 'subscription { ticked(topic: "down") { n } }');
    await until(() => short.log.active === 1, 'the upstream');
    const [tick] = short.log.publishMany(1, { topic: 'down' });
    await sub.received(1);
    await short.restartTicks(async () => {
      await sub.done; // the subgraph comes back only after the gateway gave up
    });
    const last = sub.results.at(-1)!;
    expect(sub.results).toHaveLength(2);
    expect(last.errors?.[0]?.extensions).toEqual({ code: 'SUBSCRIPTION_UPSTREAM_FAILED', resumeAfter: tick!.cursor });
    expect(short.gateway.subscriptionStats()).toMatchObject({ upstreamSubscriptions: 0, clients: 0 });
  });
});
