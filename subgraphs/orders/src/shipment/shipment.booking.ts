// Booking a shipment (receiving an ASN): checks, locks the PO lines it ships against, and writes the
// shipment, its packages and lines, the shipped quantities and the orders' status in one transaction,
// with its events: `shipment.updated` (CREATED), `shipment.late` when booked with an ETA past a
// promise, and `purchase_order.partially_shipped` for orders that start shipping.
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { AppError, recordEvent, requireId, requireOwnSupplier, type NewEvent } from '@cmgraph/platform';
import type { Context } from '../context';
import { PurchaseOrder } from '../purchase-order/purchase-order.entity';
import { PurchaseOrderLine } from '../purchase-order/purchase-order-line.entity';
import { PurchaseOrderStatus } from '../purchase-order/purchase-order.enums';
import { requireReferences } from '../references/require-references';
import { addQuantity } from '../quantity';
import { Shipment } from './shipment.entity';
import { ShipmentLine } from './shipment-line.entity';
import { ShipmentPackage } from './shipment-package.entity';
import { ShipmentEvent } from './shipment-event.entity';
import { MilestoneType, ShipmentChange } from './shipment.enums';
import type { CreateShipmentInput } from './shipment.input';
import { allocate } from './shipment.allocation';
import { shipmentLate, shipmentUpdated } from './shipment.events';
import { lateAfterEtaChange, promiseOf } from './shipment.lateness';
import { purchaseOrderIdsOf } from './shipment.facts';
import { purchaseOrderStatusReached } from '../purchase-order/purchase-order.events';

export async function bookShipment(ctx: Context, input: CreateShipmentInput): Promise<Shipment> {
  checkPackaging(input);
  input.lines.forEach((line, i) => requireId(line.purchaseOrderLineId, `lines[${i}].purchaseOrderLineId`));
  // A partner announces its own shipments only, from its own facilities; its PO lines are all it can
  // find below (the partner filter), so another supplier's line is NOT_FOUND.
  requireOwnSupplier(ctx.identity, input.supplierId, 'supplierId');
  const [, [facility]] = await requireReferences(ctx.references, [
    ['Supplier', [{ id: input.supplierId, field: 'supplierId' }]],
    ['Facility', [{ id: input.shipFromFacilityId, field: 'shipFromFacilityId' }], 'supplier { id }'],
    ['Location', [{ id: input.shipToLocationId, field: 'shipToLocationId' }]],
  ]);
  requireOwnSupplier(ctx.identity, (facility as { supplier?: { id: string } } | undefined)?.supplier?.id, 'shipFromFacilityId');
  try {
    return await ctx.em.transactional(async (em) => {
      if (await em.count(Shipment, { number: input.number })) throw numberTaken(input.number);
      const ssccs = input.packages.map((p) => p.sscc);
      const labelled = ssccs.length ? await em.find(ShipmentPackage, { sscc: { $in: ssccs } }) : [];
      if (labelled.length) throw ssccTaken(ssccs.indexOf(labelled[0]!.sscc));

      // Lines first, then their orders, each in id order: every writer of these rows locks in this order.
      const lock = { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' }, refresh: true } as const;
      const lineIds = [...new Set(input.lines.map((l) => l.purchaseOrderLineId))];
      const poLines = await em.find(PurchaseOrderLine, { id: { $in: lineIds } }, lock);
      const orderIds = [...new Set(poLines.map((l) => l.purchaseOrder.id))];
      const orders = orderIds.length ? await em.find(PurchaseOrder, { id: { $in: orderIds } }, lock) : [];
      const lineById = new Map(poLines.map((l) => [l.id, l]));
      const allocated = allocate(input.lines, lineById, new Map(orders.map((o) => [o.id, o])), input);

      const { packages, lines, ...header } = input;
      const grossWeightKg = packages.length ? packages.reduce((sum, p) => sum + p.weightKg, 0) : null;
      const shipment = em.create(Shipment, { ...header, grossWeightKg });
      const packageBySscc = new Map(packages.map((p) => [p.sscc, em.create(ShipmentPackage, { ...p, shipment })]));
      const shipmentLines = lines.map((line) => {
        const poLine = lineById.get(line.purchaseOrderLineId)!;
        return em.create(ShipmentLine, {
          shipment, purchaseOrderLine: poLine, purchaseOrder: poLine.purchaseOrder, productId: poLine.productId,
          package: line.packageSscc ? packageBySscc.get(line.packageSscc) : null, quantity: line.quantity, lotNumber: line.lotNumber,
        });
      });
      em.create(ShipmentEvent, { shipment, type: MilestoneType.BOOKED, occurredAt: new Date(), note: `ASN ${input.number} received` });
      for (const [lineId, quantity] of allocated) {
        const poLine = lineById.get(lineId)!;
        poLine.quantityShipped = addQuantity(poLine.quantityShipped, quantity);
        // Until a delivery names it, a line's goods come from the facility of its latest booking.
        if (!(poLine.quantityDelivered > 0)) poLine.shipFromFacilityId = shipment.shipFromFacilityId;
      }
      const events: NewEvent[] = [];
      for (const order of orders) {
        if (order.status === PurchaseOrderStatus.ACKNOWLEDGED) {
          order.status = PurchaseOrderStatus.PARTIALLY_SHIPPED;
          events.push(purchaseOrderStatusReached(order, { shipmentId: shipment.id }));
        }
        order.updatedAt = new Date();
      }
      em.persist(shipment);
      const purchaseOrderIds = purchaseOrderIdsOf(shipmentLines);
      const late = lateAfterEtaChange(null, shipment.eta, poLines.map(promiseOf));
      await recordEvent(
        em,
        shipmentUpdated(shipment, ShipmentChange.CREATED, purchaseOrderIds),
        ...(late ? [shipmentLate(shipment, late, purchaseOrderIds)] : []),
        ...events,
      );
      return shipment;
    });
  } catch (error) {
    // A concurrent booking took the number or a label between our check and our insert.
    if (error instanceof UniqueConstraintViolationException) {
      throw /sscc/.test(error.message) ? ssccTaken(0) : numberTaken(input.number);
    }
    throw error;
  }
}

/** SSCCs are unique within the input, and every line's package is one of the shipment's. */
function checkPackaging(input: CreateShipmentInput): void {
  const ssccs = new Set<string>();
  input.packages.forEach((p, i) => {
    if (ssccs.has(p.sscc)) throw AppError.badInput(`packages[${i}].sscc`, `${p.sscc} labels two packages`);
    ssccs.add(p.sscc);
  });
  input.lines.forEach((line, i) => {
    if (line.packageSscc && !ssccs.has(line.packageSscc)) {
      throw AppError.badInput(`lines[${i}].packageSscc`, `${line.packageSscc} is not one of this shipment's packages`);
    }
  });
}

const numberTaken = (number: string) => AppError.badInput('number', `shipment number ${number} is already taken`);
const ssccTaken = (index: number) => AppError.badInput(`packages[${index}].sscc`, 'the SSCC already labels another package');
