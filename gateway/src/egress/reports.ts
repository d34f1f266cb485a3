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
  {
    name: 'supplier-scorecard',
    description: 'One row per supplier: delivery (orders), quality, certification (suppliers) and carbon (sustainability) figures of a period, and the weighted score with its band.',
    operationName: 'ReportSupplierScorecard',
    params: { period: { type: 'string', required: true, description: 'YYYY, YYYY-Qn or YYYY-MM' } },
    list: 'supplierScorecards',
  },
  {
    name: 'delivery-performance',
    description: 'OTIF, fill rate and average days late of the lines due in a period, by supplier, facility and/or month.',
    operationName: 'ReportDeliveryPerformance',
    params: {
      period: { type: 'string', required: true },
      groupBy: { type: 'string', default: 'SUPPLIER', values: ['SUPPLIER', 'FACILITY', 'MONTH', 'SUPPLIER_MONTH', 'FACILITY_MONTH'] },
    },
    list: 'deliveryPerformanceReport',
  },
  {
    name: 'open-po-risk',
    description: 'Open purchase order lines: promised date, latest ETA, work-order progress and the delivery risk.',
    operationName: 'ReportOpenPurchaseOrderRisk',
    params: { dueBefore: { type: 'date' } },
    list: 'openPurchaseOrderLines',
  },
  {
    name: 'quality',
    description: 'Inspections, PPM, first-pass yield and non-conformances of a period by supplier, product or defect code.',
    operationName: 'ReportQuality',
    params: {
      period: { type: 'string', required: true },
      groupBy: { type: 'string', default: 'SUPPLIER', values: ['SUPPLIER', 'PRODUCT', 'DEFECT_CODE', 'SUPPLIER_PRODUCT'] },
    },
    list: 'qualityReport',
  },
  {
    name: 'oee',
    description: 'Availability, performance, quality, OEE, MTBF and MTTR (hours) of a period by facility, line or machine.',
    operationName: 'ReportOee',
    params: {
      period: { type: 'string', required: true },
      groupBy: { type: 'string', default: 'FACILITY', values: ['FACILITY', 'LINE', 'MACHINE'] },
    },
    list: 'oeeReport',
  },
  {
    name: 'carbon',
    description: 'kgCO2e of a period by scope, category, supplier, product or nearshore/offshore, with units and intensity.',
    operationName: 'ReportCarbon',
    params: {
      period: { type: 'string', required: true },
      groupBy: { type: 'string', default: 'SCOPE', values: ['SCOPE', 'CATEGORY', 'SCOPE_CATEGORY', 'SUPPLIER', 'PRODUCT', 'NEARSHORE'] },
    },
    list: 'carbonReport',
  },
  {
    name: 'single-source-risk',
    description: 'Products with one active source: the source, its risk tier, certification standing, expiring certificates and days of supply.',
    operationName: 'ReportSingleSourceRisk',
    list: 'singleSourceRisk',
  },
  {
    name: 'stock',
    description: 'Stock per product and location: on hand, reserved, available, reorder point, average daily demand, days of supply.',
    operationName: 'ReportStock',
    list: 'stockReport',
  },
];
