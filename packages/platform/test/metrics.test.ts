// The kit's metrics route and plugin without a database: /metrics exists only with a scrape token, answers
// 401 coded to anyone without it, and the Prometheus text to the scraper; the plugin counts requests by
// operation type and outcome and errors by code.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { buildSchema } from 'graphql';
import { createMetrics, listen, metricsPlugin, metricsRoute, type RunningServer } from '@cmgraph/platform';
import { metricSample } from '@cmgraph/testkit';

let open: RunningServer;
let closed: RunningServer;
let apollo: ApolloServer;
const metrics = createMetrics('test');

beforeAll(async () => {
  const withToken = express();
  withToken.get('/metrics', metricsRoute(metrics, 'scrape-me'));
  open = await listen(withToken, 0);
  const withoutToken = express();
  withoutToken.get('/metrics', metricsRoute(metrics, undefined));
  closed = await listen(withoutToken, 0);
  apollo = new ApolloServer({ schema: buildSchema('type Query { ok: Boolean }'), plugins: [metricsPlugin(metrics)] });
  await apollo.start();
});
afterAll(async () => {
  await Promise.all([open?.close(), closed?.close(), apollo?.stop()]);
});

const scrape = (server: RunningServer, authorization?: string) =>
  fetch(server.url.replace(/\/graphql$/, '/metrics'), { headers: authorization ? { authorization } : {} });

describe('GET /metrics', () => {
  it('is not offered without METRICS_TOKEN', async () => {
    expect((await scrape(closed, 'Bearer scrape-me')).status).toBe(404);
  });

  it('answers 401 UNAUTHENTICATED without the token or with another', async () => {
    for (const authorization of [undefined, 'Bearer scrape-m', 'Bearer scrape-me!', 'Basic scrape-me']) {
      const response = await scrape(open, authorization);
      expect(response.status).toBe(401);
      expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('gives the scraper the Prometheus text: process metrics and GraphQL requests by operation, outcome and error code', async () => {
    await apollo.executeOperation({ query: '{ ok }' });
    await apollo.executeOperation({ query: '{ ok }' });
    await apollo.executeOperation({ query: '{ nope }' });
    const response = await scrape(open, 'Bearer scrape-me');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(metricSample(text, 'process_cpu_user_seconds_total', { service: 'test' })).toBeGreaterThan(0);
    const requests = (labels: Record<string, string>) => metricSample(text, 'cmgraph_graphql_request_duration_seconds_count', { service: 'test', ...labels });
    expect(requests({ operation: 'query', outcome: 'ok' })).toBe(2);
    expect(requests({ operation: 'unknown', outcome: 'error' })).toBe(1);
    expect(metricSample(text, 'cmgraph_graphql_errors_total', { service: 'test', code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
  });
});
