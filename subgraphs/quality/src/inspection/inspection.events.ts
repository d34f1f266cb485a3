// The event every recorded inspection writes: `inspection.recorded`, with what inventory needs to act
// on a failure (the lot, and the non-conformance it is recorded under) without asking quality back.
import type { NewEvent } from '@cmgraph/platform';
import type { Inspection } from './inspection.entity';
import { InspectionResult } from './inspection.enums';

/** The event contract spells results as past participles. */
const RESULT: Record<InspectionResult, 'PASSED' | 'FAILED'> = { [InspectionResult.PASS]: 'PASSED', [InspectionResult.FAIL]: 'FAILED' };

export function inspectionRecorded(inspection: Inspection, lotNumber: string): NewEvent {
  return {
    type: 'inspection.recorded',
    subject: { type: 'Inspection', id: inspection.id },
    supplierId: inspection.supplierId,
    payload: {
      inspectionId: inspection.id, kind: inspection.trigger, result: RESULT[inspection.result],
      lotId: inspection.lotId, lotNumber, productId: inspection.productId, supplierId: inspection.supplierId,
      nonConformanceId: inspection.nonConformance?.id ?? null,
      planId: inspection.plan.id, receiptId: inspection.receiptId, shipmentId: inspection.shipmentId, workOrderId: inspection.workOrderId,
      quantityInspected: inspection.quantityInspected, quantityRejected: inspection.quantityRejected, firstPass: inspection.firstPass,
      inspectedAt: inspection.inspectedAt.toISOString(),
    },
  };
}
