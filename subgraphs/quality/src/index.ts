// The quality subgraph: inspection plans and inspections, non-conformances, corrective actions (8D) and
// recalls, the quality KPIs (PPM, first-pass yield) it contributes to Supplier, Product and the supplier
// scorecard, and the quality report.
import { maybeLoad, type SubgraphDefinition } from '@cmgraph/platform';
import { createLoaders, type Loaders } from './loaders';
import { DocumentCounter } from './numbering/document-counter.entity';
import { InspectionCharacteristic, InspectionPlan } from './plan/inspection-plan.entity';
import { InspectionPlanResolver } from './plan/plan.resolver';
import { Inspection, InspectionReading } from './inspection/inspection.entity';
import { InspectionReadingResolver, InspectionResolver } from './inspection/inspection.resolver';
import { DefectCode } from './defect/defect-code.entity';
import { DefectCodeResolver } from './defect/defect-code.resolver';
import { NonConformance } from './non-conformance/non-conformance.entity';
import { NonConformanceResolver } from './non-conformance/non-conformance.resolver';
import { NonConformanceMutationResolver } from './non-conformance/non-conformance.mutations';
import { CorrectiveAction, CorrectiveActionNonConformance, CorrectiveActionStep } from './corrective-action/corrective-action.entity';
import { CorrectiveActionResolver } from './corrective-action/corrective-action.resolver';
import { CorrectiveActionMutationResolver } from './corrective-action/corrective-action.mutations';
import { Recall } from './recall/recall.entity';
import { RecallResolver } from './recall/recall.resolver';
import { SupplierQualityResolver } from './contributions/supplier.resolver';
import { ProductQualityResolver } from './contributions/product.resolver';
import { LotQualityResolver, ShipmentQualityResolver } from './contributions/lot.resolver';
import { QualityReportResolver } from './report/quality-report.resolver';
import { SupplierScorecardQualityResolver } from './scorecard/supplier-scorecard.resolver';
import { scorecardByKey, SupplierScorecard } from './scorecard/supplier-scorecard.reference';
import { byId } from './references/contributed.reference';
import { Receipt, WorkOrder } from './references/external.reference';
import { migrations } from './migrations';
import type { Context } from './context';

export { seed } from './seed';

export const quality: SubgraphDefinition<Loaders> = {
  name: 'quality',
  port: 4005,
  entities: [
    DocumentCounter, InspectionPlan, InspectionCharacteristic, Inspection, InspectionReading, DefectCode, NonConformance,
    CorrectiveAction, CorrectiveActionStep, CorrectiveActionNonConformance, Recall,
  ],
  migrations,
  resolvers: [
    InspectionPlanResolver,
    InspectionResolver,
    InspectionReadingResolver,
    DefectCodeResolver,
    NonConformanceResolver,
    NonConformanceMutationResolver,
    CorrectiveActionResolver,
    CorrectiveActionMutationResolver,
    RecallResolver,
    SupplierQualityResolver,
    ProductQualityResolver,
    LotQualityResolver,
    ShipmentQualityResolver,
    SupplierScorecardQualityResolver,
    QualityReportResolver,
  ],
  // SupplierScorecard is reached only through `_entities` (suppliers owns its entry points)
  orphanedTypes: [Receipt, WorkOrder, SupplierScorecard],
  references: {
    InspectionPlan: (ref, ctx: Context) => maybeLoad(ctx.loaders.inspectionPlan, String(ref.id)),
    Inspection: (ref, ctx: Context) => maybeLoad(ctx.loaders.inspection, String(ref.id)),
    NonConformance: (ref, ctx: Context) => maybeLoad(ctx.loaders.nonConformance, String(ref.id)),
    CorrectiveAction: (ref, ctx: Context) => maybeLoad(ctx.loaders.correctiveAction, String(ref.id)),
    Recall: (ref, ctx: Context) => maybeLoad(ctx.loaders.recall, String(ref.id)),
    // Entities of other subgraphs that quality adds fields to: any id resolves, with nothing recorded.
    Lot: byId,
    Supplier: byId,
    Product: byId,
    Shipment: byId,
    SupplierScorecard: scorecardByKey,
  },
  createLoaders,
  referenceOwners: {
    Lot: 'inventory', Product: 'inventory', Receipt: 'inventory', Shipment: 'orders', WorkOrder: 'production', Supplier: 'suppliers',
  },
};
