// The supplier's acknowledgement of a purchase order, line by line; the order is ACKNOWLEDGED once
// every line has an answer. Later answers (date changes) keep updating the lines. Every call writes
// `purchase_order.answered`, and `purchase_order.acknowledged` when the order becomes ACKNOWLEDGED.
import { Arg, Ctx, Mutation, Resolver, Authorized } from 'type-graphql';
import { LockMode } from '@mikro-orm/core';
import { AppError, recordEvent, requireId, type NewEvent } from '@cmgraph/platform';
import type { Context } from '../context';
import { PurchaseOrder } from './purchase-order.entity';
import { PurchaseOrderLine } from './purchase-order-line.entity';
import { PurchaseOrderStatus } from './purchase-order.enums';
import { AcknowledgePurchaseOrderInput } from './acknowledgement.input';
import { applyAnswer, checkAnswer } from './acknowledgement.rules';
import { ACKNOWLEDGEABLE, isFullyAcknowledged } from './purchase-order.rules';
import { lockOrder, moveOrder } from './purchase-order.mutations';
import { purchaseOrderAnswered, purchaseOrderStatusReached } from './purchase-order.events';

@Resolver(() => PurchaseOrder)
export class AcknowledgementResolver {
  @Authorized('BUYER', 'PARTNER')
  @Mutation(() => PurchaseOrder, {
    description: 'Records the supplier\'s answers. ACCEPTED and DATE_CHANGED need a promised date; REJECTED is final.',
  })
  async acknowledgePurchaseOrder(@Arg('input') input: AcknowledgePurchaseOrderInput, @Ctx() ctx: Context): Promise<PurchaseOrder> {
    const orderId = requireId(input.purchaseOrderId, 'purchaseOrderId');
    const seen = new Set<string>();
    input.lines.forEach((answer, i) => {
      requireId(answer.lineId, `lines[${i}].lineId`);
      if (seen.has(answer.lineId)) throw AppError.badInput(`lines[${i}].lineId`, 'the line is answered twice');
      seen.add(answer.lineId);
      checkAnswer(answer, `lines[${i}]`);
    });
    return ctx.em.transactional(async (em) => {
      // Lines before their order, in id order: the same lock order as shipments and deliveries.
      const lines = await em.find(PurchaseOrderLine, { purchaseOrder: orderId }, {
        lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' }, refresh: true,
      });
      const order = await lockOrder(em, orderId, 'purchaseOrderId');
      if (!ACKNOWLEDGEABLE.includes(order.status)) {
        throw AppError.conflict(`a ${order.status} purchase order cannot be acknowledged`, { field: 'purchaseOrderId', status: order.status });
      }
      const byId = new Map(lines.map((line) => [line.id, line]));
      const answered = input.lines.map((answer, i) => {
        const line = byId.get(answer.lineId);
        if (!line) throw AppError.notFound('PurchaseOrderLine', answer.lineId, `lines[${i}].lineId`);
        applyAnswer(line, answer, `lines[${i}]`);
        return line;
      });
      const events: NewEvent[] = [];
      if (order.status === PurchaseOrderStatus.SENT && isFullyAcknowledged(lines)) {
        moveOrder(order, PurchaseOrderStatus.ACKNOWLEDGED, 'purchaseOrderId');
        order.acknowledgedAt = new Date();
        events.push(purchaseOrderStatusReached(order));
      }
      order.updatedAt = new Date(); // line answers are changes to the order for `updatedSince` readers
      await recordEvent(em, purchaseOrderAnswered(order, answered), ...events);
      return order;
    });
  }
}
