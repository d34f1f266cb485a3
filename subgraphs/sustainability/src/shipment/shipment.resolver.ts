// `Shipment.transportCo2eKg`, from the fields the gateway brought from orders.
import { Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Shipment } from './shipment.reference';
import { FREIGHT_FACTOR, tonneKm, transportCo2eKg } from './transport';
import { convert } from '../units';

@Resolver(() => Shipment)
export class ShipmentTransportResolver {
  @FieldResolver(() => Float, { nullable: true })
  async transportCo2eKg(@Root() shipment: Shipment, @Ctx() ctx: Context): Promise<number | null> {
    const tkm = tonneKm(shipment.grossWeightKg, shipment.distanceKm);
    const activityType = FREIGHT_FACTOR[shipment.mode];
    if (tkm === null || !activityType) return null;
    const factor = await ctx.loaders.freightFactor.load(activityType);
    // A factor per tkm, or per any unit of freight work, converts exactly.
    return transportCo2eKg(tkm, factor ? factor.kgCo2ePerUnit / convert(1, factor.unit, 'tkm', 'unit') : null);
  }
}
