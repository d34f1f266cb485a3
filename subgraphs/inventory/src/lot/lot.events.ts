// The events a lot writes: `lot.registered` when it comes into being (registered by hand, received or
// produced) and `lot.status_changed` whenever its status moves (by hand or by a failed inspection).
import type { NewEvent } from '@cmgraph/platform';
import type { Lot } from './lot.entity';
import type { LotStatus } from './lot.enums';

export const LOT_REGISTERED = 'lot.registered';
export const LOT_STATUS_CHANGED = 'lot.status_changed';

export function lotRegistered(lot: Lot, origin: 'REGISTERED' | 'RECEIPT' | 'PRODUCTION'): NewEvent {
  return {
    type: LOT_REGISTERED,
    subject: { type: 'Lot', id: lot.id },
    supplierId: lot.supplierId,
    payload: {
      lotId: lot.id, lotNumber: lot.lotNumber, productId: lot.product.id, status: lot.status, supplierId: lot.supplierId,
      manufacturedOn: lot.manufacturedOn, expiresOn: lot.expiresOn, origin,
    },
  };
}

export function lotStatusChanged(lot: Lot, from: LotStatus, reason: string): NewEvent {
  return {
    type: LOT_STATUS_CHANGED,
    subject: { type: 'Lot', id: lot.id },
    supplierId: lot.supplierId,
    payload: { lotId: lot.id, lotNumber: lot.lotNumber, productId: lot.product.id, from, to: lot.status, reason, supplierId: lot.supplierId },
  };
}
