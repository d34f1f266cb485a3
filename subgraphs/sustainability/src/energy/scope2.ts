// Scope 2 of an electricity reading, both ways the GHG Protocol asks for. Location-based: every kWh at
// the grid average of the facility's country. Market-based: renewable kWh backed by certificates
// (GOs, RECs, I-RECs) count zero; every other kWh at the grid factor. Fuels are not scope 2 at all.
import { AppError } from '@cmgraph/platform';
import { ELECTRICITY, EnergySource, RENEWABLE } from './energy.enums';

export interface Scope2 {
  locationBasedKg: number;
  marketBasedKg: number;
}

export function scope2Of(source: EnergySource, kwh: number, certificates: boolean, gridKgPerKwh: number | null): Scope2 {
  if (!ELECTRICITY.has(source)) return { locationBasedKg: 0, marketBasedKg: 0 };
  if (gridKgPerKwh === null) throw new Error('an electricity reading needs its grid factor');
  const locationBasedKg = kwh * gridKgPerKwh;
  return { locationBasedKg, marketBasedKg: RENEWABLE.has(source) && certificates ? 0 : locationBasedKg };
}

/** Certificates only ever back renewable electricity. */
export function requireCertificatesFit(source: EnergySource, certificates: boolean): void {
  if (certificates && !RENEWABLE.has(source)) throw AppError.badInput('certificates', `${source} is not renewable and carries no certificates`);
}
