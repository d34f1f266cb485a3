// The one list of services the launchers know about: subgraph names and their default ports.
import { existsSync } from 'node:fs';
import path from 'node:path';

export interface SubgraphEntry {
  name: string;
  port: number;
}

export const SUBGRAPHS: readonly SubgraphEntry[] = [
  { name: 'suppliers', port: 4001 },
  { name: 'orders', port: 4002 },
  { name: 'inventory', port: 4003 },
  { name: 'production', port: 4004 },
  { name: 'quality', port: 4005 },
  { name: 'sustainability', port: 4006 },
];

/** Shifts every default port (gateway and subgraphs), so that two stacks can run side by side. */
const PORT_OFFSET = Number(process.env.PORT_OFFSET ?? 0);

export const GATEWAY_PORT = 4000 + PORT_OFFSET;

/** The repository root (this file lives in packages/devstack/src). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export function subgraphEntryPoint(name: string, root = REPO_ROOT): string {
  return path.join(root, 'subgraphs', name, 'src', 'main.ts');
}

export function gatewayEntryPoint(root = REPO_ROOT): string {
  return path.join(root, 'gateway', 'src', 'main.ts');
}

/** The subgraphs that exist in this checkout (a subgraph counts once its src/main.ts is there). */
export function availableSubgraphs(root = REPO_ROOT): SubgraphEntry[] {
  return SUBGRAPHS.filter((subgraph) => existsSync(subgraphEntryPoint(subgraph.name, root))).map((subgraph) => ({
    ...subgraph,
    port: subgraph.port + PORT_OFFSET,
  }));
}

export function subgraphUrl(subgraph: SubgraphEntry, host = '127.0.0.1'): string {
  return `http://${host}:${subgraph.port}/graphql`;
}
