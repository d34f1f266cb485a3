// Work-order mutations: create one against the product's ACTIVE BOM, and move it through its lifecycle,
// each with its event (`work_order.created`, `work_order.status_changed`) in the same transaction.
import { Arg, Ctx, Mutation, Resolver, Authorized } from 'type-graphql';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, mustLoad, recordEvent, requireId } from '@cmgraph/platform';
import type { Context } from '../context';
import { WorkOrder } from './work-order.entity';
import { WorkOrderStatus as S } from './work-order.enums';
import { CreateWorkOrderInput, SetWorkOrderStatusInput } from './work-order.input';
import { canMoveWorkOrder } from './work-order.rules';
import { workOrderCreated, workOrderStatusChanged } from './work-order.events';
import { orderSupplier } from './report-facts';
import { BillOfMaterials } from '../bom/bill-of-materials.entity';
import { BillOfMaterialsStatus } from '../bom/bill-of-materials.enums';
import { Line } from '../line/line.entity';

@Resolver(() => WorkOrder)
export class WorkOrderMutationResolver {
  @Authorized('PLANNER')
  @Mutation(() => WorkOrder, { description: 'A PLANNED work order on a line, to the product\'s ACTIVE bill of materials.' })
  async createWorkOrder(@Arg('input') input: CreateWorkOrderInput, @Ctx() ctx: Context): Promise<WorkOrder> {
    if (!(input.plannedEnd > input.plannedStart)) throw AppError.badInput('plannedEnd', 'must be after plannedStart');
    const line = await mustLoad(ctx.loaders.line, 'Line', input.lineId, 'lineId');
    await ctx.references.requireExisting('Product', [{ id: input.productId, field: 'productId' }]);
    if (input.purchaseOrderLineId) {
      await ctx.references.requireExisting('PurchaseOrderLine', [{ id: input.purchaseOrderLineId, field: 'purchaseOrderLineId' }]);
    }
    const taken = () => AppError.badInput('number', `work order number ${input.number} is already taken`);
    try {
      return await ctx.em.transactional(async (em) => {
        const bom = await em.findOne(BillOfMaterials, { productId: input.productId, status: BillOfMaterialsStatus.ACTIVE });
        if (!bom) throw AppError.badInput('productId', 'the product has no ACTIVE bill of materials');
        if (await em.count(WorkOrder, { number: input.number })) throw taken();
        const { lineId: _line, ...fields } = input;
        const order = em.create(WorkOrder, {
          ...fields, purchaseOrderLineId: input.purchaseOrderLineId ?? null, line: em.getReference(Line, line.id),
          facilityId: line.facilityId, billOfMaterials: bom, bomVersion: bom.version,
        });
        em.persist(order);
        await recordEvent(em, workOrderCreated(order, { supplierId: line.supplierId }));
        return order;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw taken();
      throw error;
    }
  }

  @Authorized('PLANNER', 'PARTNER')
  @Mutation(() => WorkOrder, { description: 'Moves a work order along its lifecycle (see WorkOrderStatus); an illegal move is CONFLICT naming `status`.' })
  setWorkOrderStatus(@Arg('input') input: SetWorkOrderStatusInput, @Ctx() ctx: Context): Promise<WorkOrder> {
    const at = input.at ?? new Date();
    return ctx.em.transactional(async (em) => {
      const order = await lockWorkOrder(em, input.workOrderId);
      if (!canMoveWorkOrder(order.status, input.status)) {
        throw AppError.conflict(`a ${order.status} work order cannot become ${input.status}`, { field: 'status', status: order.status });
      }
      if (input.status === S.RUNNING && !order.actualStart) order.actualStart = at;
      if (input.status === S.COMPLETED || (input.status === S.ABORTED && order.actualStart)) {
        if (order.actualStart && at < order.actualStart) throw AppError.badInput('at', 'must not be before the actual start');
        order.actualEnd = at;
      }
      const from = order.status;
      order.status = input.status;
      await recordEvent(em, workOrderStatusChanged(order, from, at, await orderSupplier(em, order)));
      return order;
    });
  }
}

/** Loads and locks one work order (FOR UPDATE: changes to one order serialise). */
export async function lockWorkOrder(em: EntityManager, id: string, field = 'workOrderId'): Promise<WorkOrder> {
  const order = await em.findOne(WorkOrder, { id: requireId(id, field) }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!order) throw AppError.notFound('WorkOrder', id, field);
  return order;
}
