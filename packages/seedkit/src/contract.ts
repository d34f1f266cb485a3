// What each subgraph's seed module implements: write its own part of the universe into its own
// database (already migrated), in bulk. `progress(n)` advances the shared progress bar by n rows.
import type { Client } from 'pg';
import type { Universe } from './universe';

export interface SeedContext {
  db: Client;
  world: Universe;
  progress(rows: number): void;
}

export type SubgraphSeed = (ctx: SeedContext) => Promise<void>;
