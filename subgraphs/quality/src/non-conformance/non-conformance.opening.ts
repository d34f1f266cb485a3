// Opening a non-conformance inside the caller's transaction: by hand (openNonConformance) or because an
// inspection failed (recordInspection), so that the finding and its non-conformance commit together.
// Both take the lot's lock first, so "is a non-conformance already open for this lot?" has one answer
// at a time: a failed inspection links to the open one instead of opening a second.
// Partners reach this only through recordInspection, for a lot checked to be their own supplier's; the
// only raw SQL here is the lock (no rows read), and the new non-conformance takes the checked supplier.
import { WITHOUT_PARTNER_SCOPE } from '@cmgraph/platform';
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

/** Find options that lift a partner's row scope, for integrity decisions about a lot the caller was checked to own. */
export const UNSCOPED = WITHOUT_PARTNER_SCOPE;

/** Serialises writers that record findings on one lot, until the caller's transaction ends. */
export async function lockLot(em: EntityManager, lotId: string): Promise<void> {
  await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`quality-lot:${lotId}`]);
}

/**
 * The lot's oldest non-conformance that is not CLOSED, if any (call under `lockLot`). Over all of the
 * lot's rows, so that the lot keeps one open non-conformance whoever records; the caller only links to
 * it (its fields are read back through the request's scoped loaders, so nothing of it reaches a
 * partner it does not belong to).
 */
export function openNonConformanceOfLot(em: EntityManager, lotId: string): Promise<NonConformance | null> {
  return em.findOne(
    NonConformance,
    { lotId, status: { $in: OPEN_NON_CONFORMANCE_STATUSES } },
    { orderBy: { openedAt: 'asc', id: 'asc' }, filters: UNSCOPED },
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
