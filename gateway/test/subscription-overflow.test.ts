// Slow consumers: a client that stops reading falls behind its bounded buffer, is told so with
// SUBSCRIPTION_OVERFLOW and the cursor to resume after, and its subscription ends, while the shared
// upstream goes on for the others. Nothing is dropped silently: resuming from that cursor gives the rest.
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ClientStream } from '../src/subscriptions/iterator';
import { startBench, subscribe, until, type Bench } from './fixtures/harness';

const BUFFER = 3;
let bench: Bench;

beforeAll(async () => {
  bench = await startBench({ subscriptionBufferSize: BUFFER });
});

afterAll(async () => {
  await bench?.stop();
});

/** A `ws` WebSocket that the test can find again, to stop reading from it. */
const sockets: WebSocket[] = [];
class TrackedWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    sockets.push(this);
  }
}

describe('a client that does not keep up', () => {
  it('gets SUBSCRIPTION_OVERFLOW with resumeAfter, while the upstream goes on for the others', async () => {
    const query = 'subscription { ticked(topic: "slow") { cursor n payload } }';
    const slow = subscribe(bench.client(undefined, TrackedWebSocket), query);
    const steady = subscribe(bench.client(), query);
    await until(() => bench.log.active === 1, 'the shared upstream');
    bench.log.publish({ topic: 'slow' });
    await slow.received(1);
    await steady.received(1);

    // stop reading: the socket's buffers fill, the gateway cannot send, the client's buffer fills
    sockets[0]!.pause();
    const big = 'x'.repeat(256 * 1024);
    await until(() => {
      if (bench.gateway.subscriptionStats().overflows === 0) bench.log.publishMany(2, { topic: 'slow', payload: big });
      return bench.gateway.subscriptionStats().overflows === 1;
    }, 'the slow client to overflow');
    const published = bench.log.entries.filter((t) => t.topic === 'slow');
    await steady.received(published.length);
    expect(bench.gateway.subscriptionStats().upstreamSubscriptions).toBe(1);

    sockets[0]!.resume();
    await slow.done;
    const last = slow.results.at(-1)!;
    const events = slow.results.slice(0, -1);
    expect(events.every((r) => !r.errors)).toBe(true);
    expect(last.errors).toHaveLength(1);
    expect(last.errors![0]!.extensions).toEqual({
      code: 'SUBSCRIPTION_OVERFLOW',
      resumeAfter: events.at(-1)!.data!.ticked.cursor,
    });
    // what it got is a gapless prefix of the stream
    expect(events.map((r) => r.data!.ticked.cursor)).toEqual(published.slice(0, events.length).map((t) => t.cursor));
    expect(events.length).toBeLessThan(published.length);

    // resuming after resumeAfter gives the rest, no gap
    const resumed = subscribe(bench.client(), 'subscription R($after: String) { ticked(topic: "slow", after: $after) { cursor } }', {
      after: last.errors![0]!.extensions!.resumeAfter,
    });
    await resumed.received(published.length - events.length);
    expect([...events, ...resumed.results].map((r) => r.data!.ticked.cursor)).toEqual(published.map((t) => t.cursor));

    // the steady client saw everything, and still does
    const next = bench.log.publish({ topic: 'slow' });
    await steady.received(published.length + 1);
    expect(steady.results.map((r) => r.data!.ticked.n)).toEqual([...published, next].map((t) => t.n));
    steady.unsubscribe();
    resumed.unsubscribe();
    await until(() => bench.log.active === 0, 'the upstreams to close');
  });
});

describe('ClientStream', () => {
  const result = (n: number) => ({ data: { n } });

  it('overflows after bufferSize unread events, with the last delivered cursor to resume after', async () => {
    let detached = 0;
    const stream = new ClientStream(2, 'c0', { detached: () => void detached++ });
    stream.push(result(1), 'c1');
    expect(await stream.next()).toEqual({ done: false, value: result(1) });
    stream.push(result(2), 'c2');
    stream.push(result(3), 'c3');
    stream.push(result(4), 'c4'); // a third unread event: over the bound
    expect(detached).toBe(1);
    const overflow = await stream.next();
    expect(overflow.value?.errors?.[0]?.extensions).toEqual({ code: 'SUBSCRIPTION_OVERFLOW', resumeAfter: 'c1' });
    expect(await stream.next()).toEqual({ done: true, value: undefined });
    stream.push(result(5), 'c5');
    expect(await stream.next()).toEqual({ done: true, value: undefined });
  });

  it('lets go at once when the client leaves while it waits for an event', async () => {
    let detached = 0;
    const stream = new ClientStream(10, null, { detached: () => void detached++ });
    const pending = stream.next();
    await stream.return();
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(detached).toBe(1);
  });

  it('delivers what is queued before ending with a last result', async () => {
    const stream = new ClientStream(10, null, { detached: () => undefined });
    stream.push(result(1), 'c1');
    stream.end({ errors: [{ message: 'gone', extensions: { code: 'SUBSCRIPTION_UPSTREAM_FAILED' } }] });
    expect((await stream.next()).value).toEqual(result(1));
    expect((await stream.next()).value?.errors?.[0]?.message).toBe('gone');
    expect((await stream.next()).done).toBe(true);
  });
});
