// Subscriptions are not served over plain HTTP POST (@apollo/gateway would fail them as an internal
// error): answer with a coded BAD_REQUEST that says where they are served.
import { GraphQLError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';

export function subscriptionsOverHttpGuard(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== 'subscription') return;
          throw new GraphQLError('Subscriptions are served over graphql-ws (graphql-transport-ws) on this URL, and as Server-Sent Events at /graphql/stream.', {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        },
      };
    },
  };
}
