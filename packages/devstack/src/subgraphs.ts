// Every subgraph, by name, loaded on demand: what compose, seed, tests and the migration tool work over.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { SubgraphDefinition } from '@cmgraph/platform';
import type { SubgraphSeed } from '@cmgraph/seedkit';

export interface SubgraphModule {
  definition: SubgraphDefinition<any>;
  seed?: SubgraphSeed;
}

const modules: Record<string, () => Promise<SubgraphModule>> = {
  suppliers: async () => {
    const m = await import('@cmgraph/subgraph-suppliers');
    return { definition: m.suppliers, seed: (m as { seed?: SubgraphSeed }).seed };
  },
  orders: async () => {
    const m = await import('@cmgraph/subgraph-orders');
    return { definition: m.orders, seed: m.seed };
  },
  inventory: async () => {
    const m = await import('@cmgraph/subgraph-inventory');
    return { definition: m.inventory, seed: m.seed };
  },
  production: async () => {
    const m = await import('@cmgraph/subgraph-production');
    return { definition: m.production, seed: m.seed };
  },
  quality: async () => {
    const m = await import('@cmgraph/subgraph-quality');
    return { definition: m.quality, seed: m.seed };
  },
  sustainability: async () => {
    const m = await import('@cmgraph/subgraph-sustainability');
    return { definition: m.sustainability, seed: m.seed };
  },
};

/** Subgraph names in start-up order; a subgraph counts once its src/index.ts exists. */
export const SUBGRAPH_NAMES = Object.keys(modules).filter((name) =>
  existsSync(path.resolve(__dirname, '../../../subgraphs', name, 'src/index.ts')),
);

export async function loadSubgraph(name: string): Promise<SubgraphModule> {
  const load = modules[name];
  if (!load) throw new Error(`unknown subgraph "${name}" (known: ${SUBGRAPH_NAMES.join(', ')})`);
  return load();
}

export async function loadSubgraphs(names: string[] = SUBGRAPH_NAMES): Promise<SubgraphModule[]> {
  return Promise.all(names.map(loadSubgraph));
}
