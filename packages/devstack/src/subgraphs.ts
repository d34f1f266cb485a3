// Every subgraph definition, by name: what compose, seed and the migration tool work over.
import type { SubgraphDefinition } from '@cmgraph/platform';
import { suppliers } from '@cmgraph/subgraph-suppliers';

export const subgraphs: Record<string, SubgraphDefinition<any>> = {
  suppliers,
};
