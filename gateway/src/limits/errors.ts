// The coded errors of the gateway's operation limits. All are raised before any subgraph is called.
// They pass through the platform's formatError only when registered there (see withLimitCodes).
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

export const LimitErrorCodes = {
  OPERATION_TOO_COMPLEX:
    'The operation exceeds a gateway limit: `extensions.rule` (depth, aliases, rootFields, cost), `extensions.limit`, `extensions.actual`.',
  PAYLOAD_TOO_LARGE: 'The request body exceeds the gateway limit (`extensions.limit` bytes; `extensions.actual` when known).',
  RATE_LIMITED: 'Too many requests for this identity; retry after `extensions.retryAfterSeconds` (also the Retry-After header).',
  OPERATION_NOT_TRUSTED: 'PARTNER callers may run only the trusted documents of schema/operations/manifest.json.',
} as const;

export type LimitErrorCode = keyof typeof LimitErrorCodes;
export type LimitRule = 'depth' | 'aliases' | 'rootFields' | 'cost';

export function limitError(code: LimitErrorCode, message: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details } });
}

export function tooComplex(rule: LimitRule, limit: number, actual: number): GraphQLError {
  const what: Record<LimitRule, string> = {
    depth: 'is nested deeper',
    aliases: 'uses more aliases',
    rootFields: 'selects more root fields',
    cost: 'has a higher estimated cost',
  };
  return limitError('OPERATION_TOO_COMPLEX', `The operation ${what[rule]} than the gateway allows (${actual} > ${limit}).`, {
    rule,
    limit,
    actual,
  });
}

export function rateLimited(retryAfterSeconds: number): GraphQLError {
  return limitError('RATE_LIMITED', `Too many requests: retry in ${retryAfterSeconds} s.`, { retryAfterSeconds });
}

export function notTrusted(): GraphQLError {
  return limitError(
    'OPERATION_NOT_TRUSTED',
    'This caller may run only trusted documents: send the `extensions.persistedQuery.sha256Hash` of a document in the manifest, or that document itself.',
  );
}

export function introspectionDisabled(): GraphQLError {
  return new GraphQLError('Introspection (__schema, __type) is disabled in production.', {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
  });
}

/** Removes graphql-js's "Did you mean …?" hints (production: they reveal the schema). */
export function withoutSuggestions(message: string): string {
  return message.replace(/ ?Did you mean(.+?)\?$/, '');
}

const codes = new Set<string>(Object.keys(LimitErrorCodes));

/**
 * Wraps a formatError (the platform's masks codes it does not know) so that the limit codes pass as
 * they are. Not needed once LimitErrorCodes are part of the platform's ErrorCodes registry.
 */
export function withLimitCodes(
  format: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError,
): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => {
    const code = formatted.extensions?.code;
    if (typeof code !== 'string' || !codes.has(code)) return format(formatted, error);
    const { stacktrace: _stack, ...extensions } = formatted.extensions as Record<string, unknown>;
    return { ...formatted, extensions };
  };
}
