// A minimal GraphQL-over-HTTP client for tests, typed by codegen's TypedDocumentNode when given one.
import { print, type DocumentNode } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

export interface GraphqlResponse<T> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export type GraphqlClient = <T = any, V = Record<string, unknown>>(
  document: TypedDocumentNode<T, V> | DocumentNode | string,
  variables?: V,
  headers?: Record<string, string>,
) => Promise<GraphqlResponse<T>>;

export function graphqlClient(url: string): GraphqlClient {
  return async (document, variables, headers = {}) => {
    const query = typeof document === 'string' ? document : print(document);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphqlResponse<never>;
  };
}

/** The data of a response; a response with errors fails the test with those errors. */
export function dataOf<T>(response: GraphqlResponse<T>): T {
  if (response.errors?.length || !response.data) throw new Error(JSON.stringify(response.errors ?? response, null, 2));
  return response.data;
}
