// The orders subgraph: purchase orders and their acknowledgements, shipments (ASNs) and their
// milestones, the delivery KPIs it contributes to Supplier, and the `shipmentUpdated` event stream.
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
  ],
  orphanedTypes: [Supplier, Product, Location, Facility, Lot],
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
  },
  createLoaders,
  referenceOwners: { Supplier: 'suppliers', Facility: 'suppliers', Product: 'inventory', Location: 'inventory' },
};
