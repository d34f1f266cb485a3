// What a plan must say to be usable: a supported AQL or a percentage matching its sampling method,
// and characteristics with known units and limits that make sense.
import { AppError } from '@cmgraph/platform';
import { isKnownUnit, UNIT_CODES } from '../units/units';
import { isSupportedAql, SUPPORTED_AQLS } from './aql';
import { SamplingMethod } from './plan.enums';
import type { CreateInspectionPlanInput } from './plan.input';

export function validatePlan(input: CreateInspectionPlanInput): void {
  if (input.samplingMethod === SamplingMethod.AQL) {
    if (input.aql === null || input.aql === undefined || !isSupportedAql(input.aql)) {
      throw AppError.badInput('aql', `AQL sampling needs one of ${SUPPORTED_AQLS.join(', ')}`);
    }
    if (input.samplePercent !== null && input.samplePercent !== undefined) throw AppError.badInput('samplePercent', 'not used with AQL sampling');
  } else {
    if (input.samplePercent === null || input.samplePercent === undefined) throw AppError.badInput('samplePercent', 'PERCENT sampling needs a percentage');
    if (input.aql !== null && input.aql !== undefined) throw AppError.badInput('aql', 'not used with PERCENT sampling');
  }
  const names = new Set<string>();
  input.characteristics.forEach((c, i) => {
    const field = `characteristics[${i}]`;
    if (names.has(c.name)) throw AppError.badInput(`${field}.name`, `"${c.name}" appears twice`);
    names.add(c.name);
    if (!isKnownUnit(c.unit)) throw AppError.badInput(`${field}.unit`, `unknown unit "${c.unit}" (known: ${UNIT_CODES.join(', ')})`);
    const lower = c.lowerLimit ?? null;
    const upper = c.upperLimit ?? null;
    if (lower === null && upper === null) throw AppError.badInput(`${field}.lowerLimit`, 'give a lower limit, an upper limit or both');
    if (lower !== null && upper !== null && lower > upper) throw AppError.badInput(`${field}.upperLimit`, 'must not be below lowerLimit');
    const nominal = c.nominal ?? null;
    if (nominal !== null && ((lower !== null && nominal < lower) || (upper !== null && nominal > upper))) {
      throw AppError.badInput(`${field}.nominal`, 'must lie within the limits');
    }
  });
}
