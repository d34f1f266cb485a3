// Transport emissions of a shipment from tonne-km and the freight factor of its mode (pure).
import { ActivityType } from '../factor/emission-factor.enums';
import { TransportMode } from './shipment.reference';

export const FREIGHT_FACTOR: Record<TransportMode, ActivityType> = {
  [TransportMode.ROAD]: ActivityType.FREIGHT_ROAD,
  [TransportMode.RAIL]: ActivityType.FREIGHT_RAIL,
  [TransportMode.SEA]: ActivityType.FREIGHT_SEA,
  [TransportMode.AIR]: ActivityType.FREIGHT_AIR,
  // Parcels travel by van and truck: the road factor is the honest approximation.
  [TransportMode.PARCEL]: ActivityType.FREIGHT_ROAD,
};

/** Tonne-kilometres; null when the weight or the distance is unknown. */
export function tonneKm(grossWeightKg: number | null | undefined, distanceKm: number | null | undefined): number | null {
  if (grossWeightKg === null || grossWeightKg === undefined || distanceKm === null || distanceKm === undefined) return null;
  return (grossWeightKg / 1000) * distanceKm;
}

export function transportCo2eKg(tkm: number | null, kgPerTkm: number | null): number | null {
  return tkm === null || kgPerTkm === null ? null : tkm * kgPerTkm;
}
