// The operation mix of the gateway comparison (bench/gateway.ts) and the committed documents the
// benchmarks send. Each operation is one POST body, the same bytes to every gateway.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@cmgraph/devstack/src/topology';

export interface Operation {
  /** Short name used in results. */
  name: string;
  /** What it exercises. */
  description: string;
  /** The JSON body of the POST /graphql request. */
  body: string;
}

/** A committed document of schema/operations (the whole file; the operation is chosen by name). */
export function committedDocument(file: string): string {
  return readFileSync(path.join(REPO_ROOT, 'schema', 'operations', file), 'utf8');
}

export interface MixParameters {
  /** The supplier of the six-subgraph query (the world's first supplier). */
  supplierId: string;
  /** Supplier code of the three-subgraph join's search. */
  supplierCode: string;
  /** A period of the world's past, as dates (the demo world's "today" is 2026-11-01). */
  from: string;
  to: string;
}

export function operationMix(p: MixParameters): Operation[] {
  const body = (query: string, variables: Record<string, unknown> = {}, operationName?: string) =>
    JSON.stringify({ query, variables, ...(operationName ? { operationName } : {}) });
  return [
    {
      name: 'small',
      description: 'one subgraph (inventory): the first 10 products, four scalar fields',
      body: body('query BenchSmall { products(first: 10) { nodes { id sku name gtin } } }'),
    },
    {
      name: 'join3',
      description: 'three subgraphs: a supplier (suppliers) with OTIF and fill rate and a closed PO (orders), its lines\' products and stock and its shipments\' receipts (inventory) — the README example',
      body: body(
        `query BenchJoin3($search: String!, $from: LocalDate!, $to: LocalDate!) {
          suppliers(first: 1, filter: { search: $search }) { nodes {
            code name facilities { name nearshore }
            onTimeInFullRate(from: $from, to: $to) fillRate(from: $from, to: $to)
            purchaseOrders(first: 1, filter: { statuses: [CLOSED] }) { nodes {
              number status
              lines { quantity product { sku onHand } }
              shipments { number status receipt { receivedAt } }
            } }
          } }
        }`,
        { search: p.supplierCode, from: p.from, to: p.to },
      ),
    },
    {
      name: 'supplier360',
      description: 'six subgraphs: schema/operations/supplier-360.graphql (sites with OEE and energy, PPM, FPY, open NCs, carbon, OTIF, open POs with products and stock)',
      body: body(
        committedDocument('supplier-360.graphql'),
        { id: p.supplierId, from: p.from, to: p.to, fromTime: `${p.from}T00:00:00.000Z`, toTime: `${p.to}T23:59:59.999Z` },
        'Supplier360',
      ),
    },
    {
      name: 'entities100',
      description: '_entities-heavy: 100 open purchase order lines (orders), each with its product (inventory) and its order\'s supplier (suppliers)',
      body: body(
        `query BenchEntities100 {
          openPurchaseOrderLines(first: 100) { nodes {
            id lineNumber quantity openQuantity
            product { sku name }
            purchaseOrder { number supplier { code name country } }
          } }
        }`,
      ),
    },
  ];
}
