// The quality subgraph's DataLoaders, created per request: every relation, every contributed field and
// every KPI is one statement per batch, whatever the number of rows asking.
import type { EntityManager } from '@mikro-orm/postgresql';
import { childrenLoader, rowLoader } from '@cmgraph/platform';
import { InspectionCharacteristic, InspectionPlan } from './plan/inspection-plan.entity';
import { Inspection, InspectionReading } from './inspection/inspection.entity';
import { InspectionTrigger } from './plan/plan.enums';
import { NonConformance } from './non-conformance/non-conformance.entity';
import { OPEN_NON_CONFORMANCE_STATUSES } from './non-conformance/non-conformance.rules';
import { DefectCode } from './defect/defect-code.entity';
import { CorrectiveAction, CorrectiveActionNonConformance, CorrectiveActionStep } from './corrective-action/corrective-action.entity';
import { Recall } from './recall/recall.entity';
import { qualityPerformanceLoader } from './kpi/quality-kpi.query';
import { scorecardQualityLoader } from './scorecard/supplier-scorecard.query';

export function createLoaders(em: EntityManager) {
  return {
    inspectionPlan: rowLoader(em, InspectionPlan),
    characteristic: rowLoader(em, InspectionCharacteristic),
    characteristicsByPlan: childrenLoader(em, InspectionCharacteristic, 'plan'),
    inspection: rowLoader(em, Inspection),
    readingsByInspection: childrenLoader(em, InspectionReading, 'inspection'),
    inspectionsByLot: childrenLoader(em, Inspection, 'lotId', {}, { inspectedAt: 'asc', id: 'asc' }),
    incomingInspectionsByShipment: childrenLoader(em, Inspection, 'shipmentId', { trigger: InspectionTrigger.INCOMING }, { inspectedAt: 'desc', id: 'desc' }),
    nonConformance: rowLoader(em, NonConformance),
    nonConformancesByLot: childrenLoader(em, NonConformance, 'lotId'),
    dispositionedByLot: childrenLoader(em, NonConformance, 'lotId', { disposition: { $ne: null } }, { dispositionedAt: 'desc', id: 'desc' }),
    nonConformancesByInspection: childrenLoader(em, NonConformance, 'inspection'),
    openNonConformancesBySupplier: childrenLoader(em, NonConformance, 'supplierId', { status: { $in: OPEN_NON_CONFORMANCE_STATUSES } }),
    defectCode: rowLoader(em, DefectCode),
    correctiveAction: rowLoader(em, CorrectiveAction),
    stepsByCorrectiveAction: childrenLoader(em, CorrectiveActionStep, 'correctiveAction', {}, { step: 'asc' }),
    nonConformanceLinksByCorrectiveAction: childrenLoader(em, CorrectiveActionNonConformance, 'correctiveAction'),
    recall: rowLoader(em, Recall),
    qualityPerformance: qualityPerformanceLoader(em),
    scorecardQuality: scorecardQualityLoader(em),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
