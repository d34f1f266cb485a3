// Subscriptions as Server-Sent Events at /graphql/stream (graphql-sse, distinct connections), through the
// real gateway over the ticks/items bench: federated fields in each event, the same shared upstream as a
// graphql-ws subscriber of the same operation and identity, replay with `after`, a closed response
// releasing its share, coded errors as events, and coded refusals of requests that are not a stream.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createClient } from 'graphql-sse';
import { startBench, subscribe, until, type Bench } from './fixtures/harness';

const TICKED = `subscription Ticked($topic: String, $after: String) {
  ticked(topic: $topic, after: $after) { n item { id name } }
}`;

let bench: Bench;
let streamUrl: string;

beforeAll(async () => {
  bench = await startBench();
  streamUrl = bench.gatewayUrl.replace(/\/graphql$/, '/graphql/stream');
});

afterAll(async () => {
  await bench?.stop();
});

interface StreamEvent {
  event: string;
  data: unknown;
}

/** A text/event-stream response read as it comes: its parsed events, until closed. */
interface OpenStream {
  status: number;
  headers: Headers;
  events: StreamEvent[];
  /** Waits until `count` events (other than keep-alive comments) arrived. */
  received(count: number): Promise<StreamEvent[]>;
  /** Settles when the server ends the response. */
  ended: Promise<void>;
  close(): void;
}

async function openStream(init: { query: string; variables?: Record<string, unknown> } | URLSearchParams, authorization?: string): Promise<OpenStream> {
  const abort = new AbortController();
  const headers: Record<string, string> = { accept: 'text/event-stream', ...(authorization ? { authorization } : {}) };
  const response =
    init instanceof URLSearchParams
      ? await fetch(`${streamUrl}?${init}`, { headers, signal: abort.signal })
      : await fetch(streamUrl, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(init), signal: abort.signal });
  const events: StreamEvent[] = [];
  const ended = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = Object.fromEntries(
            block
              .split('\n')
              .filter((line) => line && !line.startsWith(':'))
              .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
          );
          if (fields.event) events.push({ event: fields.event, data: fields.data ? JSON.parse(fields.data) : null });
        }
      }
    } catch {
      // closed by the test
    }
  })();
  return {
    status: response.status,
    headers: response.headers,
    events,
    received: async (count) => {
      await until(() => events.length >= count, `${count} events`);
      return events.slice(0, count);
    },
    ended,
    close: () => abort.abort(),
  };
}

const upstreamsOpen = (count: number) => until(() => bench.log.active === count, `${count} upstream subscriptions`);

describe('subscriptions over Server-Sent Events', () => {
  it('streams each event with its federated fields, sharing the upstream of a graphql-ws subscriber of the same operation and identity', async () => {
    const before = bench.gateway.subscriptionStats().upstreamOpened;
    const authorization = await bench.authorization();
    const stream = await openStream({ query: TICKED, variables: { topic: 'sse' } }, authorization);
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const overWs = subscribe(bench.client(), TICKED, { topic: 'sse' });
    await until(() => bench.gateway.subscriptionStats().clients >= 2, 'both subscribers');
    await upstreamsOpen(1);
    const ticks = [bench.log.publish({ topic: 'sse', itemId: '3' }), bench.log.publish({ topic: 'sse', itemId: '4' })];
    const events = await stream.received(2);
    const expected = ticks.map((t, i) => ({ data: { ticked: { n: t.n, item: { id: String(3 + i), name: `Item ${3 + i}` } } } }));
    expect(events).toEqual(expected.map((data) => ({ event: 'next', data })));
    expect((await overWs.received(2)).map((r) => ({ data: r.data }))).toEqual(expected);
    expect(bench.gateway.subscriptionStats().upstreamOpened - before).toBe(1); // one upstream for both transports

    overWs.unsubscribe();
    stream.close(); // closing the response unsubscribes
    await upstreamsOpen(0);
    await until(() => bench.gateway.subscriptionStats().clients === 0, 'no client left');
  });

  it('works with the graphql-sse client, and replays from `after` before going live', async () => {
    const history = bench.log.publishMany(4, { topic: 'sse-replay' });
    const authorization = await bench.authorization();
    const client = createClient({ url: streamUrl, headers: { authorization }, retryAttempts: 0 });
    const iterator = client.iterate<{ ticked: { n: number; cursor: string } }>({
      query: 'subscription R($after: String) { ticked(topic: "sse-replay", after: $after) { cursor n } }',
      variables: { after: history[0]!.cursor },
    });
    const seen: number[] = [];
    for (let i = 0; i < 3; i++) seen.push((await iterator.next()).value!.data!.ticked.n);
    await upstreamsOpen(1);
    const live = bench.log.publish({ topic: 'sse-replay' });
    seen.push((await iterator.next()).value!.data!.ticked.n);
    expect(seen).toEqual([...history.slice(1), live].map((t) => t.n));
    await iterator.return?.();
    client.dispose();
    await upstreamsOpen(0);
  });

  it('answers a query as one event, then completes', async () => {
    const stream = await openStream(new URLSearchParams({ query: '{ item(id: "9") { id name } }' }), await bench.authorization());
    await stream.ended;
    expect(stream.events).toEqual([
      { event: 'next', data: { data: { item: { id: '9', name: 'Item 9' } } } },
      { event: 'complete', data: null },
    ]);
  });

  it('sends an invalid operation\'s coded errors as an event and opens no upstream', async () => {
    const before = bench.gateway.subscriptionStats().upstreamOpened;
    const authorization = await bench.authorization();
    const outcomes = await Promise.all(
      [
        { query: 'subscription { ticked { n nope } }' },
        { query: 'subscription { ticked { n }' },
        { query: 'subscription ($t: String) { ticked(topic: $t) { n } }', variables: { t: 42 } },
      ].map(async (body) => {
        const stream = await openStream(body, authorization);
        await stream.ended;
        return stream;
      }),
    );
    const codes = outcomes.map((s) => (s.events[0]?.data as { errors: { extensions: { code: string } }[] }).errors.map((e) => e.extensions.code));
    expect(codes).toEqual([['GRAPHQL_VALIDATION_FAILED'], ['GRAPHQL_PARSE_FAILED'], ['BAD_USER_INPUT']]);
    expect(outcomes.map((s) => s.events.map((e) => e.event))).toEqual([['next', 'complete'], ['next', 'complete'], ['next', 'complete']]);
    expect(JSON.stringify(outcomes.map((s) => s.events))).not.toMatch(/stacktrace|\bat .*\.ts/);
    expect(bench.gateway.subscriptionStats().upstreamOpened).toBe(before);
  });

  it('refuses, coded and before any stream, a request without a valid token, without an event-stream Accept, or without a query', async () => {
    const authorization = await bench.authorization();
    const codeOf = async (response: Response) => ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code;
    const anonymous = await fetch(streamUrl, { method: 'POST', headers: { accept: 'text/event-stream', 'content-type': 'application/json' }, body: JSON.stringify({ query: TICKED }) });
    expect([anonymous.status, await codeOf(anonymous)]).toEqual([401, 'UNAUTHENTICATED']);
    const notAStream = await fetch(streamUrl, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify({ query: TICKED }) });
    expect([notAStream.status, await codeOf(notAStream)]).toEqual([406, 'BAD_REQUEST']);
    const noQuery = await fetch(streamUrl, { method: 'POST', headers: { authorization, accept: 'text/event-stream', 'content-type': 'application/json' }, body: JSON.stringify({ variables: {} }) });
    expect([noQuery.status, await codeOf(noQuery)]).toEqual([400, 'BAD_REQUEST']);
    const badVariables = await fetch(`${streamUrl}?${new URLSearchParams({ query: TICKED, variables: '[1' })}`, { headers: { authorization, accept: 'text/event-stream' } });
    expect([badVariables.status, await codeOf(badVariables)]).toEqual([400, 'BAD_REQUEST']);
    expect(bench.log.active).toBe(0);
  });
});
