// The error-code registry: every error a client can cause has a code here, and only these codes reach
// clients. Anything else is masked to INTERNAL_SERVER_ERROR, its detail kept in the log.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { createLogger } from './logger';

export const ErrorCodes = {
  BAD_USER_INPUT: 'Input failed validation; `extensions.field` names the offending field.',
  NOT_FOUND: 'The referenced record does not exist (or is not visible to the caller).',
  CONFLICT: 'The request contradicts the current state of the record (e.g. a status transition not allowed).',
  QUANTITY_EXCEEDS_OPEN: 'A shipment line ships more than is still open on its purchase order line.',
  INSUFFICIENT_STOCK: 'A movement takes more than is on hand (or available) at the location.',
  FORBIDDEN: 'The caller is authenticated but may not do this.',
  UNAUTHENTICATED: 'The caller could not be identified.',
  OPERATION_TOO_COMPLEX: 'The operation exceeds a gateway limit (depth, aliases, root fields or estimated cost); `extensions.rule`, `limit` and `actual` say which.',
  PAYLOAD_TOO_LARGE: 'The request body exceeds the gateway limit.',
  RATE_LIMITED: 'Too many requests for this identity; retry after `extensions.retryAfterSeconds` (also the Retry-After header).',
  OPERATION_NOT_TRUSTED: 'Partner tokens may run only the trusted (persisted) operations of the manifest.',
  SUBSCRIPTION_OVERFLOW: 'The subscriber fell too far behind; resume with `after: extensions.resumeAfter`.',
  SUBSCRIPTION_UPSTREAM_FAILED: 'The subgraph owning the subscription stayed unreachable; resume later with `after: extensions.resumeAfter`.',
  INTERNAL_SERVER_ERROR: 'An unexpected failure; the detail is in the server log, never in the response.',
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...details } });
  }

  static badInput(field: string, message: string, details: Record<string, unknown> = {}): AppError {
    return new AppError('BAD_USER_INPUT', `${field}: ${message}`, { field, ...details });
  }

  static notFound(type: string, id: string, field?: string): AppError {
    return new AppError('NOT_FOUND', `${type} ${id} not found`, { type, id, ...(field ? { field } : {}) });
  }

  static conflict(message: string, details: Record<string, unknown> = {}): AppError {
    return new AppError('CONFLICT', message, details);
  }
}

const log = createLogger('errors');
const knownCodes = new Set<string>(Object.keys(ErrorCodes));
// Codes raised by graphql-js / Apollo for malformed requests are client errors too.
const passthroughCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Apollo Server `formatError`: keep coded errors, mask everything else, never leak a stack trace. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code as string | undefined;
  const { stacktrace: _stack, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
  if (code === 'BAD_USER_INPUT') return formatInputError(formatted, extensions);
  const refused = databaseRefusal(unwrap(error));
  if (refused) return { message: refused.message, locations: formatted.locations, path: formatted.path, extensions: { code: refused.code } };
  if (code && (knownCodes.has(code) || passthroughCodes.has(code)) && code !== 'INTERNAL_SERVER_ERROR') {
    return { ...formatted, extensions };
  }
  log.error({ err: unwrap(error), path: formatted.path }, 'internal error');
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

interface ValidationFailure {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationFailure[];
}

/** Flattens class-validator failures (type-graphql's ArgumentValidationError) into `field` + message. */
function formatInputError(
  formatted: GraphQLFormattedError,
  extensions: Record<string, unknown>,
): GraphQLFormattedError {
  const failures = extensions.validationErrors as ValidationFailure[] | undefined;
  if (!failures?.length) {
    const field = extensions.field ?? coercedField(formatted.message);
    return { ...formatted, extensions: { ...extensions, ...(field ? { field } : {}) } };
  }
  const flat = failures.flatMap((failure) => flatten(failure, ''));
  const [first] = flat;
  return {
    ...formatted,
    message: flat.map((f) => `${f.field}: ${f.message}`).join('; '),
    extensions: { code: 'BAD_USER_INPUT', field: first?.field, fields: flat },
  };
}

/**
 * `Variable "$input" got invalid value … at "input.lines[0].requestedDate"` → `lines[0].requestedDate`:
 * fields are named relative to the argument, as validation errors name them.
 */
function coercedField(message: string): string | undefined {
  const variable = /^Variable "\$([^"]+)"/.exec(message)?.[1];
  const at = /at "([^"]+)"/.exec(message)?.[1];
  if (!at) return variable;
  return at.replace(/^[^.[]+\.?/, '') || at;
}

function flatten(failure: ValidationFailure, prefix: string): { field: string; message: string }[] {
  const field = prefix ? (/^\d+$/.test(failure.property) ? `${prefix}[${failure.property}]` : `${prefix}.${failure.property}`) : failure.property;
  const own = Object.values(failure.constraints ?? {}).map((message) => ({ field, message }));
  return [...own, ...(failure.children ?? []).flatMap((child) => flatten(child, field))];
}

/**
 * What the database refuses about the values themselves is the caller's input, not our failure: SQLSTATE
 * class 22 (data exception: text too long for its column, a NUL character, a number or date out of range)
 * and check constraints → BAD_USER_INPUT; a unique key already taken → CONFLICT. The transaction has rolled
 * back, so nothing was written. (Validation in the resolver, naming the field, is still the better answer.)
 * A deadlock or serialization failure that outlasted the retries → CONFLICT too: nothing was written.
 */
function databaseRefusal(error: unknown): { code: ErrorCode; message: string } | null {
  const sqlState = (error as { code?: unknown } | null)?.code;
  if (typeof sqlState !== 'string' || !/^[0-9A-Z]{5}$/.test(sqlState)) return null;
  if (sqlState === '22001') return { code: 'BAD_USER_INPUT', message: 'A text value is longer than its field allows.' };
  if (sqlState === '22021' || sqlState === '22P05') return { code: 'BAD_USER_INPUT', message: 'A text value contains a character that cannot be stored (NUL).' };
  if (sqlState === '22003') return { code: 'BAD_USER_INPUT', message: 'A number is out of range for its field.' };
  if (sqlState === '22007' || sqlState === '22008') return { code: 'BAD_USER_INPUT', message: 'A date or time is out of range.' };
  if (sqlState.startsWith('22')) return { code: 'BAD_USER_INPUT', message: 'A value is not valid for its field.' };
  if (sqlState === '54000') return { code: 'BAD_USER_INPUT', message: 'A text value is too long to be stored and indexed.' };
  if (sqlState === '23514') return { code: 'BAD_USER_INPUT', message: 'A value breaks a rule of its record.' };
  if (sqlState === '23505') return { code: 'CONFLICT', message: 'A record with the same key already exists.' };
  // what is left after transactions.ts ran the transaction again
  if (sqlState === '40P01' || sqlState === '40001') {
    return { code: 'CONFLICT', message: 'The change collided with concurrent changes and was not applied; send it again.' };
  }
  return null;
}

function unwrap(error: unknown): unknown {
  return error instanceof GraphQLError && error.originalError ? error.originalError : error;
}
