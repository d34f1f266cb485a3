// Lot is owned by inventory. Shipment lines carry lot numbers (what an ASN names), not inventory's lot
// ids, so `Lot.shipmentLines` asks the gateway for the lot's number and product first (@requires).
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Product } from '../references/external.reference';

@Directive('@key(fields: "id")')
@ObjectType()
export class Lot {
  @Field(() => ID)
  id!: string;

  @Directive('@external')
  @Field(() => String)
  lotNumber?: string;

  @Directive('@external')
  @Field(() => Product)
  product?: Product;
}
