// The production subgraph: lines and machines, bills of materials, work orders with their output and
// consumption (lot genealogy, recall impact), downtime, telemetry with limits, OEE/MTBF/MTTR (and their
// report), PO lines' work-order progress and delivery risk, and the alert store of every domain with its
// stream (`alertRaised`), fed by other subgraphs' events.
import { maybeLoad, requireRole, type SubgraphDefinition } from '@cmgraph/platform';
import { createLoaders, type Loaders } from './loaders';
import { Line } from './line/line.entity';
import { LineResolver } from './line/line.resolver';
import { Machine } from './machine/machine.entity';
import { MachineResolver } from './machine/machine.resolver';
import { FacilityContributionResolver } from './facility/facility.resolver';
import { OeeReportResolver } from './oee/oee-report.resolver';
import { BillOfMaterials, BillOfMaterialsLine } from './bom/bill-of-materials.entity';
import { BillOfMaterialsLineResolver, BillOfMaterialsResolver, ProductContributionResolver } from './bom/bill-of-materials.resolver';
import { BOM_READERS } from './bom/bill-of-materials.access';
import { WorkOrder } from './work-order/work-order.entity';
import { WorkOrderOutput } from './work-order/work-order-output.entity';
import { MaterialConsumption } from './work-order/material-consumption.entity';
import { MaterialConsumptionResolver, WorkOrderOutputResolver, WorkOrderResolver } from './work-order/work-order.resolver';
import { WorkOrderMutationResolver } from './work-order/work-order.mutations';
import { ProductionReportResolver } from './work-order/production-report.mutations';
import { LotContributionResolver } from './genealogy/lot.resolver';
import { RecallImpactResolver } from './genealogy/recall-impact.resolver';
import { PurchaseOrderLineContributionResolver } from './delivery-risk/purchase-order-line.resolver';
import { DowntimeReason } from './downtime/downtime-reason.entity';
import { DowntimeEvent } from './downtime/downtime-event.entity';
import { DowntimeResolver } from './downtime/downtime.resolver';
import { TelemetryReading } from './telemetry/telemetry-reading.entity';
import { MachineMetricLimit } from './telemetry/metric-limit.entity';
import { MetricLimitResolver, TelemetryResolver } from './telemetry/telemetry.resolver';
import { Alert } from './alert/alert.entity';
import { AlertResolver } from './alert/alert.resolver';
import { AlertSubscriptionResolver } from './alert/alert.subscription';
import { alertReactions } from './alert/reactions/alert.consumer';
import { Facility, Location, Lot, Product, PurchaseOrder, PurchaseOrderLine, Shipment, Supplier } from './references/external.reference';
import { migrations } from './migrations';
import type { Context } from './context';

export { seed } from './seed';

export const production: SubgraphDefinition<Loaders> = {
  name: 'production',
  port: 4004,
  entities: [
    Line, Machine, BillOfMaterials, BillOfMaterialsLine, WorkOrder, WorkOrderOutput, MaterialConsumption,
    DowntimeReason, DowntimeEvent, TelemetryReading, MachineMetricLimit, Alert,
  ],
  migrations,
  resolvers: [
    LineResolver, MachineResolver, FacilityContributionResolver, OeeReportResolver,
    BillOfMaterialsResolver, BillOfMaterialsLineResolver, ProductContributionResolver,
    WorkOrderResolver, WorkOrderMutationResolver, ProductionReportResolver, WorkOrderOutputResolver, MaterialConsumptionResolver,
    LotContributionResolver, RecallImpactResolver, PurchaseOrderLineContributionResolver,
    DowntimeResolver, TelemetryResolver, MetricLimitResolver, AlertResolver, AlertSubscriptionResolver,
  ],
  orphanedTypes: [Facility, Product, Lot, Supplier, PurchaseOrderLine, PurchaseOrder, Shipment, Location],
  references: {
    Line: (ref, ctx: Context) => maybeLoad(ctx.loaders.line, String(ref.id)),
    Machine: (ref, ctx: Context) => maybeLoad(ctx.loaders.machine, String(ref.id)),
    BillOfMaterials: (ref, ctx: Context) => {
      requireRole(ctx.identity, BOM_READERS, 'BillOfMaterials');
      return maybeLoad(ctx.loaders.billOfMaterials, String(ref.id));
    },
    WorkOrder: (ref, ctx: Context) => maybeLoad(ctx.loaders.workOrder, String(ref.id)),
    Alert: (ref, ctx: Context) => maybeLoad(ctx.loaders.alert, String(ref.id)),
    // Owned elsewhere; any id carries the fields contributed here (empty lists and nulls when unknown).
    Facility: (ref) => Object.assign(new Facility(), { id: ref.id }),
    Product: (ref) => Object.assign(new Product(), { id: ref.id }),
    Lot: (ref) => Object.assign(new Lot(), { id: ref.id }),
    // The representation carries what @requires asked orders for: currentPromisedDate, openQuantity, latestEta.
    PurchaseOrderLine: (ref) => Object.assign(new PurchaseOrderLine(), ref),
  },
  createLoaders,
  referenceOwners: {
    Facility: 'suppliers', Supplier: 'suppliers', Product: 'inventory', Lot: 'inventory',
    PurchaseOrderLine: 'orders', PurchaseOrder: 'orders', Shipment: 'orders', Location: 'inventory',
  },
  consumers: [alertReactions],
};
