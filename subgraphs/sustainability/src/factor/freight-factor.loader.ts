// The GLOBAL freight factor of the latest year per activity type, for shipments (whose date and
// route are not part of what orders hands over); one statement for all modes of a request.
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { EmissionFactor } from './emission-factor.entity';
import type { ActivityType } from './emission-factor.enums';
import { GLOBAL } from './factor-matching';

export function freightFactorLoader(em: EntityManager): DataLoader<ActivityType, EmissionFactor | null> {
  return new DataLoader<ActivityType, EmissionFactor | null>(async (types) => {
    const factors = await em.find(EmissionFactor, { activityType: { $in: [...types] }, region: GLOBAL }, { orderBy: { year: 'desc' } });
    return types.map((type) => factors.find((f) => f.activityType === type) ?? null);
  });
}
