// Booking movements: every ledger line and its stock-level change in the caller's transaction.
// Levels change through atomic UPDATE … SET on_hand = on_hand ± ? statements, which take the row lock,
// so concurrent bookings serialise on the row and a level never drifts from the ledger's sum.
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, newId } from '@cmgraph/platform';
import type { Product } from '../product/product.entity';
import type { Location } from '../location/location.entity';
import type { Lot } from '../lot/lot.entity';
import { StockMovement } from './stock-movement.entity';
import { StockMovementType } from './stock.enums';
import { locationRoles, netDeltas, type LevelDelta } from './stock.rules';

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

/** Must run inside `em.transactional`: persists the movements and applies their level changes. */
export async function bookMovements(em: EntityManager, drafts: MovementDraft[]): Promise<StockMovement[]> {
  const deltas: LevelDelta[] = [];
  for (const draft of drafts) {
    checkShape(draft);
    const field = draft.field ?? 'quantity';
    if (draft.fromLocation) deltas.push({ productId: draft.product.id, locationId: draft.fromLocation.id, delta: -draft.quantity, field });
    if (draft.toLocation) deltas.push({ productId: draft.product.id, locationId: draft.toLocation.id, delta: draft.quantity, field });
  }
  for (const delta of netDeltas(deltas)) {
    if (delta.delta < 0) await takeStock(em, delta);
    else if (delta.delta > 0) await addStock(em, delta);
  }
  return drafts.map(({ field: _field, ...draft }) => {
    const movement = em.create(StockMovement, draft);
    em.persist(movement);
    return movement;
  });
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

async function takeStock(em: EntityManager, d: LevelDelta): Promise<void> {
  const quantity = -d.delta;
  const taken = await em.execute<{ on_hand: number }[]>(
    `update stock_level set on_hand = on_hand - ?, updated_at = now()
     where product_id = ? and location_id = ? and on_hand >= ? returning on_hand`,
    [quantity, d.productId, d.locationId, quantity - EPSILON],
  );
  if (taken.length) return;
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
