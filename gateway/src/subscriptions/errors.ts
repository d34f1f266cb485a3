// Errors of the gateway's subscription transport and the one formatter for everything sent over
// graphql-ws: the platform's formatError (its registry holds the transport's codes too: coded errors
// kept, the rest masked), and no stack trace ever leaves.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { formatError, type ErrorCode } from '@cmgraph/platform/src/lean';

/** What the socket server raises itself: graphql-js's request codes and the registry's SUBSCRIPTION_* ones. */
export type SubscriptionErrorCode =
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'BAD_USER_INPUT'
  | 'OPERATION_RESOLUTION_FAILURE'
  | Extract<ErrorCode, 'SUBSCRIPTION_UPSTREAM_FAILED' | 'SUBSCRIPTION_OVERFLOW'>;

export function subscriptionError(
  code: SubscriptionErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details } });
}

/** Formats a GraphQLError or an already formatted error (e.g. relayed from a subgraph). */
export function formatSubscriptionError(error: GraphQLError | GraphQLFormattedError): GraphQLFormattedError {
  return formatError(error instanceof GraphQLError ? error.toJSON() : error, error);
}

export interface FormattedResult {
  data?: Record<string, unknown> | null;
  errors?: GraphQLFormattedError[];
  extensions?: Record<string, unknown>;
}

export function errorResult(...errors: (GraphQLError | GraphQLFormattedError)[]): FormattedResult {
  return { errors: errors.map(formatSubscriptionError) };
}
