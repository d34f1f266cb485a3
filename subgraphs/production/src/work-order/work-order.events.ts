// The work-order events, written in the transaction of their change: `work_order.created`,
// `work_order.status_changed`, `work_order.output_reported` and `consumption.recorded`. The last two are
// what inventory books PRODUCE and CONSUME movements from, so they carry the product, lot (id and number),
// quantity with its uom and the location. Production knows a location only when the report named one:
// otherwise `locationId` is null and the event carries what production does know, the work order's
// facility and line, for inventory to choose the facility's store. The outbox `supplier_id` is the CM
// whose line it is. Floor times (which may be reported late) are in the payload (`at`, `reportedAt`,
// `consumedAt`); the row's own time is when production recorded it, so that the log stays in time order.
import type { NewEvent } from '@cmgraph/platform';
import type { WorkOrder } from './work-order.entity';
import type { WorkOrderOutput } from './work-order-output.entity';
import type { MaterialConsumption } from './material-consumption.entity';
import type { WorkOrderStatus } from './work-order.enums';

/** Who runs the order: the supplier (CM) whose line it is. */
interface Where {
  supplierId: string;
}

/** The order and where it runs (the product is each event's own: the order's, or the consumed component's). */
function orderFacts(order: WorkOrder) {
  return { workOrderId: order.id, workOrderNumber: order.number, facilityId: order.facilityId, lineId: order.line.id };
}

export function workOrderCreated(order: WorkOrder, where: Where): NewEvent {
  return {
    type: 'work_order.created',
    subject: { type: 'WorkOrder', id: order.id },
    supplierId: where.supplierId,
    payload: {
      ...orderFacts(order), productId: order.productId, status: order.status, quantityPlanned: order.quantityPlanned, uom: order.uom,
      plannedStart: order.plannedStart.toISOString(), plannedEnd: order.plannedEnd.toISOString(), purchaseOrderLineId: order.purchaseOrderLineId,
    },
  };
}

export function workOrderStatusChanged(order: WorkOrder, from: WorkOrderStatus, at: Date, where: Where): NewEvent {
  return {
    type: 'work_order.status_changed',
    subject: { type: 'WorkOrder', id: order.id },
    supplierId: where.supplierId,
    payload: {
      ...orderFacts(order), productId: order.productId, from, to: order.status, at: at.toISOString(),
      quantityGood: order.quantityGood, quantityScrap: order.quantityScrap, uom: order.uom,
    },
  };
}

export function outputReported(order: WorkOrder, output: WorkOrderOutput, lotNumber: string, where: Where): NewEvent {
  return {
    type: 'work_order.output_reported',
    subject: { type: 'WorkOrder', id: order.id },
    supplierId: where.supplierId,
    payload: {
      ...orderFacts(order), productId: order.productId, outputId: output.id, lotId: output.lotId, lotNumber,
      goodQuantity: output.goodQuantity, scrapQuantity: output.scrapQuantity, uom: order.uom, locationId: output.locationId,
      reportedAt: output.reportedAt.toISOString(),
    },
  };
}

export function consumptionRecorded(order: WorkOrder, consumption: MaterialConsumption, lotNumber: string, where: Where): NewEvent {
  return {
    type: 'consumption.recorded',
    subject: { type: 'MaterialConsumption', id: consumption.id },
    supplierId: where.supplierId,
    payload: {
      ...orderFacts(order), consumptionId: consumption.id, productId: consumption.productId, lotId: consumption.lotId, lotNumber,
      quantity: consumption.quantity, uom: consumption.uom, locationId: consumption.locationId,
      consumedAt: consumption.consumedAt.toISOString(),
    },
  };
}
