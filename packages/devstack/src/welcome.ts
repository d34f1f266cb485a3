// What `npm start` prints once the stack is up: where the graph is and a curl line that really works.
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

async function answers(url: string, query: string): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
      signal: AbortSignal.timeout(5_000),
    });
    const body = (await response.json()) as { errors?: unknown[] };
    return response.ok && !body.errors?.length;
  } catch {
    return false;
  }
}

export async function exampleQuery(url: string): Promise<string> {
  for (const query of EXAMPLES) if (await answers(url, query)) return query;
  return EXAMPLES[EXAMPLES.length - 1]!;
}

export async function printWelcome(gatewayUrl: string | undefined, subgraphUrls: Record<string, string>): Promise<void> {
  const target = gatewayUrl ?? Object.values(subgraphUrls)[0]!;
  const query = await exampleQuery(target);
  const lines = [
    '',
    gatewayUrl ? `Supergraph ready: ${paint(gatewayUrl, 1)}` : 'Subgraphs ready (no gateway yet):',
    ...Object.entries(subgraphUrls).map(([name, url]) => `  ${name.padEnd(15)} ${url}`),
    '',
    'Try a query:',
    `  curl -s ${target} \\`,
    `    -H 'content-type: application/json' \\`,
    `    -d '${JSON.stringify({ query })}'`,
    '',
    'Ctrl-C stops everything.',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
