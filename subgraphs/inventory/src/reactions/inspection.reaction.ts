// inspection.recorded (quality) with a failed result → the inspected lot goes to QUARANTINE, with the
// inspection (and non-conformance) as its reason, and `lot.status_changed` is raised. A lot already in
// quarantine stays as it is (no second event); one that is RECALLED or CONSUMED cannot be quarantined.
import type { EntityManager } from '@mikro-orm/postgresql';
import { recordEvent, type BusEvent } from '@cmgraph/platform';
import { LotStatus } from '../lot/lot.enums';
import { changeLotStatus, lockLot } from '../lot/lot.status';
import { optionalId, optionalText, UnusableEvent } from './payload';

/** Quality's contract says FAILED; its enum says FAIL. Both mean the lot failed. */
const FAILED = new Set(['FAILED', 'FAIL']);

export async function quarantineFailedLot(event: BusEvent, em: EntityManager): Promise<void> {
  const result = optionalText(event.payload, 'result');
  if (!result || !FAILED.has(result.toUpperCase())) return; // passed (or not judged): nothing to do
  const lotId = optionalId(event.payload, 'lotId');
  const productId = optionalId(event.payload, 'productId');
  const lotNumber = optionalText(event.payload, 'lotNumber');
  const lot = lotId
    ? await lockLot(em, { id: lotId })
    : productId && lotNumber
      ? await lockLot(em, { product: productId, lotNumber })
      : null;
  if (!lot) throw new UnusableEvent(`no lot ${lotId ?? `${lotNumber} of product ${productId}`}`);
  const inspectionId = optionalText(event.payload, 'inspectionId') ?? event.subjectId;
  const nonConformanceId = optionalText(event.payload, 'nonConformanceId');
  const reason = `failed inspection ${inspectionId}${nonConformanceId ? ` (non-conformance ${nonConformanceId})` : ''}`;
  const changed = changeLotStatus(lot, LotStatus.QUARANTINE, reason);
  if (changed) await recordEvent(em, changed);
}
