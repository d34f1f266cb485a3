// What quality contributes to Lot (inventory) and Shipment (orders): inspections, non-conformances,
// the latest disposition, and a shipment's incoming inspection.
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { isId } from '@cmgraph/platform';
import type { Context } from '../context';
import { Lot, Shipment } from '../references/contributed.reference';
import { Inspection } from '../inspection/inspection.entity';
import { NonConformance } from '../non-conformance/non-conformance.entity';
import { NonConformanceDisposition } from '../non-conformance/non-conformance.enums';

@Resolver(() => Lot)
export class LotQualityResolver {
  @FieldResolver(() => [Inspection], { description: 'Inspections of this lot, oldest first.' })
  inspections(@Root() lot: Lot, @Ctx() ctx: Context): Promise<Inspection[]> | Inspection[] {
    return isId(lot.id) ? ctx.loaders.inspectionsByLot.load(lot.id) : [];
  }

  @FieldResolver(() => [NonConformance], { description: 'Non-conformances on this lot, oldest first.' })
  nonConformances(@Root() lot: Lot, @Ctx() ctx: Context): Promise<NonConformance[]> | NonConformance[] {
    return isId(lot.id) ? ctx.loaders.nonConformancesByLot.load(lot.id) : [];
  }

  @FieldResolver(() => NonConformanceDisposition, { nullable: true, description: 'The most recent disposition of a non-conformance on this lot; null when none was dispositioned.' })
  async disposition(@Root() lot: Lot, @Ctx() ctx: Context): Promise<NonConformanceDisposition | null> {
    if (!isId(lot.id)) return null;
    const [latest] = await ctx.loaders.dispositionedByLot.load(lot.id);
    return latest?.disposition ?? null;
  }
}

@Resolver(() => Shipment)
export class ShipmentQualityResolver {
  @FieldResolver(() => Inspection, { nullable: true, description: 'The latest INCOMING inspection recorded against this shipment.' })
  async incomingInspection(@Root() shipment: Shipment, @Ctx() ctx: Context): Promise<Inspection | null> {
    if (!isId(shipment.id)) return null;
    const [latest] = await ctx.loaders.incomingInspectionsByShipment.load(shipment.id);
    return latest ?? null;
  }
}
