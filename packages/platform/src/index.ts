// The platform kit: one place for each cross-cutting concern of a subgraph or the gateway.
import 'reflect-metadata';

export * from './access';
export * from './context';
export * from './dates';
export * from './database';
export * from './transactions';
export * from './entity';
export * from './events';
export * from './errors';
export * from './http';
export * from './metrics';
export * from './identity';
export * from './ids';
export * from './loaders';
export * from './logger';
export * from './lookup';
export * from './pagination';
export * from './references';
export * from './schema';
export * from './server';
export * from './subgraph';
