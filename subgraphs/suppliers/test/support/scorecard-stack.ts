// The suppliers subgraph (on its own fresh database) composed with stand-ins of the scorecard
// contributors behind the real gateway: the @requires path of `SupplierScorecard.score` end to end,
// with contributor figures a test sets by hand. Counts the suppliers subgraph's SQL statements.
import { printSubgraphSchema } from '@apollo/subgraph';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createSubgraph, databaseUrl, subgraphSchema, type Identity } from '@cmgraph/platform';
import { createGateway } from '@cmgraph/gateway';
import { graphqlClient, isolatedTarget, type CallerSpec, type Credentials, type GraphqlClient } from '@cmgraph/testkit';
import { suppliers } from '../../src';
import { contributorSdl, startContributor, type Contributor, type ContributorName, type Figures } from './scorecard-contributors';

export interface ScorecardStack {
  /** ADMIN through the gateway. */
  gateway: GraphqlClient;
  as(caller: CallerSpec | Identity): GraphqlClient;
  /** Straight to the suppliers subgraph, as the gateway calls it. */
  suppliers(credentials?: Credentials): GraphqlClient;
  /** Contributor figures by `${supplierId}|${period}`. */
  figures: Map<string, Figures>;
  contributors: Contributor[];
  em(): EntityManager;
  /** SQL statements of the suppliers subgraph since the last reset. */
  statements(): number;
  resetCounts(): void;
  stop(): Promise<void>;
}

const CONTRIBUTORS: ContributorName[] = ['orders', 'quality', 'sustainability'];

export async function startScorecardStack(): Promise<ScorecardStack> {
  const target = isolatedTarget();
  let statements = 0;
  const figures = new Map<string, Figures>();
  const server = await createSubgraph(suppliers, { url: databaseUrl(target, 'suppliers'), onStatement: () => void statements++, scheduleJobs: false });
  const closers: (() => Promise<unknown>)[] = [() => server.stop(), () => target.drop()];
  const stop = async () => {
    for (const close of closers.reverse()) await close();
  };
  try {
    const http = await server.listen(0);
    const contributors = await Promise.all(CONTRIBUTORS.map((name) => startContributor(name, figures)));
    closers.push(...contributors.map((c) => () => c.close()));
    const composed = composeServices([
      { name: 'suppliers', url: http.url, typeDefs: parse(printSubgraphSchema(await subgraphSchema(suppliers))) },
      ...contributors.map((c) => ({ name: c.name, url: c.url, typeDefs: parse(contributorSdl(c.name)) })),
    ]);
    if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
    const gateway = await createGateway({ supergraphSdl: composed.supergraphSdl, limits: { rateLimit: false } });
    const gatewayHttp = await gateway.listen(0);
    closers.push(() => gateway.stop());
    return {
      gateway: graphqlClient(gatewayHttp.url),
      as: (caller) => graphqlClient(gatewayHttp.url, { caller }),
      suppliers: (credentials) => graphqlClient(http.url, credentials),
      figures,
      contributors,
      em: () => server.orm.em.fork() as EntityManager,
      statements: () => statements,
      resetCounts() {
        statements = 0;
        for (const c of contributors) Object.assign(c, { calls: 0, representations: 0 });
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
