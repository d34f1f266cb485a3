// Purchase-order mutations: create a DRAFT, send it to the supplier, cancel it. One transaction each,
// the change and its event together.
import { Arg, Ctx, ID, Mutation, Resolver, Authorized } from 'type-graphql';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, recordEvent, requireId } from '@cmgraph/platform';
import type { Context } from '../context';
import { PurchaseOrder } from './purchase-order.entity';
import { PurchaseOrderLine } from './purchase-order-line.entity';
import { PurchaseOrderStatus } from './purchase-order.enums';
import { CreatePurchaseOrderInput } from './purchase-order.input';
import { canMovePurchaseOrder } from './purchase-order.rules';
import { purchaseOrderCreated, purchaseOrderStatusReached } from './purchase-order.events';
import { requireReferences } from '../references/require-references';

@Resolver(() => PurchaseOrder)
export class PurchaseOrderMutationResolver {
  @Authorized('BUYER')
  @Mutation(() => PurchaseOrder, { description: 'Creates a DRAFT order. The supplier, ship-to location and products must exist.' })
  async createPurchaseOrder(@Arg('input') input: CreatePurchaseOrderInput, @Ctx() ctx: Context): Promise<PurchaseOrder> {
    // Asked before the transaction opens: no connection is held while other subgraphs answer.
    await requireReferences(ctx.references, [
      ['Supplier', [{ id: input.supplierId, field: 'supplierId' }]],
      ['Location', [{ id: input.shipToLocationId, field: 'shipToLocationId' }]],
      ['Product', input.lines.map((line, i) => ({ id: line.productId, field: `lines[${i}].productId` }))],
    ]);
    const taken = () => AppError.badInput('number', `purchase order number ${input.number} is already taken`);
    try {
      return await ctx.em.transactional(async (em) => {
        if (await em.count(PurchaseOrder, { number: input.number })) throw taken();
        const { lines, ...header } = input;
        const order = em.create(PurchaseOrder, { ...header, currency: input.currency.toUpperCase() });
        em.persist(order);
        const orderLines = lines.map((line, i) => em.create(PurchaseOrderLine, { ...line, purchaseOrder: order, supplierId: order.supplierId, lineNumber: i + 1 }));
        em.persist(orderLines);
        await recordEvent(em, purchaseOrderCreated(order, orderLines));
        return order;
      });
    } catch (error) {
      // Two requests racing for one number: the unique index decides, the loser gets the same answer.
      if (error instanceof UniqueConstraintViolationException) throw taken();
      throw error;
    }
  }

  @Authorized('BUYER')
  @Mutation(() => PurchaseOrder, { description: 'DRAFT → SENT: the order goes to the supplier.' })
  sendPurchaseOrder(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<PurchaseOrder> {
    return ctx.em.transactional(async (em) => {
      const order = await lockOrder(em, id);
      moveOrder(order, PurchaseOrderStatus.SENT);
      order.sentAt = new Date();
      await recordEvent(em, purchaseOrderStatusReached(order));
      return order;
    });
  }

  @Authorized('BUYER')
  @Mutation(() => PurchaseOrder, { description: 'Cancels an order that has not shipped yet.' })
  cancelPurchaseOrder(
    // type-graphql lists arguments in reverse parameter order; this keeps `(id, reason)` in the schema.
    @Arg('reason') reason: string,
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
  ): Promise<PurchaseOrder> {
    const why = reason.trim();
    if (!why || why.length > 500) throw AppError.badInput('reason', 'must be 1–500 characters');
    return ctx.em.transactional(async (em) => {
      const order = await lockOrder(em, id);
      moveOrder(order, PurchaseOrderStatus.CANCELLED);
      Object.assign(order, { cancelledAt: new Date(), cancelReason: why });
      await recordEvent(em, purchaseOrderStatusReached(order, { reason: why }));
      return order;
    });
  }
}

/** Loads and locks one order for a status change (FOR UPDATE: status changes serialise per order). */
export async function lockOrder(em: EntityManager, id: string, field = 'id'): Promise<PurchaseOrder> {
  const order = await em.findOne(PurchaseOrder, { id: requireId(id, field) }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!order) throw AppError.notFound('PurchaseOrder', id, field);
  return order;
}

export function moveOrder(order: PurchaseOrder, to: PurchaseOrderStatus, field = 'id'): void {
  if (!canMovePurchaseOrder(order.status, to)) {
    throw AppError.conflict(`a ${order.status} purchase order cannot become ${to}`, { field, status: order.status });
  }
  order.status = to;
}
