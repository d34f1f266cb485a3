// The sustainability subgraph: emission factors; activity, energy, waste, water and production output
// records of facilities; product footprints (PACT v3); and the environmental KPIs it contributes to
// Supplier, Facility, Product, Shipment and SupplierScorecard; emissions budgets, whose crossing is an
// event; the carbon report.
import { maybeLoad, type SubgraphDefinition } from '@cmgraph/platform';
import { createLoaders, type Loaders } from './loaders';
import { EmissionFactor } from './factor/emission-factor.entity';
import { EmissionFactorResolver } from './factor/emission-factor.resolver';
import { ActivityRecord } from './activity/activity-record.entity';
import { ActivityRecordResolver } from './activity/activity.resolver';
import { EnergyRecord } from './energy/energy-record.entity';
import { EnergyRecordResolver } from './energy/energy.resolver';
import { WasteRecord } from './waste/waste-record.entity';
import { WasteRecordResolver } from './waste/waste.resolver';
import { WaterRecord } from './water/water-record.entity';
import { WaterRecordResolver } from './water/water.resolver';
import { ProductionOutputRecord } from './output/production-output.entity';
import { ProductionOutputResolver } from './output/production-output.resolver';
import { ProductFootprint } from './footprint/product-footprint.entity';
import { ProductFootprintContributionResolver, ProductFootprintResolver } from './footprint/footprint.resolver';
import { EmissionsResolver } from './kpi/emissions.resolver';
import { EmissionsBudget } from './budget/emissions-budget.entity';
import { EmissionsBudgetResolver } from './budget/emissions-budget.resolver';
import { FacilityContributionResolver } from './contributions/facility.resolver';
import { SupplierContributionResolver } from './contributions/supplier.resolver';
import { ShipmentTransportResolver } from './shipment/shipment.resolver';
import { Shipment } from './shipment/shipment.reference';
import { Facility, Product, Supplier } from './references/external.reference';
import { SupplierScorecard, scorecardByKey } from './scorecard/supplier-scorecard.reference';
import { SupplierScorecardSustainabilityResolver } from './scorecard/supplier-scorecard.resolver';
import { CarbonReportResolver } from './report/carbon-report.resolver';
import { ActivityRollup, OutputRollup } from './rollup/rollup.entity';
import { migrations } from './migrations';
import type { Context } from './context';

export { seed } from './seed';

export const sustainability: SubgraphDefinition<Loaders> = {
  name: 'sustainability',
  port: 4006,
  entities: [
    EmissionFactor, ActivityRecord, EnergyRecord, WasteRecord, WaterRecord, ProductionOutputRecord, ProductFootprint, EmissionsBudget,
    ActivityRollup, OutputRollup,
  ],
  migrations,
  resolvers: [
    EmissionFactorResolver,
    ActivityRecordResolver,
    EnergyRecordResolver,
    WasteRecordResolver,
    WaterRecordResolver,
    ProductionOutputResolver,
    ProductFootprintResolver,
    ProductFootprintContributionResolver,
    EmissionsResolver,
    EmissionsBudgetResolver,
    FacilityContributionResolver,
    SupplierContributionResolver,
    ShipmentTransportResolver,
    SupplierScorecardSustainabilityResolver,
    CarbonReportResolver,
  ],
  orphanedTypes: [Facility, Supplier, Product, Shipment, SupplierScorecard],
  references: {
    EmissionFactor: (ref, ctx: Context) => maybeLoad(ctx.loaders.emissionFactor, String(ref.id)),
    EmissionsBudget: (ref, ctx: Context) => maybeLoad(ctx.loaders.emissionsBudget, String(ref.id)),
    // Any id resolves: the fields contributed here answer "no data" for an id without records — for a
    // partner, without records of its own (every KPI statement is confined to its supplier).
    Facility: (ref) => ({ id: ref.id }),
    Supplier: (ref) => ({ id: ref.id }),
    Product: (ref) => ({ id: ref.id }),
    // The representation carries what @requires asked orders for: mode, grossWeightKg, distanceKm.
    Shipment: (ref) => ref,
    // Any supplier and period resolves (no records: null figures); the kit refuses a partner another supplier's.
    SupplierScorecard: scorecardByKey,
  },
  createLoaders,
  referenceOwners: { Facility: 'suppliers', Supplier: 'suppliers', Product: 'inventory', Shipment: 'orders' },
};
