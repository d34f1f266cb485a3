// Shipment is owned by orders; this subgraph adds its transport emissions, computed from three fields
// orders owns (@requires): the gateway fetches them from orders first and hands them over in the
// representation, so no table of orders is ever read here.
import { Directive, Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';

/** Orders' enum, declared identically: value types shared across subgraphs must agree. */
export enum TransportMode {
  ROAD = 'ROAD',
  RAIL = 'RAIL',
  SEA = 'SEA',
  AIR = 'AIR',
  PARCEL = 'PARCEL',
}
registerEnumType(TransportMode, { name: 'TransportMode' });

@Directive('@key(fields: "id")')
@ObjectType()
export class Shipment {
  @Field(() => ID)
  id!: string;

  @Directive('@external')
  @Field(() => TransportMode)
  mode!: TransportMode;

  @Directive('@external')
  @Field(() => Float, { nullable: true })
  grossWeightKg?: number | null;

  @Directive('@external')
  @Field(() => Float, { nullable: true })
  distanceKm?: number | null;

  @Directive('@requires(fields: "mode grossWeightKg distanceKm")')
  @Field(() => Float, {
    nullable: true,
    description:
      'Transport emissions, kgCO2e: grossWeightKg ÷ 1000 × distanceKm (tonne-km) × the GLOBAL FREIGHT_<mode> factor of the ' +
      'latest year (PARCEL as ROAD); null when the weight or the distance is unknown, or no factor exists.',
  })
  transportCo2eKg?: number | null;
}
