// Everything recordInspection checks before it writes, cheapest first: the input's own consistency,
// the plan and its sampling, the readings, then the referenced records at their owners (and, for a
// partner, that the lot and the anchor are its own supplier's).
import { AppError, mustLoad } from '@cmgraph/platform';
import type { Context } from '../context';
import type { InspectionPlan } from '../plan/inspection-plan.entity';
import { InspectionTrigger } from '../plan/plan.enums';
import { samplingPlanFor } from '../plan/sampling';
import type { SamplingPlan } from '../plan/aql';
import { judgeReadings, type JudgedReading } from './reading.judgement';
import type { InspectionCharacteristic } from '../plan/inspection-plan.entity';
import type { RecordInspectionInput } from './inspection.input';
import { anchorOf, inspectionSupplier, type Anchor } from './inspection.anchor';

export interface CheckedInspection {
  plan: InspectionPlan;
  sampling: SamplingPlan;
  readings: JudgedReading<InspectionCharacteristic>[];
  productId: string;
  supplierId: string | null;
  /** As inventory numbers the lot, for the event. */
  lotNumber: string;
}

interface LotFacts { lotNumber: string; supplier: { id: string } | null; product: { id: string } }

const ANCHORS: Anchor[] = ['receiptId', 'shipmentId', 'workOrderId'];

export async function checkInspection(input: RecordInspectionInput, ctx: Context): Promise<CheckedInspection> {
  const anchors = ANCHORS.filter((key) => input[key]);
  if (anchors.length !== 1) throw AppError.badInput('receiptId', 'give exactly one of receiptId, shipmentId, workOrderId');
  const anchor = anchors[0]!;
  if (input.quantityInspected > input.lotSize) throw AppError.badInput('quantityInspected', 'must not exceed lotSize');
  if (input.quantityRejected > input.quantityInspected) throw AppError.badInput('quantityRejected', 'must not exceed quantityInspected');

  const plan = await mustLoad(ctx.loaders.inspectionPlan, 'InspectionPlan', input.planId, 'planId');
  if (!plan.active) throw AppError.badInput('planId', `version ${plan.version} of this plan is superseded; use the active version`);
  const incoming = plan.trigger === InspectionTrigger.INCOMING;
  if (incoming === (anchor === 'workOrderId')) {
    throw AppError.badInput(anchor, incoming ? 'an INCOMING inspection is made against a receipt or a shipment' : `a ${plan.trigger} inspection is made against a work order`);
  }
  const sampling = samplingPlanFor(plan, input.lotSize);
  if (input.quantityInspected < sampling.sampleSize) {
    throw AppError.badInput('quantityInspected', `the plan requires a sample of ${sampling.sampleSize} for a lot of ${input.lotSize}`);
  }
  const characteristics = await ctx.loaders.characteristicsByPlan.load(plan.id);
  const readings = judgeReadings(characteristics, input.readings);
  const missing = characteristics.find((c) => !readings.some((r) => r.characteristic === c));
  if (missing) throw AppError.badInput('readings', `no reading for characteristic "${missing.name}"`);
  if (readings.some((r) => !r.withinLimits) && input.quantityRejected < 1) {
    throw AppError.badInput('quantityRejected', 'a reading is out of limits, so at least one sampled unit is defective');
  }

  // Asked before the transaction opens: no connection is held while other subgraphs answer.
  const settled = await Promise.allSettled([
    ctx.references.fetchExisting<LotFacts>('Lot', [{ id: input.lotId, field: 'lotId' }], 'lotNumber supplier { id } product { id }'),
    anchorOf(anchor, input[anchor]!, ctx),
  ] as const);
  // The lot's failure wins over the anchor's, so the error does not depend on which owner answered first.
  const failed = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
  const [lots, anchorSupplier] = settled.map((result) => (result as PromiseFulfilledResult<unknown>).value) as [LotFacts[], () => Promise<string | null>];
  const lot = lots[0]!;
  const supplierId = await inspectionSupplier(lot.supplier?.id ?? null, anchor, anchorSupplier, ctx);
  if (lot.product.id !== plan.productId) throw AppError.badInput('lotId', 'the lot is of another product than the plan');
  return { plan, sampling, readings, productId: plan.productId, supplierId, lotNumber: lot.lotNumber };
}
