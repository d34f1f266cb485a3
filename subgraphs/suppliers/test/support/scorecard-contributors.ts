// Stand-ins for the subgraphs that contribute to SupplierScorecard (orders, quality, sustainability),
// declared exactly as the shared contract says, serving figures a test sets by hand — so the scorecard
// owner can be composed, planned and run through the real gateway without the real contributors.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { graphql, parse } from 'graphql';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';

/** Each contributor's fields of SupplierScorecard, with the value a figure takes when the test sets none. */
export const CONTRIBUTIONS = {
  orders: { otif: ['Float', null], fillRate: ['Float', null], averageDaysLate: ['Float', null], acknowledgementLatencyHours: ['Float', null], linesDue: ['Int!', 0] },
  quality: { ppm: ['Float', null], firstPassYield: ['Float', null], openCorrectiveActions: ['Int!', 0], inspections: ['Int!', 0] },
  sustainability: { carbonIntensity: ['Float', null], renewableShare: ['Float', null] },
} as const satisfies Record<string, Record<string, readonly [string, number | null]>>;

export type ContributorName = keyof typeof CONTRIBUTIONS;
export type Figures = Partial<Record<string, number | null>>;

export function contributorSdl(name: ContributorName): string {
  const fields = Object.entries(CONTRIBUTIONS[name]).map(([field, [type]]) => `  ${field}: ${type}`).join('\n');
  return `${LINK}\ntype SupplierScorecard @key(fields: "supplierId period") {\n  supplierId: ID!\n  period: String!\n${fields}\n}\n`;
}

export interface Contributor {
  name: ContributorName;
  url: string;
  /** `_entities` requests received, and representations in them. */
  calls: number;
  representations: number;
  close(): Promise<void>;
}

/** Serves one contributor over HTTP on port 0; figures by `${supplierId}|${period}`. */
export async function startContributor(name: ContributorName, figures: Map<string, Figures>): Promise<Contributor> {
  const schema = buildSubgraphSchema([{
    typeDefs: parse(contributorSdl(name)),
    resolvers: {
      SupplierScorecard: {
        __resolveReference(reference: { supplierId: string; period: string }) {
          contributor.representations += 1;
          const set = figures.get(`${reference.supplierId}|${reference.period}`) ?? {};
          const values = Object.fromEntries(Object.entries(CONTRIBUTIONS[name]).map(([field, [, none]]) => [field, field in set ? set[field] : none]));
          return { ...reference, ...values };
        },
      },
    } as never,
  }]);
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', async () => {
      const { query, variables } = JSON.parse(body) as { query: string; variables?: Record<string, unknown> };
      if (query.includes('_entities')) contributor.calls += 1;
      const result = await graphql({ schema, source: query, variableValues: variables });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(result));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const contributor: Contributor = {
    name,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    calls: 0,
    representations: 0,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
  return contributor;
}
