// A PO line's computed fields — open quantity, latest ETA — and its relations: its order and its product.
// `currentPromisedDate`, `openQuantity` and `latestEta` are what a delivery-risk field elsewhere @requires:
// each resolves for a batch of lines without a statement per line.
import { Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import type { Context } from '../context';
import { PurchaseOrderLine } from './purchase-order-line.entity';
import { PurchaseOrder } from './purchase-order.entity';
import { openQuantity } from './purchase-order.rules';
import { Product, stub } from '../references/external.reference';

@Resolver(() => PurchaseOrderLine)
export class PurchaseOrderLineResolver {
  @FieldResolver(() => Float, { description: 'Ordered − shipped, never negative; 0 on a REJECTED line.' })
  openQuantity(@Root() line: PurchaseOrderLine): number {
    return openQuantity(line);
  }

  @FieldResolver(() => LocalDateResolver, {
    nullable: true,
    description: 'The latest ETA among the shipments carrying this line that are not yet delivered; null when none is on its way.',
  })
  latestEta(@Root() line: PurchaseOrderLine, @Ctx() ctx: Context): Promise<string | null> {
    return ctx.loaders.latestEta.load(line.id);
  }

  @FieldResolver(() => PurchaseOrder)
  async purchaseOrder(@Root() line: PurchaseOrderLine, @Ctx() ctx: Context): Promise<PurchaseOrder> {
    return (await ctx.loaders.purchaseOrder.load(line.purchaseOrder.id))!;
  }

  @FieldResolver(() => Product)
  product(@Root() line: PurchaseOrderLine): Product {
    return stub(line.productId);
  }
}
