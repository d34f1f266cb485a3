// How the gateway calls a subgraph. Every request carries the caller's verified identity, signed just
// now into `x-cmgraph-identity` (the subgraph refuses anything else); the identity comes from the
// request context (HTTP and graphql-ws operations) or from a subscription's scope (the entity fetches
// of a subscription event). A subgraph answers a request it rejects as a whole (a variable that fails
// coercion, say) with HTTP 400 and a GraphQL error body; the stock data source would turn that into an
// uncoded "400: Bad Request" carrying the subgraph's URL. Here the subgraph's own coded error is passed
// on instead, and nothing about the subgraph's address leaks.
import { GraphQLError } from 'graphql';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { IDENTITY_HEADER, signIdentity, type Identity } from '@cmgraph/platform';
import { scopeIdentity } from './subscriptions/scope';

interface ErrorBody {
  errors?: { message?: string; extensions?: Record<string, unknown> }[];
}

/** What the gateway puts in the context of an operation it executes. */
export interface GatewayContext {
  identity?: Identity;
  /** Set for the entity fetches of a subscription event (hub.ts). */
  subscriptionScope?: string;
  /** Set for the pages after the first of one export (egress/): the export took its rate-limit token at its first page. */
  exportContinuation?: boolean;
}

export interface SubgraphDataSourceOptions {
  url?: string;
  /** The secret shared with the subgraphs (IDENTITY_SECRET). */
  identitySecret: string;
}

export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly identitySecret: string;

  constructor({ identitySecret, ...options }: SubgraphDataSourceOptions) {
    super(options);
    this.identitySecret = identitySecret;
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const identity = context?.identity ?? (context?.subscriptionScope ? scopeIdentity(context.subscriptionScope) : null);
    // without one the subgraph answers 401 UNAUTHENTICATED: never sign an identity nobody verified
    if (identity) request.http?.headers.set(IDENTITY_HEADER, signIdentity(identity, this.identitySecret));
  }

  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]): Promise<GraphQLError> {
    const body = (await this.parseBody(response).catch(() => undefined)) as ErrorBody | undefined;
    const first = body?.errors?.[0];
    if (first?.message) return new GraphQLError(first.message, { extensions: first.extensions ?? {} });
    return new GraphQLError(`subgraph answered HTTP ${response.status}`, {
      extensions: { code: response.status === 401 ? 'UNAUTHENTICATED' : response.status === 403 ? 'FORBIDDEN' : 'INTERNAL_SERVER_ERROR' },
    });
  }
}
