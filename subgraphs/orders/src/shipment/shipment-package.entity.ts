// A handling unit of a shipment (pallet, carton), identified by its GS1 SSCC label.
import { DecimalType } from '@mikro-orm/core';
import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Float, ObjectType } from 'type-graphql';
import { OwnedEntity, PartnerScoped } from '@cmgraph/platform';
import { Shipment } from './shipment.entity';

@ObjectType()
@Entity()
// A partner sees the packages of its own shipments.
@PartnerScoped((supplierId) => ({ shipment: { supplierId } }))
export class ShipmentPackage extends OwnedEntity {
  @ManyToOne(() => Shipment, { index: true })
  shipment!: Shipment;

  @Field({ description: 'Serial Shipping Container Code: 18 digits, GS1 mod-10 check digit. Unique worldwide.' })
  @Property({ length: 18 })
  @Unique()
  sscc!: string;

  @Field(() => Float)
  @Property({ type: new DecimalType('number'), precision: 12, scale: 3 })
  weightKg!: number;
}
