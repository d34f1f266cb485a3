// Receipts: receiving a shipment, queries, relations, and `Shipment.receipt` contributed to orders' Shipment.
import { Arg, Args, Ctx, FieldResolver, Float, ID, Mutation, Query, Resolver, Root, Authorized } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { connectionOf, maybeLoad, PageArgs, paginate, requireId } from '@cmgraph/platform';
import type { Context } from '../context';
import { Location } from '../location/location.entity';
import { Product } from '../product/product.entity';
import { Lot } from '../lot/lot.entity';
import { Receipt, ReceiptLine } from './receipt.entity';
import { ReceiptFilter, ReceiveShipmentInput } from './receipt.input';
import { receiveShipment } from './receipt.mutation';
import { Shipment } from './shipment.reference';
import { relatedOrForbidden } from '../access';

export const ReceiptConnection = connectionOf(Receipt);

@Resolver(() => Receipt)
export class ReceiptResolver {
  @Query(() => Receipt, { nullable: true })
  receipt(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Receipt | null> {
    return maybeLoad(ctx.loaders.receipt, id);
  }

  @Query(() => ReceiptConnection, { description: 'For a partner: the receipts of its own shipments.' })
  receipts(
    @Arg('filter', () => ReceiptFilter, { nullable: true }) filter: ReceiptFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    const where: FilterQuery<Receipt>[] = [];
    if (filter?.shipmentId) where.push({ shipmentId: requireId(filter.shipmentId, 'filter.shipmentId') });
    if (filter?.locationId) where.push({ location: requireId(filter.locationId, 'filter.locationId') });
    return paginate(ctx.em, Receipt, { $and: where }, page);
  }

  @Authorized('PLANNER')
  @Mutation(() => Receipt, {
    description: 'Books a goods receipt for a shipment: lines, new lots, and a RECEIPT movement per accepted line, in one transaction. ' +
      'A shipment is received once; a second receipt fails with CONFLICT.',
  })
  receiveShipment(@Arg('input') input: ReceiveShipmentInput, @Ctx() ctx: Context): Promise<Receipt> {
    return receiveShipment(input, ctx);
  }

  @FieldResolver(() => Shipment)
  shipment(@Root() receipt: Receipt): Shipment {
    return { id: receipt.shipmentId };
  }

  @FieldResolver(() => Location, {
    nullable: true,
    description: "Where the goods were received; null with FORBIDDEN for a partner when that is another CM's plant.",
  })
  location(@Root() receipt: Receipt, @Ctx() ctx: Context): Promise<Location | null> {
    return relatedOrForbidden(ctx.identity, ctx.loaders.location.load(receipt.location.id), 'Location', receipt.location.id);
  }

  @FieldResolver(() => [ReceiptLine])
  lines(@Root() receipt: Receipt, @Ctx() ctx: Context): Promise<ReceiptLine[]> {
    return ctx.loaders.receiptLinesByReceipt.load(receipt.id);
  }
}

@Resolver(() => ReceiptLine)
export class ReceiptLineResolver {
  @FieldResolver(() => Product)
  product(@Root() line: ReceiptLine, @Ctx() ctx: Context): Promise<Product | null> {
    return ctx.loaders.product.load(line.product.id);
  }

  @FieldResolver(() => Lot, { nullable: true, description: "Null without a lot; null with FORBIDDEN for a partner when the lot is another supplier's." })
  lot(@Root() line: ReceiptLine, @Ctx() ctx: Context): Promise<Lot | null> | null {
    return line.lot ? relatedOrForbidden(ctx.identity, ctx.loaders.lot.load(line.lot.id), 'Lot', line.lot.id) : null;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'receivedQuantity − expectedQuantity (negative = short); null without an expectation.' })
  discrepancy(@Root() line: ReceiptLine): number | null {
    return line.expectedQuantity === null ? null : line.receivedQuantity - line.expectedQuantity;
  }
}

@Resolver(() => Shipment)
export class ShipmentReceiptResolver {
  @FieldResolver(() => Receipt, {
    nullable: true,
    description: "The goods receipt booked for this shipment, once it has arrived (for a partner: of its own shipments only).",
  })
  receipt(@Root() shipment: Shipment, @Ctx() ctx: Context): Promise<Receipt | null> {
    return maybeLoad(ctx.loaders.receiptByShipment, shipment.id);
  }
}
