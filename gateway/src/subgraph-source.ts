// How the gateway calls a subgraph. Every request carries the caller's verified identity, signed just
// now into `x-cmgraph-identity` (the subgraph refuses anything else); the identity comes from the
// request context (HTTP and graphql-ws operations) or from a subscription's scope (the entity fetches
// of a subscription event). A subgraph answers a request it rejects as a whole (a variable that fails
// coercion, say) with HTTP 400 and a GraphQL error body; the stock data source would turn that into an
// uncoded "400: Bad Request" carrying the subgraph's URL. Here the subgraph's own coded error is passed
// on instead, and nothing about the subgraph's address leaks.
// Identical query fetches in flight at the same time (same subgraph, same body, and a `shareKey` the
// gateway gives: the caller's answer scope and the subgraph's generation) share one upstream request.
import { GraphQLError } from 'graphql';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { IDENTITY_HEADER, signIdentity, type Identity } from '@cmgraph/platform/src/lean';
import { scopeIdentity } from './subscriptions/scope';
import { InflightRequests } from './cache/inflight';

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
  /**
   * Whether a fetch of this operation may share an identical one in flight: a key that must also be
   * equal (the caller's scope and the subgraph's generation), or null to send it on its own. Never
   * given: nothing is shared.
   */
  shareKey?: (context: GatewayContext | undefined) => string | null;
}

type GatewayGraphQLResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

/** A copy of a subgraph response for one more request (its `http` part is read-only and stays shared). */
function copyResponse({ http, ...body }: GatewayGraphQLResponse): GatewayGraphQLResponse {
  return { ...structuredClone(body), http };
}

export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly identitySecret: string;
  private readonly shareKey: SubgraphDataSourceOptions['shareKey'];
  private readonly inflight = new InflightRequests<GatewayGraphQLResponse>(copyResponse);
  private sent = 0;

  constructor({ identitySecret, shareKey, ...options }: SubgraphDataSourceOptions) {
    // Node's own fetch (undici: keep-alive pool per origin) instead of the default make-fetch-happen,
    // whose HTTP-cache layer and per-request error objects cost more CPU than the request itself
    super({ fetcher: fetch as unknown as NonNullable<RemoteGraphQLDataSource['fetcher']>, ...options });
    this.identitySecret = identitySecret;
    this.shareKey = shareKey;
  }

  /** Requests sent to the subgraph, and fetches answered by another's request instead. */
  inflightStats(): { started: number; shared: number } {
    return { started: this.sent, shared: this.inflight.stats().shared };
  }

  override process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const send = () => {
      this.sent += 1;
      return super.process(options);
    };
    const scope = 'incomingRequestContext' in options ? this.shareKey?.(options.context) : null;
    // a subgraph mutation is never shared, whatever the operation around it
    if (!scope || !options.request.query || /^\s*mutation\b/.test(options.request.query)) return send();
    const key = JSON.stringify([scope, options.request.query, options.request.operationName ?? null, options.request.variables ?? {}]);
    return this.inflight.run(key, send);
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
