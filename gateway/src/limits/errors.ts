// The coded errors of the gateway's operation limits. All are raised before any subgraph is called.
// Their codes are in the platform's registry (errors.ts), so its formatError passes them on.
import { GraphQLError } from 'graphql';
import type { ErrorCode } from '@cmgraph/platform/src/lean';

export type LimitErrorCode = Extract<ErrorCode, 'OPERATION_TOO_COMPLEX' | 'PAYLOAD_TOO_LARGE' | 'RATE_LIMITED' | 'OPERATION_NOT_TRUSTED'>;
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
