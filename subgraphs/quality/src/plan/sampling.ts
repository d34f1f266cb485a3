// The sample a plan asks for at a lot size, whichever its sampling method.
import { aqlSamplingPlan, percentSamplingPlan, type SamplingPlan } from './aql';
import { SamplingMethod } from './plan.enums';

export function samplingPlanFor(plan: { samplingMethod: SamplingMethod; aql: number | null; samplePercent: number | null }, lotSize: number): SamplingPlan {
  return plan.samplingMethod === SamplingMethod.AQL ? aqlSamplingPlan(lotSize, plan.aql!) : percentSamplingPlan(lotSize, plan.samplePercent!);
}
