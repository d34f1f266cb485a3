// A PO line's computed open quantity and its relations: its order and its product.
import { Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
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

  @FieldResolver(() => PurchaseOrder)
  async purchaseOrder(@Root() line: PurchaseOrderLine, @Ctx() ctx: Context): Promise<PurchaseOrder> {
    return (await ctx.loaders.purchaseOrder.load(line.purchaseOrder.id))!;
  }

  @FieldResolver(() => Product)
  product(@Root() line: PurchaseOrderLine): Product {
    return stub(line.productId);
  }
}
