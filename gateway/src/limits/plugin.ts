// The Apollo Server plugin of the operation limits. requestDidStart: a PARTNER-style request that sends
// only `extensions.persistedQuery.sha256Hash` of a manifest document gets that document as its query
// (so trusted documents work with or without Apollo's APQ cache). didResolveOperation (after parsing
// and validation, before any subgraph is called): the guard's checks, the first failure thrown as a
// coded error with its HTTP status (429 with Retry-After for RATE_LIMITED). In production, "Did you
// mean …" suggestions are removed from validation errors.
import { GraphQLError } from 'graphql';
import { HeaderMap, type ApolloServerPlugin, type BaseContext, type GraphQLRequestContext } from '@apollo/server';
import type { Identity } from '@cmgraph/platform/src/lean';
import { withoutSuggestions } from './errors';
import type { OperationGuard } from './guard';

export interface OperationLimitsPluginOptions<TContext extends BaseContext> {
  /** Who is calling; by default `contextValue.identity` (null: anonymous, no rate limit, not a partner). */
  identity?: (requestContext: GraphQLRequestContext<TContext>) => Identity | null;
  /**
   * Whether the request takes a rate-limit token (default: every request does). Tabular egress runs one
   * export as many page operations; it takes one token for the export, at its first page.
   */
  takesRateLimitToken?: (requestContext: GraphQLRequestContext<TContext>) => boolean;
}

const STATUS: Record<string, number> = {
  RATE_LIMITED: 429,
  OPERATION_NOT_TRUSTED: 403,
  OPERATION_TOO_COMPLEX: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
};

export function operationLimitsPlugin<TContext extends BaseContext>(
  guard: OperationGuard,
  options: OperationLimitsPluginOptions<TContext> = {},
): ApolloServerPlugin<TContext> {
  const identityOf =
    options.identity ?? ((ctx: GraphQLRequestContext<TContext>) => ((ctx.contextValue as { identity?: Identity | null }).identity ?? null));
  return {
    async requestDidStart(start) {
      const request = start.request;
      const hash = (request.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined)?.sha256Hash;
      if (request.query === undefined && typeof hash === 'string') {
        const body = guard.trustedDocuments.documentOf(hash);
        if (body !== undefined) request.query = body; // Apollo then checks that the hash matches it
      }
      return {
        async validationDidStart() {
          if (!guard.limits.production) return;
          return async (errors) => {
            for (const error of errors ?? []) error.message = withoutSuggestions(error.message);
          };
        },
        async didResolveOperation(ctx) {
          const [error] = guard.checkOperation({
            schema: ctx.schema,
            document: ctx.document,
            operationName: ctx.request.operationName,
            variables: ctx.request.variables,
            identity: identityOf(ctx),
            rateLimit: options.takesRateLimitToken?.(ctx) ?? true,
          });
          if (error) throw withHttp(error);
        },
      };
    },
  };
}

function withHttp(error: GraphQLError): GraphQLError {
  const code = error.extensions.code as string;
  const headers = new HeaderMap();
  if (code === 'RATE_LIMITED') headers.set('retry-after', String(error.extensions.retryAfterSeconds));
  return new GraphQLError(error.message, {
    extensions: { ...error.extensions, http: { status: STATUS[code] ?? 400, headers } },
  });
}
