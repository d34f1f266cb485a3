// What happens to waste, and which treatments divert it from disposal.
import { registerEnumType } from 'type-graphql';
import { ActivityType } from '../factor/emission-factor.enums';

export enum WasteTreatment {
  REUSE = 'REUSE',
  RECYCLE = 'RECYCLE',
  RECOVERY = 'RECOVERY',
  INCINERATION = 'INCINERATION',
  LANDFILL = 'LANDFILL',
}

/** Reuse, recycling and (energy/material) recovery keep waste out of disposal. */
export const DIVERTED: ReadonlySet<WasteTreatment> = new Set([WasteTreatment.REUSE, WasteTreatment.RECYCLE, WasteTreatment.RECOVERY]);

/** The emission factor each treatment is converted by (scope 3, category 5: waste generated in operations). */
export const TREATMENT_FACTOR: Record<WasteTreatment, ActivityType> = {
  [WasteTreatment.REUSE]: ActivityType.WASTE_REUSE,
  [WasteTreatment.RECYCLE]: ActivityType.WASTE_RECYCLE,
  [WasteTreatment.RECOVERY]: ActivityType.WASTE_RECOVERY,
  [WasteTreatment.INCINERATION]: ActivityType.WASTE_INCINERATION,
  [WasteTreatment.LANDFILL]: ActivityType.WASTE_LANDFILL,
};

registerEnumType(WasteTreatment, { name: 'WasteTreatment', description: 'REUSE, RECYCLE and RECOVERY count as diverted from disposal.' });
