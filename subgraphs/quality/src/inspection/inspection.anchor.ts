// The record an inspection is made against (its anchor: a receipt, a shipment or a work order) and the
// supplier behind it, as the owners say: the shipment's, the receipt's shipment's, the work order's line's.
// The inspection's supplier is the lot's, else the anchor's; a partner may only record on a lot its own
// supplier made, at its own receipt, shipment or work order.
import { requireOwnSupplier, partnerScope } from '@cmgraph/platform';
import type { GraphQLError } from 'graphql';
import type { Context } from '../context';

export type Anchor = 'receiptId' | 'shipmentId' | 'workOrderId';

interface SupplierOf { supplier?: { id: string } | null }

/** Asks the anchor's owner that it exists; the supplier behind it is learnt when first asked for. */
export async function anchorOf(anchor: Anchor, id: string, ctx: Context): Promise<() => Promise<string | null>> {
  const refs = [{ id, field: anchor }];
  if (anchor === 'shipmentId') {
    const [shipment] = await ctx.references.fetchExisting<SupplierOf>('Shipment', refs, 'supplier { id }');
    return async () => shipment?.supplier?.id ?? null;
  }
  if (anchor === 'workOrderId') {
    const [workOrder] = await ctx.references.fetchExisting<{ line?: SupplierOf | null }>('WorkOrder', refs, 'line { supplier { id } }');
    return async () => workOrder?.line?.supplier?.id ?? null;
  }
  const [receipt] = await ctx.references.fetchExisting<{ shipment?: { id: string } | null }>('Receipt', refs, 'shipment { id }');
  // A second owner (orders knows the shipment's supplier): asked only when needed.
  return async () => {
    if (!receipt?.shipment?.id) return null;
    try {
      const [shipment] = await ctx.references.fetchExisting<SupplierOf>('Shipment', [{ id: receipt.shipment.id, field: anchor }], 'supplier { id }');
      return shipment?.supplier?.id ?? null;
    } catch (error) {
      // a shipment the caller may not see behind the receipt: its supplier is unknown (a partner is then refused)
      if ((error as GraphQLError).extensions?.code === 'NOT_FOUND') return null;
      throw error;
    }
  };
}

/**
 * The inspection's supplier: the lot's, else the anchor's. For a partner, the lot's supplier and the
 * anchor's must both be its own (FORBIDDEN naming the field): it can neither record on another CM's lot
 * (nor on a lot of no supplier, which would quarantine the brand's stock on a partner's word) nor attach
 * its inspection to another CM's receipt, shipment or work order.
 */
export async function inspectionSupplier(
  lotSupplierId: string | null,
  anchor: Anchor,
  anchorSupplier: () => Promise<string | null>,
  ctx: Context,
): Promise<string | null> {
  const partner = partnerScope(ctx.identity) !== null;
  const behindAnchor = partner || lotSupplierId === null ? await anchorSupplier() : null;
  const supplierId = lotSupplierId ?? behindAnchor;
  if (partner) {
    requireOwnSupplier(ctx.identity, lotSupplierId, 'lotId');
    requireOwnSupplier(ctx.identity, behindAnchor, anchor);
  }
  return supplierId;
}
