// Typed documents for the supergraph's operations (generated; see codegen.yml).
export * from './generated/graphql';
