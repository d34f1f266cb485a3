// Turns a hand-recorded movement (ISSUE, TRANSFER, ADJUST) into a checked ledger draft: the right
// locations for its type, a lot of the same product in a status that allows the move, a sane time.
import { AppError, mustLoad } from '@cmgraph/platform';
import type { Context } from '../context';
import { Tracking } from '../product/product.enums';
import { LocationType } from '../location/location.enums';
import type { Location } from '../location/location.entity';
import { canIssueFromLot, canMoveLotStock } from '../lot/lot.rules';
import { ManualMovementType, StockMovementType } from './stock.enums';
import type { RecordStockMovementInput } from './stock.input';
import type { MovementDraft } from './stock.ledger';

// Clocks differ a little between clients and servers; a booking further ahead than this is a mistake.
const CLOCK_SKEW_MS = 5 * 60_000;

export async function manualDraft(input: RecordStockMovementInput, ctx: Context): Promise<MovementDraft> {
  const type = input.type as unknown as StockMovementType;
  const isAdjust = input.type === ManualMovementType.ADJUST;
  if (isAdjust ? input.quantity === 0 : !(input.quantity > 0)) {
    throw AppError.badInput('quantity', isAdjust ? 'must not be 0' : 'must be greater than 0');
  }
  if (!Number.isFinite(input.quantity)) throw AppError.badInput('quantity', 'must be a finite number');
  if (isAdjust && !input.reason) throw AppError.badInput('reason', 'an adjustment needs a reason');
  if (input.occurredAt && input.occurredAt.getTime() > Date.now() + CLOCK_SKEW_MS) {
    throw AppError.badInput('occurredAt', 'must not be in the future');
  }

  const product = await mustLoad(ctx.loaders.product, 'Product', input.productId, 'productId');
  const { fromLocation, toLocation } = await locationsFor(input, ctx);
  if (fromLocation && toLocation && fromLocation.id === toLocation.id) {
    throw AppError.badInput('toLocationId', 'must differ from fromLocationId');
  }
  if (input.type === ManualMovementType.ISSUE && fromLocation!.type === LocationType.QUARANTINE_AREA) {
    throw AppError.conflict('stock in a quarantine area cannot be issued; transfer it out once released', { field: 'fromLocationId' });
  }

  const lot = input.lotId ? await mustLoad(ctx.loaders.lot, 'Lot', input.lotId, 'lotId') : null;
  if (!lot && product.tracking === Tracking.LOT) throw AppError.badInput('lotId', 'required for a lot-tracked product');
  if (lot && lot.product.id !== product.id) throw AppError.badInput('lotId', 'the lot belongs to another product');
  const allowed = input.type === ManualMovementType.ISSUE ? canIssueFromLot : canMoveLotStock;
  if (lot && !allowed(lot.status)) {
    throw AppError.conflict(`stock of a ${lot.status} lot cannot be moved by ${input.type}`, { field: 'lotId' });
  }

  return {
    type,
    product,
    lot,
    fromLocation,
    toLocation,
    quantity: Math.abs(input.quantity),
    occurredAt: input.occurredAt ?? new Date(),
    reference: input.reference ?? null,
    reason: input.reason ?? null,
  };
}

async function locationsFor(input: RecordStockMovementInput, ctx: Context) {
  const load = (id: string | null | undefined, field: string): Promise<Location> => {
    if (!id) throw AppError.badInput(field, `required for ${input.type}`);
    return mustLoad(ctx.loaders.location, 'Location', id, field);
  };
  const refuse = (field: string) => AppError.badInput(field, `not used by ${input.type}`);
  switch (input.type) {
    case ManualMovementType.ISSUE:
      if (input.toLocationId) throw refuse('toLocationId');
      if (input.locationId) throw refuse('locationId');
      return { fromLocation: await load(input.fromLocationId, 'fromLocationId'), toLocation: null };
    case ManualMovementType.TRANSFER:
      if (input.locationId) throw refuse('locationId');
      return {
        fromLocation: await load(input.fromLocationId, 'fromLocationId'),
        toLocation: await load(input.toLocationId, 'toLocationId'),
      };
    case ManualMovementType.ADJUST: {
      if (input.fromLocationId) throw refuse('fromLocationId');
      if (input.toLocationId) throw refuse('toLocationId');
      const location = await load(input.locationId, 'locationId');
      return input.quantity < 0 ? { fromLocation: location, toLocation: null } : { fromLocation: null, toLocation: location };
    }
  }
}
