// The production subgraph's DataLoaders, created per request: every relation, entity reference, KPI
// and genealogy walk is one statement per batch, whatever the number of rows asking.
import type { EntityManager } from '@mikro-orm/postgresql';
import { childrenLoader, rowLoader } from '@cmgraph/platform';
import { Line } from './line/line.entity';
import { Machine } from './machine/machine.entity';
import { BillOfMaterials, BillOfMaterialsLine } from './bom/bill-of-materials.entity';
import { BillOfMaterialsStatus } from './bom/bill-of-materials.enums';
import { WorkOrder } from './work-order/work-order.entity';
import { WorkOrderStatus } from './work-order/work-order.enums';
import { WorkOrderOutput } from './work-order/work-order-output.entity';
import { MaterialConsumption } from './work-order/material-consumption.entity';
import { DowntimeReason } from './downtime/downtime-reason.entity';
import { Alert } from './alert/alert.entity';
import { oeeTotalsLoader } from './oee/oee.query';
import { genealogyLoader } from './genealogy/genealogy.query';

export function createLoaders(em: EntityManager) {
  return {
    line: rowLoader(em, Line),
    linesByFacility: childrenLoader(em, Line, 'facilityId', {}, { code: 'asc', id: 'asc' }),
    machine: rowLoader(em, Machine),
    machinesByLine: childrenLoader(em, Machine, 'line', {}, { code: 'asc', id: 'asc' }),
    machinesByFacility: childrenLoader(em, Machine, 'facilityId', {}, { code: 'asc', id: 'asc' }),
    billOfMaterials: rowLoader(em, BillOfMaterials),
    activeBillOfMaterialsByProduct: childrenLoader(em, BillOfMaterials, 'productId', { status: BillOfMaterialsStatus.ACTIVE }),
    bomLinesByBillOfMaterials: childrenLoader(em, BillOfMaterialsLine, 'billOfMaterials'),
    workOrder: rowLoader(em, WorkOrder),
    workOrdersByPurchaseOrderLine: childrenLoader(em, WorkOrder, 'purchaseOrderLineId', { status: { $ne: WorkOrderStatus.ABORTED } }, { plannedEnd: 'asc', id: 'asc' }),
    outputsByWorkOrder: childrenLoader(em, WorkOrderOutput, 'workOrder', {}, { reportedAt: 'asc', id: 'asc' }),
    outputsByLot: childrenLoader(em, WorkOrderOutput, 'lotId'),
    consumptionByWorkOrder: childrenLoader(em, MaterialConsumption, 'workOrder', {}, { consumedAt: 'asc', id: 'asc' }),
    consumptionByLot: childrenLoader(em, MaterialConsumption, 'lotId'),
    downtimeReason: rowLoader(em, DowntimeReason),
    alert: rowLoader(em, Alert),
    oeeTotals: oeeTotalsLoader(em),
    ancestors: genealogyLoader(em, 'ANCESTORS'),
    descendants: genealogyLoader(em, 'DESCENDANTS'),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
