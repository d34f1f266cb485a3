// The event a recorded audit writes: `audit.recorded`, with its score and findings, for scorecards and
// for alerts on poor results in other subgraphs.
import type { NewEvent } from '@cmgraph/platform';
import type { Audit } from './audit.entity';

export function auditRecorded(audit: Audit): NewEvent {
  return {
    type: 'audit.recorded',
    subject: { type: 'Audit', id: audit.id },
    supplierId: audit.supplier.id,
    payload: {
      auditId: audit.id, supplierId: audit.supplier.id, facilityId: audit.facility?.id ?? null, kind: audit.kind, auditDate: audit.auditDate,
      auditor: audit.auditor, score: audit.score, majorFindings: audit.majorFindings, minorFindings: audit.minorFindings,
    },
  };
}
