// The orders subgraph: purchase orders and their acknowledgements, shipments (ASNs) and their
// milestones, the delivery KPIs it contributes to Supplier and SupplierScorecard, the delivery-performance
// report, open lines for delivery risk, and the `shipmentUpdated` event stream.
import { maybeLoad, type SubgraphDefinition } from '@cmgraph/platform';
import { createLoaders, type Loaders } from './loaders';
import { PurchaseOrder } from './purchase-order/purchase-order.entity';
import { PurchaseOrderLine } from './purchase-order/purchase-order-line.entity';
import { PurchaseOrderResolver } from './purchase-order/purchase-order.resolver';
import { PurchaseOrderMutationResolver } from './purchase-order/purchase-order.mutations';
import { AcknowledgementResolver } from './purchase-order/acknowledgement.resolver';
import { PurchaseOrderLineResolver } from './purchase-order/purchase-order-line.resolver';
import { Shipment } from './shipment/shipment.entity';
import { ShipmentLine } from './shipment/shipment-line.entity';
import { ShipmentPackage } from './shipment/shipment-package.entity';
import { ShipmentEvent } from './shipment/shipment-event.entity';
import { ShipmentResolver } from './shipment/shipment.resolver';
import { ShipmentLineResolver } from './shipment/shipment-line.resolver';
import { SupplierContributionResolver } from './supplier/supplier.resolver';
import { Supplier } from './supplier/supplier.reference';
import { Facility, Location, Product } from './references/external.reference';
import { migrations } from './migrations';
import { Lot } from './lot/lot.reference';
import { LotShipmentResolver } from './lot/lot.resolver';
import { ShipmentUpdateResolver } from './shipment-update/shipment-update.resolver';
import { SupplierScorecard, scorecardReference } from './scorecard/supplier-scorecard.reference';
import { SupplierScorecardResolver } from './scorecard/supplier-scorecard.resolver';
import { DeliveryReportResolver } from './report/delivery-report.resolver';
import { OpenLineResolver } from './purchase-order/open-line.resolver';
import type { Context } from './context';

export { seed } from './seed';

export const orders: SubgraphDefinition<Loaders> = {
  name: 'orders',
  port: 4002,
  entities: [PurchaseOrder, PurchaseOrderLine, Shipment, ShipmentLine, ShipmentPackage, ShipmentEvent],
  migrations,
  resolvers: [
    PurchaseOrderResolver,
    PurchaseOrderMutationResolver,
    AcknowledgementResolver,
    PurchaseOrderLineResolver,
    ShipmentResolver,
    ShipmentLineResolver,
    SupplierContributionResolver,
    LotShipmentResolver,
    ShipmentUpdateResolver,
    SupplierScorecardResolver,
    DeliveryReportResolver,
    OpenLineResolver,
  ],
  orphanedTypes: [Supplier, Product, Location, Facility, Lot, SupplierScorecard],
  references: {
    PurchaseOrder: (ref, ctx: Context) => maybeLoad(ctx.loaders.purchaseOrder, String(ref.id)),
    PurchaseOrderLine: (ref, ctx: Context) => maybeLoad(ctx.loaders.purchaseOrderLine, String(ref.id)),
    Shipment: (ref, ctx: Context) => maybeLoad(ctx.loaders.shipment, String(ref.id)),
    ShipmentLine: (ref, ctx: Context) => maybeLoad(ctx.loaders.shipmentLine, String(ref.id)),
    // Any supplier id resolves: the fields contributed here answer "no orders" for an unknown one.
    // (For a partner the kit refuses every supplier but its own before this runs.)
    Supplier: (ref) => ({ id: ref.id }),
    // The representation carries lotNumber and product when the plan asks for `shipmentLines`.
    Lot: (ref) => ref,
    // Owned by suppliers; the figures contributed here come from one batched statement per request.
    // (For a partner the kit refuses a scorecard of another supplier before this runs.)
    SupplierScorecard: (ref) => scorecardReference(ref),
  },
  createLoaders,
  referenceOwners: { Supplier: 'suppliers', Facility: 'suppliers', Product: 'inventory', Location: 'inventory' },
};
