// The named reports served as tables at GET /reports/<name>.csv|.ndjson?<param>=…. Each runs one
// trusted document (an operation of schema/operations/*.graphql, by name in the manifest), so partners
// may export it too (their rows only: the subgraphs scope them). To add one: write its operation in
// schema/operations, `npm run codegen && npm run manifest`, then an entry here; the gateway checks every
// entry when it starts (operation in the manifest, list path a pageable connection, columns leaf paths).
import type { ReportParam } from './params';
import type { ColumnMap } from './rows';

export interface ReportDefinition {
  /** The URL name: /reports/<name>.csv. Lower-case words joined by dashes. */
  name: string;
  description: string;
  /** The manifest operation it runs. */
  operationName: string;
  /**
   * Its own document instead of a manifest operation (tests, or reports kept out of the manifest on
   * purpose): partners are then refused it (OPERATION_NOT_TRUSTED), as for any untrusted document.
   */
  document?: string;
  /** Query-string parameters → variables. */
  params?: Readonly<Record<string, ReportParam>>;
  /** Response path of the connection it pages, dotted (e.g. `supplierScorecards`). */
  list: string;
  /** Header → leaf path; default: every leaf path, in selection order. */
  columns?: ColumnMap;
}

export const REPORTS: readonly ReportDefinition[] = [
  {
    name: 'purchase-order-lines',
    description: 'Every purchase order line the caller may see (a partner: its own), with its order\'s number, status and supplier.',
    operationName: 'PortalPurchaseOrders',
    list: 'purchaseOrders',
    columns: {
      purchaseOrderId: 'id',
      purchaseOrderNumber: 'number',
      status: 'status',
      supplierId: 'supplier.id',
      lineId: 'lines.id',
      quantity: 'lines.quantity',
      unitPrice: 'lines.unitPrice',
    },
  },
];
