// Which factor applies to a record: same activity, the facility's country (else GLOBAL), the year the
// record's period starts in. The quantity is converted exactly into the factor's unit. Anything that
// does not match is refused, naming the input field, instead of guessing a number.
import { AppError } from '@cmgraph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { EmissionFactor } from './emission-factor.entity';
import type { ActivityType } from './emission-factor.enums';
import { convert } from '../units';

export const GLOBAL = 'GLOBAL';

/** The country's factor when there is one, else the GLOBAL one; pure, for tests and for the query below. */
export function pickFactor<F extends { region: string }>(candidates: F[], country: string): F | null {
  return candidates.find((f) => f.region === country) ?? candidates.find((f) => f.region === GLOBAL) ?? null;
}

export async function matchFactor(
  em: EntityManager,
  wanted: { activityType: ActivityType; country: string; year: number },
  field: string,
): Promise<EmissionFactor> {
  const candidates = await em.find(EmissionFactor, {
    activityType: wanted.activityType,
    region: { $in: [wanted.country, GLOBAL] },
    year: wanted.year,
  });
  const factor = pickFactor(candidates, wanted.country);
  if (!factor) {
    throw AppError.badInput(field, `no ${wanted.activityType} emission factor for ${wanted.country} or ${GLOBAL} in ${wanted.year}`);
  }
  return factor;
}

/** kgCO2e of `quantity` `unit` under `factor`; an incompatible unit is refused naming `unitField`. */
export function emissionsOf(factor: EmissionFactor, quantity: number, unit: string, unitField: string): { quantityInFactorUnit: number; kgCo2e: number } {
  const quantityInFactorUnit = convert(quantity, unit, factor.unit, unitField);
  return { quantityInFactorUnit, kgCo2e: quantityInFactorUnit * factor.kgCo2ePerUnit };
}
