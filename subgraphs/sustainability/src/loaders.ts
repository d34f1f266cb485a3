// The sustainability subgraph's DataLoaders, created per request: factors by id, footprints by
// product, and each KPI family as one statement for every (owner, window) a request asks about — the
// supplier scorecard's figures too.
import type { EntityManager } from '@mikro-orm/postgresql';
import { childrenLoader, rowLoader } from '@cmgraph/platform';
import { EmissionFactor } from './factor/emission-factor.entity';
import { EmissionsBudget } from './budget/emissions-budget.entity';
import { freightFactorLoader } from './factor/freight-factor.loader';
import { ProductFootprint } from './footprint/product-footprint.entity';
import { FootprintStatus } from './footprint/footprint.enums';
import { emissionsLoader } from './kpi/emissions.query';
import { energyLoader } from './kpi/energy.query';
import { wasteLoader } from './kpi/waste.query';
import { waterLoader } from './kpi/water.query';
import { scorecardLoader } from './scorecard/supplier-scorecard.query';

export function createLoaders(em: EntityManager) {
  return {
    emissionFactor: rowLoader(em, EmissionFactor),
    emissionsBudget: rowLoader(em, EmissionsBudget),
    freightFactor: freightFactorLoader(em),
    activeFootprintsByProduct: childrenLoader(em, ProductFootprint, 'productId', { status: FootprintStatus.ACTIVE }, { version: 'desc' }),
    emissions: emissionsLoader(em),
    energy: energyLoader(em),
    waste: wasteLoader(em),
    water: waterLoader(em),
    scorecard: scorecardLoader(em),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
