// The request context as this subgraph's resolvers see it.
import type { RequestContext } from '@cmgraph/platform';
import type { Loaders } from './loaders';

export type Context = RequestContext<Loaders>;
