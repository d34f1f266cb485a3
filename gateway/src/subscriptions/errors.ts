// Errors of the gateway's subscription transport and the one formatter for everything sent over
// graphql-ws: the gateway's own codes pass as they are, everything else goes through the platform's
// formatError (coded errors kept, the rest masked), and no stack trace ever leaves.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { formatError } from '@cmgraph/platform';

export const SubscriptionErrorCodes = {
  GRAPHQL_PARSE_FAILED: 'The document is not valid GraphQL syntax.',
  GRAPHQL_VALIDATION_FAILED: 'The document does not validate against the API schema.',
  BAD_USER_INPUT: 'A variable is missing or does not have its declared type.',
  OPERATION_RESOLUTION_FAILURE: 'No operation, or more than one without an operation name.',
  SUBSCRIPTION_UPSTREAM_FAILED:
    'The owning subgraph could not be reached (after retries) or ended the stream abnormally; `resumeAfter` is the last cursor delivered.',
  SUBSCRIPTION_OVERFLOW:
    'The client fell `subscriptionBufferSize` events behind; its subscription ends and `resumeAfter` is the last cursor it received.',
} as const;

export type SubscriptionErrorCode = keyof typeof SubscriptionErrorCodes;

export function subscriptionError(
  code: SubscriptionErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details } });
}

// The transport's own codes; the request-level ones above are the platform's and are formatted by it.
const ownCodes = new Set<string>(['SUBSCRIPTION_UPSTREAM_FAILED', 'SUBSCRIPTION_OVERFLOW']);

/** Formats a GraphQLError or an already formatted error (e.g. relayed from a subgraph). */
export function formatSubscriptionError(error: GraphQLError | GraphQLFormattedError): GraphQLFormattedError {
  const formatted = error instanceof GraphQLError ? error.toJSON() : error;
  const { stacktrace: _stack, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
  const code = extensions.code as string | undefined;
  if (code && ownCodes.has(code)) return { ...formatted, extensions };
  return formatError({ ...formatted, extensions }, error);
}

export interface FormattedResult {
  data?: Record<string, unknown> | null;
  errors?: GraphQLFormattedError[];
  extensions?: Record<string, unknown>;
}

export function errorResult(...errors: (GraphQLError | GraphQLFormattedError)[]): FormattedResult {
  return { errors: errors.map(formatSubscriptionError) };
}
