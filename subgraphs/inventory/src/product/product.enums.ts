// How a product is counted and traced.
import { registerEnumType } from 'type-graphql';

/** Units of measure as UN/ECE Recommendation 20 style short codes (the common subset). */
export enum UnitOfMeasure {
  EA = 'EA',
  PR = 'PR',
  SET = 'SET',
  PK = 'PK',
  BX = 'BX',
  KG = 'KG',
  G = 'G',
  T = 'T',
  M = 'M',
  CM = 'CM',
  MM = 'MM',
  M2 = 'M2',
  M3 = 'M3',
  L = 'L',
  ML = 'ML',
}

export enum Tracking {
  NONE = 'NONE',
  LOT = 'LOT',
  SERIAL = 'SERIAL',
}

registerEnumType(UnitOfMeasure, { name: 'UnitOfMeasure', description: 'EA = each, PR = pair, PK = pack, BX = box; the rest are SI units.' });
registerEnumType(Tracking, {
  name: 'Tracking',
  description: 'NONE = quantities only; LOT = every receipt and issue names a lot; SERIAL = one unit per serial number.',
});
