// A milestone in a shipment's journey, as reported by the carrier or the supplier.
import { Entity, Enum, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { OwnedEntity, PartnerScoped } from '@cmgraph/platform';
import { Shipment } from './shipment.entity';
import { MilestoneType } from './shipment.enums';

@ObjectType()
@Entity()
// A partner sees the milestones of its own shipments.
@PartnerScoped((supplierId) => ({ shipment: { supplierId } }))
export class ShipmentEvent extends OwnedEntity {
  @ManyToOne(() => Shipment, { index: true })
  shipment!: Shipment;

  @Field(() => MilestoneType)
  @Enum({ items: () => MilestoneType })
  type!: MilestoneType;

  @Field()
  @Property({ type: 'timestamptz' })
  occurredAt!: Date;

  @Field(() => String, { nullable: true, description: 'Where it happened, free text (e.g. "Port of Rotterdam").' })
  @Property({ type: 'text', nullable: true })
  location?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note?: string | null;
}
