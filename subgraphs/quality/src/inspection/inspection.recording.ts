// recordInspection: the checked inspection, its readings, whether it is the lot's first attempt, and —
// when it fails — the non-conformance it is recorded under (opened for the rejected quantity, or the one
// already open for the lot), with `inspection.recorded` (and `non_conformance.opened`), all in one
// transaction. Inventory quarantines a lot on a failed inspection by reacting to the event.
import { AppError, recordEvent, type NewEvent } from '@cmgraph/platform';
import type { Context } from '../context';
import { Inspection, InspectionReading } from './inspection.entity';
import { InspectionResult } from './inspection.enums';
import type { RecordInspectionInput } from './inspection.input';
import { checkInspection, type CheckedInspection } from './inspection.checks';
import { InspectionCharacteristic, InspectionPlan } from '../plan/inspection-plan.entity';
import { DefectCode } from '../defect/defect-code.entity';
import { NonConformanceSeverity } from '../non-conformance/non-conformance.enums';
import { lockLot, openNonConformanceIn, openNonConformanceOfLot, UNSCOPED } from '../non-conformance/non-conformance.opening';
import { nonConformanceEvent } from '../non-conformance/non-conformance.events';
import { inspectionRecorded } from './inspection.events';

/** FAIL when a reading is out of limits or the sample holds more defectives than the plan accepts. */
export function inspectionResult(readingsWithinLimits: boolean[], quantityRejected: number, acceptanceNumber: number): InspectionResult {
  return readingsWithinLimits.every(Boolean) && quantityRejected <= acceptanceNumber ? InspectionResult.PASS : InspectionResult.FAIL;
}

export async function recordInspection(input: RecordInspectionInput, ctx: Context): Promise<Inspection> {
  const checked = await checkInspection(input, ctx);
  const result = inspectionResult(checked.readings.map((r) => r.withinLimits), input.quantityRejected, checked.sampling.acceptanceNumber);
  const defectCode = input.defectCode ? await ctx.em.findOne(DefectCode, { code: input.defectCode }) : null;
  if (input.defectCode && !defectCode) throw AppError.notFound('DefectCode', input.defectCode, 'defectCode');
  return ctx.em.transactional(async (em) => {
    // First attempt or re-inspection, and "is a non-conformance already open for the lot", are decided
    // under the lot's lock: two concurrent first attempts cannot both be first, nor open two NCs. Both
    // are facts of the lot (a partner's own, checked above), decided over all its rows: a partner's
    // row scope must not make a re-inspection count as a first pass.
    await lockLot(em, input.lotId);
    const earlier = await em.count(Inspection, { lotId: input.lotId, plan: checked.plan.id }, { filters: UNSCOPED });
    const inspection = em.create(Inspection, {
      plan: em.getReference(InspectionPlan, checked.plan.id), trigger: checked.plan.trigger,
      lotId: input.lotId, productId: checked.productId, supplierId: checked.supplierId,
      receiptId: input.receiptId ?? null, shipmentId: input.shipmentId ?? null, workOrderId: input.workOrderId ?? null,
      lotSize: input.lotSize, sampleSize: checked.sampling.sampleSize, acceptanceNumber: checked.sampling.acceptanceNumber,
      quantityInspected: input.quantityInspected, quantityRejected: input.quantityRejected,
      result, firstPass: earlier === 0, inspectedAt: input.inspectedAt ?? new Date(),
    });
    em.persist(inspection);
    for (const reading of checked.readings) {
      em.persist(em.create(InspectionReading, {
        inspection, characteristic: em.getReference(InspectionCharacteristic, reading.characteristic.id),
        value: reading.value, unit: reading.unit, valueInCharacteristicUnit: reading.valueInCharacteristicUnit, withinLimits: reading.withinLimits,
      }));
    }
    const events: NewEvent[] = [];
    if (result === InspectionResult.FAIL) {
      // A lot has one open non-conformance: a repeated failure is recorded under it rather than opening another.
      const open = await openNonConformanceOfLot(em, input.lotId);
      inspection.nonConformance = open ?? await openNonConformanceIn(em, {
        lotId: input.lotId, productId: checked.productId, supplierId: checked.supplierId, inspection,
        defectCode: defectCode ? em.getReference(DefectCode, defectCode.id) : null,
        quantity: input.quantityRejected, severity: input.severity ?? NonConformanceSeverity.MAJOR,
        description: failureSummary(checked, input), openedAt: inspection.inspectedAt,
      });
      if (!open) events.push(nonConformanceEvent('non_conformance.opened', inspection.nonConformance));
    }
    await recordEvent(em, ...events, inspectionRecorded(inspection, checked.lotNumber));
    return inspection;
  });
}

function failureSummary(checked: CheckedInspection, input: RecordInspectionInput): string {
  const outOfLimits = checked.readings.filter((r) => !r.withinLimits).map((r) => r.characteristic.name);
  const limits = outOfLimits.length ? `; out of limits: ${[...new Set(outOfLimits)].join(', ')}` : '';
  return `Failed ${checked.plan.trigger} inspection: ${input.quantityRejected} of ${input.quantityInspected} inspected units rejected ` +
    `(acceptance number ${checked.sampling.acceptanceNumber})${limits}`;
}
