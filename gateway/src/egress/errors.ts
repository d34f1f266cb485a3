// How an export refuses or fails. Before the first byte: a coded GraphQL-style JSON body
// (`{ errors: [{ message, extensions: { code, … } }] }`) with the status the code calls for, as
// /graphql would answer. After it (the rows already flow under 200): a final marker line (formats.ts).
import type { Response } from 'express';
import type { GraphQLFormattedError } from 'graphql';

/** HTTP status by error code, for refusals that happen before the first byte. */
const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  OPERATION_RESOLUTION_FAILURE: 400,
  PERSISTED_QUERY_NOT_FOUND: 400,
  OPERATION_TOO_COMPLEX: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  OPERATION_NOT_TRUSTED: 403,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
};

export function statusOfCode(code: unknown): number {
  return (typeof code === 'string' && STATUS[code]) || 500;
}

/** A refusal of the export request itself (bad parameters, unknown report, a document that is no list). */
export class EgressError extends Error {
  override name = 'EgressError';
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly status = statusOfCode(code),
  ) {
    super(message);
  }

  toFormatted(): GraphQLFormattedError {
    return { message: this.message, extensions: { code: this.code, ...this.details } };
  }
}

export function egressError(code: string, message: string, details: Record<string, unknown> = {}): EgressError {
  return new EgressError(code, message, details);
}

export function badParam(field: string, message: string): EgressError {
  return new EgressError('BAD_USER_INPUT', `${field}: ${message}`, { field });
}

export function sendErrors(res: Response, status: number, errors: readonly GraphQLFormattedError[], headers: Record<string, string> = {}): void {
  res.status(status).set({ 'cache-control': 'no-store', ...headers }).json({ errors });
}
