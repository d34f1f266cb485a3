// Tabular egress: named reports and any list-selecting document streamed as CSV or NDJSON, page by page
// through the gateway's own execution (routes.ts for the HTTP surface, stream.ts for the paging).
import type { ApolloServer } from '@apollo/server';
import type { GatewayContext } from '../subgraph-source';
import type { PageExecutor, PageResult } from './stream';

export { egressRoutes, type EgressRoutesOptions } from './routes';
export { ReportRegistry } from './registry';
export { REPORTS, type ReportDefinition } from './reports';
export type { ReportParam, ParamType } from './params';
export { emptyStats, type EgressStats, type PageExecutor } from './stream';
export { FORMATS, csvField, type TabularFormat } from './formats';

/**
 * Pages run as operations of the gateway's own Apollo Server, with the caller's identity as context:
 * the same plugins (trusted documents, depth, cost, rate limit) and the same query plans as /graphql.
 * Only the first page of an export takes a rate-limit token.
 */
export function apolloPageExecutor(apollo: ApolloServer<GatewayContext>): PageExecutor {
  return async (request, identity, firstPage): Promise<PageResult> => {
    const response = await apollo.executeOperation(
      { query: request.query, operationName: request.operationName ?? undefined, variables: request.variables },
      { contextValue: { identity, exportContinuation: !firstPage } },
    );
    if (response.body.kind !== 'single') throw new Error('an incremental (deferred) result cannot be exported');
    const retryAfter = response.http.headers.get('retry-after');
    const { data, errors } = response.body.singleResult;
    return {
      status: response.http.status ?? 200,
      headers: retryAfter ? { 'retry-after': retryAfter } : ({} as Record<string, string>),
      data: data as Record<string, unknown> | null | undefined,
      errors,
    };
  };
}
