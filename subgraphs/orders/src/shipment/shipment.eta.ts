// Moving a shipment's expected arrival day (carrier or supplier news): one transaction with its
// `shipment.updated` (ETA) event, and `shipment.late` when the new day misses a PO line's promise.
import { LockMode } from '@mikro-orm/core';
import { AppError, recordEvent, requireId } from '@cmgraph/platform';
import type { Context } from '../context';
import { Shipment } from './shipment.entity';
import { ShipmentStatus } from './shipment.enums';
import type { UpdateShipmentEtaInput } from './shipment.input';
import { changeEvents } from './shipment.events';
import { promisesOf, purchaseOrderIdsOf, shipmentLinesOf } from './shipment.facts';
import { lateAfterEtaChange } from './shipment.lateness';

export function updateEta(ctx: Context, input: UpdateShipmentEtaInput): Promise<Shipment> {
  const shipmentId = requireId(input.shipmentId, 'shipmentId');
  const reason = input.reason?.trim() || null;
  return ctx.em.transactional(async (em) => {
    const shipment = await em.findOne(Shipment, { id: shipmentId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!shipment) throw AppError.notFound('Shipment', shipmentId, 'shipmentId');
    if (shipment.status === ShipmentStatus.DELIVERED) {
      throw AppError.conflict(`shipment ${shipment.number} was delivered; its ETA no longer moves`, { field: 'shipmentId', status: shipment.status });
    }
    if (shipment.eta === input.eta) return shipment; // nothing changed: no event (a retried request is harmless)
    const before = { status: shipment.status, eta: shipment.eta };
    shipment.eta = input.eta;
    shipment.updatedAt = new Date();
    const lines = await shipmentLinesOf(em, shipment);
    const lateness = lateAfterEtaChange(before.eta, shipment.eta, await promisesOf(em, lines));
    await recordEvent(em, ...changeEvents(shipment, before, purchaseOrderIdsOf(lines), { reason, lateness }));
    return shipment;
  });
}
