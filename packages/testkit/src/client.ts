// A minimal GraphQL-over-HTTP client for tests, typed by codegen's TypedDocumentNode when given one.
// It authenticates as a caller (default ADMIN) the way each server expects: a bearer JWT for a gateway
// and a freshly signed `x-cmgraph-identity` for a subgraph (each ignores the other); credentials can be
// replaced by raw values or left out to test refusals.
import { print, type DocumentNode } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { IDENTITY_HEADER, type Identity } from '@cmgraph/platform';
import { ADMIN, identityHeader, identityOf, tokenFor, type CallerSpec } from './auth';

export interface GraphqlResponse<T> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export type GraphqlClient = <T = any, V = Record<string, unknown>>(
  document: TypedDocumentNode<T, V> | DocumentNode | string,
  variables?: V,
  headers?: Record<string, string>,
) => Promise<GraphqlResponse<T>>;

export interface Credentials {
  /** Who calls (default ADMIN); null sends no credentials at all. */
  caller?: Identity | CallerSpec | null;
  /** A raw Authorization value instead of the caller's token (null: none). */
  authorization?: string | null;
  /** A raw x-cmgraph-identity value instead of the caller's signed identity (null: none). */
  identityHeader?: string | null;
}

/** The headers that present `credentials`, made now (identity signatures are short-lived). */
export async function credentialHeaders(credentials: Credentials = {}): Promise<Record<string, string>> {
  const caller = credentials.caller === undefined ? ADMIN : credentials.caller && identityOf(credentials.caller);
  const headers: Record<string, string> = {};
  const authorization = credentials.authorization !== undefined ? credentials.authorization : caller ? `Bearer ${await tokenFor(caller)}` : null;
  if (authorization) headers.authorization = authorization;
  const identity = credentials.identityHeader !== undefined ? credentials.identityHeader : caller ? identityHeader(caller) : null;
  if (identity) headers[IDENTITY_HEADER] = identity;
  return headers;
}

export function graphqlClient(url: string, credentials: Credentials = {}): GraphqlClient {
  return async (document, variables, headers = {}) => {
    const query = typeof document === 'string' ? document : print(document);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await credentialHeaders(credentials)), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphqlResponse<never>;
  };
}

/** A client of a gateway with exactly this bearer token. */
export function gatewayClient(url: string, token: string): GraphqlClient {
  return graphqlClient(url, { caller: null, authorization: `Bearer ${token}` });
}

/** The data of a response; a response with errors fails the test with those errors. */
export function dataOf<T>(response: GraphqlResponse<T>): T {
  if (response.errors?.length || !response.data) throw new Error(JSON.stringify(response.errors ?? response, null, 2));
  return response.data;
}
