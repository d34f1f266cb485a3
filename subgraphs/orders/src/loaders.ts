// The orders subgraph's DataLoaders, created per request: every relation and every federated
// reference is one statement per batch, whatever the number of rows asking.
import type { EntityManager } from '@mikro-orm/postgresql';
import { childrenLoader, rowLoader } from '@cmgraph/platform';
import { PurchaseOrder } from './purchase-order/purchase-order.entity';
import { PurchaseOrderLine } from './purchase-order/purchase-order-line.entity';
import { Shipment } from './shipment/shipment.entity';
import { ShipmentLine } from './shipment/shipment-line.entity';
import { ShipmentPackage } from './shipment/shipment-package.entity';
import { ShipmentEvent } from './shipment/shipment-event.entity';
import { supplierOrderCountLoader, supplierOrderPageLoader } from './supplier/supplier-orders.loader';
import { deliveryPerformanceLoader } from './supplier/delivery-performance.query';
import { shipmentLinesByLotLoader } from './lot/lot-lines.loader';
import { scorecardLoader } from './scorecard/supplier-scorecard.query';
import { latestEtaLoader } from './purchase-order/latest-eta.loader';

export function createLoaders(em: EntityManager) {
  return {
    purchaseOrder: rowLoader(em, PurchaseOrder),
    purchaseOrderLine: rowLoader(em, PurchaseOrderLine),
    linesByPurchaseOrder: childrenLoader(em, PurchaseOrderLine, 'purchaseOrder', {}, { lineNumber: 'asc' }),
    shipment: rowLoader(em, Shipment),
    shipmentLine: rowLoader(em, ShipmentLine),
    shipmentPackage: rowLoader(em, ShipmentPackage),
    shipmentLinesByShipment: childrenLoader(em, ShipmentLine, 'shipment'),
    shipmentLinesByPurchaseOrder: childrenLoader(em, ShipmentLine, 'purchaseOrder'),
    packagesByShipment: childrenLoader(em, ShipmentPackage, 'shipment'),
    eventsByShipment: childrenLoader(em, ShipmentEvent, 'shipment', {}, { occurredAt: 'asc', id: 'asc' }),
    supplierOrderPage: supplierOrderPageLoader(em),
    supplierOrderCount: supplierOrderCountLoader(em),
    deliveryPerformance: deliveryPerformanceLoader(em),
    shipmentLinesByLot: shipmentLinesByLotLoader(em),
    scorecard: scorecardLoader(em),
    latestEta: latestEtaLoader(em),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
