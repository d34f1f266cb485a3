// The events of a non-conformance's life: opened, reviewed, dispositioned, closed. Each carries the lot,
// product and supplier, and the disposition once decided, so inventory can act on the material.
import type { NewEvent } from '@cmgraph/platform';
import type { NonConformance } from './non-conformance.entity';
import type { NonConformanceStatus } from './non-conformance.enums';

export type NonConformanceEventType =
  | 'non_conformance.opened'
  | 'non_conformance.reviewed'
  | 'non_conformance.dispositioned'
  | 'non_conformance.closed';

export function nonConformanceEvent(type: NonConformanceEventType, nc: NonConformance, from: NonConformanceStatus | null = null): NewEvent {
  return {
    type,
    subject: { type: 'NonConformance', id: nc.id },
    supplierId: nc.supplierId,
    payload: {
      nonConformanceId: nc.id, number: nc.number, status: nc.status, from,
      lotId: nc.lotId, productId: nc.productId, supplierId: nc.supplierId, inspectionId: nc.inspection?.id ?? null,
      defectCodeId: nc.defectCode?.id ?? null, severity: nc.severity, quantity: nc.quantity,
      disposition: nc.disposition, dispositionedBy: nc.dispositionedBy, rootCause: nc.rootCause,
    },
  };
}
