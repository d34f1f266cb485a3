// The events the stock ledger writes: `stock.movement_recorded` for every ledger line (what moved, where
// to and from) and `stock.below_reorder_point` when a movement takes a level from at or above its
// reorder point to below it — once per crossing, never again while it stays below.
import type { NewEvent } from '@cmgraph/platform';
import type { StockMovement } from './stock-movement.entity';

export const MOVEMENT_RECORDED = 'stock.movement_recorded';
export const BELOW_REORDER_POINT = 'stock.below_reorder_point';

export function movementRecorded(movement: StockMovement): NewEvent {
  return {
    type: MOVEMENT_RECORDED,
    subject: { type: 'StockMovement', id: movement.id },
    supplierId: movement.lot?.supplierId ?? null,
    payload: {
      movementId: movement.id,
      type: movement.type,
      productId: movement.product.id,
      lotId: movement.lot?.id ?? null,
      fromLocationId: movement.fromLocation?.id ?? null,
      toLocationId: movement.toLocation?.id ?? null,
      quantity: movement.quantity,
      occurredAt: movement.occurredAt.toISOString(),
      reference: movement.reference,
    },
  };
}

export interface ReorderCrossing {
  stockLevelId: string;
  productId: string;
  sku: string;
  locationId: string;
  onHand: number;
  reorderPoint: number;
}

/** A level crosses when it goes from ≥ its (positive) reorder point to below it. */
export function crossesReorderPoint(before: number, after: number, reorderPoint: number): boolean {
  return reorderPoint > 0 && before >= reorderPoint && after < reorderPoint;
}

export function belowReorderPoint(crossing: ReorderCrossing): NewEvent {
  return {
    type: BELOW_REORDER_POINT,
    subject: { type: 'StockLevel', id: crossing.stockLevelId },
    payload: {
      productId: crossing.productId,
      sku: crossing.sku,
      locationId: crossing.locationId,
      onHand: crossing.onHand,
      reorderPoint: crossing.reorderPoint,
    },
  };
}
