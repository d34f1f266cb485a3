// Changing a lot's status inside the caller's transaction, on a row it has locked: the rule check, the
// change and its reason, and the event to record. Shared by `setLotStatus` and the quarantine reaction.
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, type NewEvent } from '@cmgraph/platform';
import { Lot } from './lot.entity';
import type { LotStatus } from './lot.enums';
import { canMoveLot } from './lot.rules';
import { lotStatusChanged } from './lot.events';

/** Loads a lot FOR UPDATE (status changes of one lot serialise), or null. */
export function lockLot(em: EntityManager, where: { id: string } | { product: string; lotNumber: string }): Promise<Lot | null> {
  return em.findOne(Lot, where, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
}

/** Moves the lot to `to`; the status it already has is an accepted no-op (null: nothing to record). */
export function changeLotStatus(lot: Lot, to: LotStatus, reason: string, field = 'status'): NewEvent | null {
  if (!canMoveLot(lot.status, to)) throw AppError.conflict(`a ${lot.status} lot cannot become ${to}`, { field, status: lot.status });
  if (lot.status === to) return null;
  const from = lot.status;
  lot.status = to;
  lot.statusReason = reason;
  return lotStatusChanged(lot, from, reason);
}
