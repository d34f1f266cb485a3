// How the gateway calls a subgraph. Every request carries the caller's verified identity, signed just
// now into `x-cmgraph-identity` (the subgraph refuses anything else); the identity comes from the
// request context (HTTP and graphql-ws operations) or from a subscription's scope (the entity fetches
// of a subscription event). A subgraph answers a request it rejects as a whole (a variable that fails
// coercion, say) with HTTP 400 and a GraphQL error body; the stock data source would turn that into an
// uncoded "400: Bad Request" carrying the subgraph's URL. Here the subgraph's own coded error is passed
// on instead, and nothing about the subgraph's address leaks.
// Identical query fetches in flight at the same time (same subgraph, same body, and a `shareKey` the
// gateway gives: the caller's answer scope and the subgraph's generation) share one upstream request.
// The request itself is a plain POST over node:http with a keep-alive agent per subgraph: a profile under
// load (bench/RESULTS.md) put a third of the gateway's CPU into Apollo's RemoteGraphQLDataSource over
// fetch (node-fetch Request/Headers built for hooks nobody uses, URL parsing, web streams); measured per
// call, 200–230 µs CPU and 74 kB of garbage there against 53–68 µs and 23 kB for node:http.
import http from 'node:http';
import https from 'node:https';
import { GraphQLError } from 'graphql';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
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
  url: string;
  /** The secret shared with the subgraphs (IDENTITY_SECRET). */
  identitySecret: string;
  /**
   * Whether a fetch of this operation may share an identical one in flight: a key that must also be
   * equal (the caller's scope and the subgraph's generation), or null to send it on its own. Never
   * given: nothing is shared.
   */
  shareKey?: (context: GatewayContext | undefined) => string | null;
  /** Told how long each request to the subgraph took and whether it was answered (metrics). */
  observe?: (seconds: number, outcome: 'ok' | 'error') => void;
}

type GatewayGraphQLResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

/** A copy of a subgraph response for one more request (@apollo/gateway merges into what it receives). */
function copyResponse(response: GatewayGraphQLResponse): GatewayGraphQLResponse {
  return structuredClone(response);
}

export class SubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  readonly url: string;
  private readonly target: URL;
  private readonly client: typeof http | typeof https;
  private readonly agent: http.Agent;
  private readonly identitySecret: string;
  private readonly shareKey: SubgraphDataSourceOptions['shareKey'];
  private readonly observe: SubgraphDataSourceOptions['observe'];
  private readonly inflight = new InflightRequests<GatewayGraphQLResponse>(copyResponse);
  private sent = 0;

  constructor({ url, identitySecret, shareKey, observe }: SubgraphDataSourceOptions) {
    this.url = url;
    this.target = new URL(url);
    this.client = this.target.protocol === 'https:' ? https : http;
    // connections kept open between requests; the most recently used first, so that idle ones time out
    this.agent = new this.client.Agent({ keepAlive: true, scheduling: 'lifo', timeout: 60_000 });
    this.identitySecret = identitySecret;
    this.shareKey = shareKey;
    this.observe = observe;
  }

  /** Requests sent to the subgraph, and fetches answered by another's request instead. */
  inflightStats(): { started: number; shared: number } {
    return { started: this.sent, shared: this.inflight.stats().shared };
  }

  /** Closes the kept-alive connections. */
  close(): void {
    this.agent.destroy();
  }

  process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const send = () => {
      this.sent += 1;
      if (!this.observe) return this.send(options);
      const started = process.hrtime.bigint();
      const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
      return this.send(options).then(
        (response) => {
          this.observe!(seconds(), 'ok');
          return response;
        },
        (error: unknown) => {
          this.observe!(seconds(), 'error');
          throw error;
        },
      );
    };
    const scope = 'incomingRequestContext' in options ? this.shareKey?.(options.context) : null;
    // a subgraph mutation is never shared, whatever the operation around it
    if (!scope || !options.request.query || /^\s*mutation\b/.test(options.request.query)) return send();
    const key = JSON.stringify([scope, options.request.query, options.request.operationName ?? null, options.request.variables ?? {}]);
    return this.inflight.run(key, send);
  }

  private async send({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    if (!request.query) throw new Error('Missing query');
    const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json', accept: 'application/json' };
    const identity = context?.identity ?? (context?.subscriptionScope ? scopeIdentity(context.subscriptionScope) : null);
    // without one the subgraph answers 401 UNAUTHENTICATED: never sign an identity nobody verified
    if (identity) headers[IDENTITY_HEADER] = signIdentity(identity, this.identitySecret);
    const { query, operationName, variables, extensions } = request;
    const { status, contentType, text } = await this.post(JSON.stringify({ query, operationName, variables, extensions }), headers);
    const body = contentType.startsWith('application/json') || contentType.startsWith('application/graphql-response+json') ? safeJson(text) : undefined;
    if (status < 200 || status > 299) throw errorFromResponse(status, body as ErrorBody | undefined);
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Error(`subgraph ${this.url} answered without a JSON object (HTTP ${status})`);
    return body as GatewayGraphQLResponse;
  }

  private post(payload: string, headers: http.OutgoingHttpHeaders): Promise<{ status: number; contentType: string; text: string }> {
    return new Promise((resolve, reject) => {
      const request = this.client.request(
        this.target,
        { method: 'POST', agent: this.agent, headers: { ...headers, 'content-length': Buffer.byteLength(payload) } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, contentType: response.headers['content-type'] ?? '', text: Buffer.concat(chunks).toString('utf8') }),
          );
        },
      );
      request.on('error', reject);
      request.end(payload);
    });
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The subgraph's own coded error for a request it rejected as a whole, else one coded by the HTTP status. */
function errorFromResponse(status: number, body: ErrorBody | undefined): GraphQLError {
  const first = body?.errors?.[0];
  if (first?.message) return new GraphQLError(first.message, { extensions: first.extensions ?? {} });
  return new GraphQLError(`subgraph answered HTTP ${status}`, {
    extensions: { code: status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : 'INTERNAL_SERVER_ERROR' },
  });
}
