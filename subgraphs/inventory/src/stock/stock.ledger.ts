// Booking movements: every ledger line and its stock-level change in the caller's transaction.
// Levels change through atomic UPDATE … SET on_hand = on_hand ± ? statements, which take the row lock,
// so concurrent bookings serialise on the row and a level never drifts from the ledger's sum. The
// booking returns its events (one per movement, and reorder-point crossings) for the caller to record
// last in the same transaction.
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, newId, type NewEvent } from '@cmgraph/platform';
import type { Product } from '../product/product.entity';
import type { Location } from '../location/location.entity';
import type { Lot } from '../lot/lot.entity';
import { StockMovement } from './stock-movement.entity';
import { StockMovementType } from './stock.enums';
import { locationRoles, netDeltas, type LevelDelta } from './stock.rules';
import { belowReorderPoint, crossesReorderPoint, movementRecorded, type ReorderCrossing } from './stock.events';
import { requireBrandScope } from '../access';

export interface MovementDraft {
  type: StockMovementType;
  product: Product;
  lot?: Lot | null;
  fromLocation?: Location | null;
  toLocation?: Location | null;
  quantity: number;
  occurredAt?: Date;
  reference?: string | null;
  reason?: string | null;
  /** Input field named in INSUFFICIENT_STOCK errors (default `quantity`). */
  field?: string;
}

// Float quantities: tolerate rounding noise so that issuing exactly what 0.1 + 0.2 received succeeds.
const EPSILON = 1e-9;

export interface LedgerBooking {
  movements: StockMovement[];
  /** `stock.movement_recorded` per movement, then `stock.below_reorder_point` per crossing. */
  events: NewEvent[];
}

/** Must run inside `em.transactional`: persists the movements and applies their level changes. */
export async function bookMovements(em: EntityManager, drafts: MovementDraft[]): Promise<LedgerBooking> {
  // The level updates and the INSUFFICIENT_STOCK read are raw SQL over every supplier's stock.
  requireBrandScope(em, 'the stock ledger');
  const deltas: LevelDelta[] = [];
  const skus = new Map(drafts.map((draft) => [draft.product.id, draft.product.sku]));
  const crossings: ReorderCrossing[] = [];
  for (const draft of drafts) {
    checkShape(draft);
    const field = draft.field ?? 'quantity';
    if (draft.fromLocation) deltas.push({ productId: draft.product.id, locationId: draft.fromLocation.id, delta: -draft.quantity, field });
    if (draft.toLocation) deltas.push({ productId: draft.product.id, locationId: draft.toLocation.id, delta: draft.quantity, field });
  }
  for (const delta of netDeltas(deltas)) {
    if (delta.delta < 0) {
      const level = await takeStock(em, delta);
      if (crossesReorderPoint(level.onHand - delta.delta, level.onHand, level.reorderPoint)) {
        crossings.push({ ...level, productId: delta.productId, sku: skus.get(delta.productId)!, locationId: delta.locationId });
      }
    } else if (delta.delta > 0) await addStock(em, delta);
  }
  const movements = drafts.map(({ field: _field, ...draft }) => {
    const movement = em.create(StockMovement, draft);
    em.persist(movement);
    return movement;
  });
  return { movements, events: [...movements.map(movementRecorded), ...crossings.map(belowReorderPoint)] };
}

/** A draft with the wrong locations for its type is a bug in the calling flow, not a client error. */
function checkShape(draft: MovementDraft): void {
  const roles = locationRoles(draft.type, draft.fromLocation ? -1 : 1);
  if (!!draft.fromLocation !== roles.from || !!draft.toLocation !== roles.to || !(draft.quantity > 0)) {
    throw new Error(`malformed ${draft.type} movement: from ${draft.fromLocation?.id}, to ${draft.toLocation?.id}, quantity ${draft.quantity}`);
  }
}

async function addStock(em: EntityManager, d: LevelDelta): Promise<void> {
  await em.execute(
    `insert into stock_level (id, created_at, updated_at, product_id, location_id, on_hand, reserved, in_transit, safety_stock, reorder_point)
     values (?, now(), now(), ?, ?, ?, 0, 0, 0, 0)
     on conflict (product_id, location_id) do update set on_hand = stock_level.on_hand + excluded.on_hand, updated_at = now()`,
    [newId(), d.productId, d.locationId, d.delta],
    'run',
  );
}

/** Takes stock off a level; returns the level after (on hand, reorder point) for the crossing check. */
async function takeStock(em: EntityManager, d: LevelDelta): Promise<{ stockLevelId: string; onHand: number; reorderPoint: number }> {
  const quantity = -d.delta;
  const [taken] = await em.execute<{ id: string; on_hand: number; reorder_point: number }[]>(
    `update stock_level set on_hand = on_hand - ?, updated_at = now()
     where product_id = ? and location_id = ? and on_hand >= ? returning id, on_hand, reorder_point`,
    [quantity, d.productId, d.locationId, quantity - EPSILON],
  );
  if (taken) return { stockLevelId: taken.id, onHand: Number(taken.on_hand), reorderPoint: Number(taken.reorder_point) };
  const [level] = await em.execute<{ on_hand: number }[]>(
    'select on_hand from stock_level where product_id = ? and location_id = ?',
    [d.productId, d.locationId],
  );
  const onHand = level?.on_hand ?? 0;
  throw new AppError('INSUFFICIENT_STOCK', `only ${onHand} on hand, ${quantity} requested`, {
    field: d.field,
    onHand,
    requested: quantity,
  });
}
