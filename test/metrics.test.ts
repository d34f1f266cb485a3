// Prometheus metrics of a running platform (METRICS_TOKEN set): the gateway counts what it served — GraphQL
// requests by operation type and outcome, errors by code, requests to each subgraph (the same number the
// data sources sent), response-cache answers by outcome — and each subgraph counts its requests with their
// SQL statements and shows its outbox backlog: suppliers runs without its relay here, so the event of a
// committed mutation waits there; orders, with its relay, has none.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dataOf, metricSample, startStack, tokenFor, type Stack } from '@cmgraph/testkit';

const TOKEN = 'metrics-test-token';
let stack: Stack;

beforeAll(async () => {
  process.env.METRICS_TOKEN = TOKEN; // read when each server builds its /metrics route
  stack = await startStack(['suppliers', 'orders'], { withoutWorkers: ['suppliers'] });
}, 120_000);
afterAll(async () => {
  await stack?.stop();
  delete process.env.METRICS_TOKEN;
});

const scrape = async (graphqlUrl: string, token = TOKEN) => {
  const response = await fetch(graphqlUrl.replace(/\/graphql$/, '/metrics'), { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, text: await response.text() };
};

describe('/metrics', () => {
  it('counts at the gateway what it served, and at each subgraph its requests, SQL statements and outbox', async () => {
    const supplier = dataOf<{ createSupplier: { id: string } }>(
      await stack.gateway('mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }', {
        input: { code: 'MTR-1', name: 'Metrics Works', type: 'CM', country: 'DE' },
      }),
    ).createSupplier;
    // writes supplier.status_changed to the suppliers outbox, which nothing relays in this stack
    dataOf(await stack.gateway('mutation($input: SupplierStatusInput!) { setSupplierStatus(input: $input) { status } }', { input: { supplierId: supplier.id, status: 'ONBOARDING' } }));
    for (let i = 0; i < 3; i++) {
      dataOf(await stack.gateway('query($id: ID!) { supplier(id: $id) { name purchaseOrders(first: 5) { totalCount } } }', { id: supplier.id }));
    }
    const refused = await stack.gateway('{ supplier { nope } }');
    expect(refused.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    const gateway = await scrape(stack.gatewayUrl);
    expect(gateway.status).toBe(200);
    const at = (name: string, labels: Record<string, string> = {}) => metricSample(gateway.text, name, { service: 'gateway', ...labels });
    expect(at('cmgraph_graphql_request_duration_seconds_count', { operation: 'mutation', outcome: 'ok' })).toBe(2);
    expect(at('cmgraph_graphql_request_duration_seconds_count', { operation: 'query', outcome: 'ok' })).toBe(3);
    expect(at('cmgraph_graphql_errors_total', { code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(refused.errors!.length);
    expect(at('cmgraph_graphql_request_duration_seconds_count', { operation: 'unknown', outcome: 'error' })).toBe(1);
    // every request the data sources sent, by subgraph, and nothing else
    const sent = stack.gatewayServer().subgraphFetchStats();
    for (const name of ['suppliers', 'orders']) {
      expect(at('cmgraph_subgraph_request_duration_seconds_count', { subgraph: name, outcome: 'ok' })).toBe(sent[name]!.started);
    }
    expect(sent.orders!.started).toBeGreaterThanOrEqual(3);
    const cache = stack.gatewayServer().responseCacheStats();
    expect(at('cmgraph_response_cache_answers_total', { outcome: 'bypass' })).toBe(cache.bypasses);
    expect(at('cmgraph_subscription_clients')).toBe(0);
    expect(at('cmgraph_exports_active')).toBe(0);

    const suppliers = await scrape(stack.subgraphs.suppliers!.http.url);
    const there = (name: string, labels: Record<string, string> = {}) => metricSample(suppliers.text, name, { service: 'suppliers', ...labels });
    expect(there('cmgraph_graphql_request_duration_seconds_count', { operation: 'mutation', outcome: 'ok' })).toBe(2);
    expect(there('cmgraph_sql_statements_per_request_count')).toBe(sent.suppliers!.started);
    expect(there('cmgraph_sql_statements_per_request_sum')).toBeGreaterThan(0);
    expect(there('cmgraph_outbox_unrelayed_events')).toBe(1);

    const orders = await scrape(stack.subgraphs.orders!.http.url);
    expect(metricSample(orders.text, 'cmgraph_outbox_unrelayed_events', { service: 'orders' })).toBe(0);
  });

  it('refuses a scrape without the token, at the gateway and at a subgraph', async () => {
    for (const url of [stack.gatewayUrl, stack.subgraphs.orders!.http.url]) {
      const refused = await scrape(url, 'wrong');
      expect(refused.status).toBe(401);
      expect(refused.text).toContain('UNAUTHENTICATED');
      expect(refused.text).not.toContain('cmgraph_');
    }
    const anonymous = await fetch(stack.gatewayUrl.replace(/\/graphql$/, '/metrics'), { headers: { authorization: `Bearer ${await tokenFor()}` } });
    expect(anonymous.status).toBe(401); // a user's JWT is not the scrape token
  });
});
