// What `npm start` prints once the stack is up: where the graph is, a development ADMIN token (and how
// to mint others), and a curl line that really works.
import { paint } from './output';

/** Most federated first; the first one the running graph answers without errors is shown. */
const EXAMPLES = [
  // suppliers × orders × inventory
  '{ suppliers(first: 2, filter: { types: [CM] }) { nodes { code name facilities { name nearshore } ' +
    'onTimeInFullRate(from: "2026-01-01", to: "2026-10-31") purchaseOrders(first: 2) { nodes { number status ' +
    'lines { quantity product { sku onHand } } shipments { number status receipt { receivedAt } } } } } } }',
  // one subgraph
  '{ suppliers(first: 3) { nodes { code name country facilities { name region } } } }',
];

async function answers(url: string, query: string, token?: string): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query }),
      signal: AbortSignal.timeout(5_000),
    });
    const body = (await response.json()) as { errors?: unknown[] };
    return response.ok && !body.errors?.length;
  } catch {
    return false;
  }
}

export async function exampleQuery(url: string, token?: string): Promise<string> {
  for (const query of EXAMPLES) if (await answers(url, query, token)) return query;
  return EXAMPLES[EXAMPLES.length - 1]!;
}

/** `token`: a development ADMIN JWT for the gateway (absent when tokens come from an identity provider). */
export async function printWelcome(gatewayUrl: string | undefined, subgraphUrls: Record<string, string>, token?: string): Promise<void> {
  const target = gatewayUrl ?? Object.values(subgraphUrls)[0]!;
  const query = await exampleQuery(target, token);
  const lines = [
    '',
    gatewayUrl ? `Supergraph ready: ${paint(gatewayUrl, 1)}` : 'Subgraphs ready (no gateway yet):',
    ...Object.entries(subgraphUrls).map(([name, url]) => `  ${name.padEnd(15)} ${url} (gateway only: signed identity required)`),
    '',
    ...(token
      ? [
          'Development ADMIN token (8 hours, this run only):',
          `  ${token}`,
          'Others: npm run token -- --role PARTNER --supplier <supplier id> [--sub name] [--ttl 8h]',
          '',
        ]
      : []),
    'Try a query:',
    `  curl -s ${target} \\`,
    `    -H 'content-type: application/json' \\`,
    ...(token ? [`    -H 'authorization: Bearer ${token}' \\`] : []),
    `    -d '${JSON.stringify({ query })}'`,
    '',
    'Ctrl-C stops everything.',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
