// What `shipmentUpdated` delivers: one change to a shipment from the orders event log, with the cursor
// to resume after it and the shipment as it is now (resolved fresh for every event).
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { MilestoneType, ShipmentChange, ShipmentStatus } from '../shipment/shipment.enums';

@ObjectType({ description: 'One change to a shipment, in the order the orders subgraph recorded it.' })
export class ShipmentUpdate {
  @Field({ description: 'Opaque position in the event log: pass it as `after` to resume right after this event.' })
  cursor!: string;

  @Field(() => ID, { description: 'The event\'s id; the same change always has the same id, also when replayed.' })
  eventId!: string;

  @Field(() => ShipmentChange)
  change!: ShipmentChange;

  @Field({ description: 'When the change was recorded.' })
  occurredAt!: Date;

  @Field(() => ShipmentStatus, { description: 'The shipment\'s status right after this change.' })
  status!: ShipmentStatus;

  @Field(() => MilestoneType, { nullable: true, description: 'The milestone recorded, for MILESTONE changes (and the STATUS/ETA changes it caused).' })
  milestone!: MilestoneType | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'The expected day of arrival right after this change.' })
  eta!: string | null;

  /** Resolves `shipment`. */
  shipmentId!: string;
}

@InputType({ description: 'Every condition given must hold; none given: every shipment update.' })
export class ShipmentUpdateFilter {
  @Field(() => ID, { nullable: true })
  supplierId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Updates of shipments with at least one line on this order.' })
  purchaseOrderId?: string | null;

  @Field(() => [ShipmentStatus], { nullable: true, description: 'Updates that leave the shipment in one of these statuses.' })
  statuses?: ShipmentStatus[] | null;
}
