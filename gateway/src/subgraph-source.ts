// How the gateway calls a subgraph. A subgraph answers a request it rejects as a whole (a variable
// that fails coercion, say) with HTTP 400 and a GraphQL error body; the stock data source would turn
// that into an uncoded "400: Bad Request" carrying the subgraph's URL. Here the subgraph's own coded
// error is passed on instead, and nothing about the subgraph's address leaks.
import { GraphQLError } from 'graphql';
import { RemoteGraphQLDataSource } from '@apollo/gateway';

interface ErrorBody {
  errors?: { message?: string; extensions?: Record<string, unknown> }[];
}

export class SubgraphDataSource extends RemoteGraphQLDataSource {
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]): Promise<GraphQLError> {
    const body = (await this.parseBody(response).catch(() => undefined)) as ErrorBody | undefined;
    const first = body?.errors?.[0];
    if (first?.message) return new GraphQLError(first.message, { extensions: first.extensions ?? {} });
    return new GraphQLError(`subgraph answered HTTP ${response.status}`, {
      extensions: { code: response.status === 401 ? 'UNAUTHENTICATED' : response.status === 403 ? 'FORBIDDEN' : 'INTERNAL_SERVER_ERROR' },
    });
  }
}
