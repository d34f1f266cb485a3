// The kit without the ORM and schema building, for processes that are not subgraphs (the gateway): the
// logger, coded errors, the signed identity, listening over HTTP, where the databases are, the event bus
// and Prometheus metrics. `@cmgraph/platform` (index.ts) loads MikroORM and type-graphql too, about a
// second of start-up that such a process has no use for. Everything here is also exported by index.ts.
export * from './logger';
export * from './errors';
export * from './identity';
export * from './http';
export * from './database-target';
export * from './events/bus';
export * from './events/open-bus';
export * from './metrics';
