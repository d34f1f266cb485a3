// What the gateway answers outside GraphQL's own errors: a malformed JSON body, an unknown path, /metrics
// without a scrape token configured — coded JSON every time, never Express's HTML page or a stack trace.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startBench, type Bench } from './fixtures/harness';

let bench: Bench;
let base: string;

beforeAll(async () => {
  delete process.env.METRICS_TOKEN;
  bench = await startBench();
  base = bench.gatewayUrl.replace(/\/graphql$/, '');
});
afterAll(async () => {
  await bench?.stop();
});

const coded = async (response: Response) => {
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const text = await response.text();
  expect(text).not.toMatch(/<html|<pre|\bat .*\.(js|ts):\d+/i);
  return (JSON.parse(text) as { errors: { message: string; extensions: { code: string } }[] }).errors[0]!;
};

describe('the gateway outside GraphQL', () => {
  it('answers a malformed JSON body with 400 BAD_REQUEST, on /graphql, /export and /graphql/stream', async () => {
    const authorization = await bench.authorization();
    for (const path of ['/graphql', '/export', '/graphql/stream']) {
      const response = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json', accept: 'text/event-stream' },
        body: '{"query": "{ __typename }"',
      });
      expect(response.status).toBe(400);
      expect((await coded(response)).extensions.code).toBe('BAD_REQUEST');
    }
  });

  it('answers an unknown path with 404 NOT_FOUND, and /metrics too while no scrape token is configured', async () => {
    for (const path of ['/nope', '/health/deeper', '/metrics']) {
      const response = await fetch(`${base}${path}`);
      expect(response.status).toBe(404);
      expect((await coded(response)).extensions.code).toBe('NOT_FOUND');
    }
  });
});
