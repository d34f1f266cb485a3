// Opening a non-conformance inside the caller's transaction: by hand (openNonConformance) or because an
// inspection failed (recordInspection), so that the finding and its non-conformance commit together.
// Both take the lot's lock first, so "is a non-conformance already open for this lot?" has one answer
// at a time: a failed inspection links to the open one instead of opening a second.
import type { EntityManager } from '@mikro-orm/postgresql';
import { nextDocumentNumber } from '../numbering/document-number';
import { NonConformance } from './non-conformance.entity';
import type { NonConformanceSeverity } from './non-conformance.enums';
import { OPEN_NON_CONFORMANCE_STATUSES } from './non-conformance.rules';
import type { Inspection } from '../inspection/inspection.entity';
import type { DefectCode } from '../defect/defect-code.entity';

export interface NonConformanceDraft {
  lotId: string;
  productId: string;
  supplierId: string | null;
  inspection?: Inspection | null;
  defectCode?: DefectCode | null;
  quantity: number;
  severity: NonConformanceSeverity;
  description?: string | null;
  openedAt?: Date;
}

/** Serialises writers that record findings on one lot, until the caller's transaction ends. */
export async function lockLot(em: EntityManager, lotId: string): Promise<void> {
  await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`quality-lot:${lotId}`]);
}

/** The lot's oldest non-conformance that is not CLOSED, if any (call under `lockLot`). */
export function openNonConformanceOfLot(em: EntityManager, lotId: string): Promise<NonConformance | null> {
  return em.findOne(
    NonConformance,
    { lotId, status: { $in: OPEN_NON_CONFORMANCE_STATUSES } },
    { orderBy: { openedAt: 'asc', id: 'asc' } },
  );
}

export async function openNonConformanceIn(em: EntityManager, draft: NonConformanceDraft): Promise<NonConformance> {
  const nonConformance = em.create(NonConformance, {
    ...draft,
    number: await nextDocumentNumber(em, 'NC'),
    inspection: draft.inspection ?? null,
    defectCode: draft.defectCode ?? null,
    description: draft.description ?? null,
    openedAt: draft.openedAt ?? new Date(),
  });
  em.persist(nonConformance);
  return nonConformance;
}
