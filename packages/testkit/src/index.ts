// Test helpers: isolated databases, an in-process supergraph, a GraphQL client, test identities.
export * from './auth';
export * from './client';
export * from './database';
export * from './metrics';
export * from './entities-stub';
export * from './stack';
export * from './subscriptions';
export * from './outbox';
export * from './seeded';
