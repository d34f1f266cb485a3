// Opening a non-conformance inside the caller's transaction: by hand (openNonConformance) or because an
// inspection failed (recordInspection), so that the finding and its non-conformance commit together.
import type { EntityManager } from '@mikro-orm/postgresql';
import { nextDocumentNumber } from '../numbering/document-number';
import { NonConformance } from './non-conformance.entity';
import type { NonConformanceSeverity } from './non-conformance.enums';
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
