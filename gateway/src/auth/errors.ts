// The one way an authentication failure leaves the gateway: GraphQL error code UNAUTHENTICATED, with a
// message that says what is wrong with the token but nothing about keys or configuration.
import type { GraphQLFormattedError } from 'graphql';

export class AuthError extends Error {
  override name = 'AuthError';
}

export function unauthenticated(message: string): { errors: GraphQLFormattedError[] } {
  return { errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] };
}
