// An inspection of one lot against one plan, at a receipt, a shipment or a work order, and its readings.
import { Entity, Enum, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { OwnedEntity, PartnerScoped } from '@cmgraph/platform';
import { InspectionCharacteristic, InspectionPlan } from '../plan/inspection-plan.entity';
import { InspectionTrigger } from '../plan/plan.enums';
import { InspectionResult } from './inspection.enums';
// The two entities refer to each other; the relation's target is resolved lazily, so the import cycle is harmless.
import { NonConformance } from '../non-conformance/non-conformance.entity';

type Defaulted = 'receiptId' | 'workOrderId' | 'shipmentId' | 'supplierId' | 'nonConformance';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'Quantities are in the product\'s unit of measure (Product.uom).' })
@Entity()
// A partner sees the inspections of the lots it made (an inspection without a supplier is the brand's).
@PartnerScoped()
// The KPI statements scan a supplier's or a product's inspections by date, the quality report a period's.
@Index({ properties: ['supplierId', 'inspectedAt'] })
@Index({ properties: ['productId', 'inspectedAt'] })
@Index({ properties: ['inspectedAt'] })
@Index({ properties: ['lotId', 'plan'] })
export class Inspection extends OwnedEntity<Defaulted> {
  @ManyToOne(() => InspectionPlan, { index: true })
  plan!: InspectionPlan;

  @Field(() => InspectionTrigger, { description: 'The plan\'s trigger, kept with the inspection.' })
  @Enum({ items: () => InspectionTrigger })
  trigger!: InspectionTrigger;

  /** The inventory-owned Lot inspected, exposed as `lot`. */
  @Property({ type: 'uuid' })
  lotId!: string;

  /** The lot's product (the plan's), exposed as `product`. */
  @Property({ type: 'uuid' })
  productId!: string;

  /** The supplier that made the lot, as its owner said when the inspection was recorded. */
  @Property({ type: 'uuid', nullable: true })
  supplierId: string | null = null;

  @Property({ type: 'uuid', nullable: true, index: true })
  receiptId: string | null = null;

  @Property({ type: 'uuid', nullable: true, index: true })
  workOrderId: string | null = null;

  @Property({ type: 'uuid', nullable: true, index: true })
  shipmentId: string | null = null;

  @Field(() => Float, { description: 'Units in the lot.' })
  @Property({ type: 'double' })
  lotSize!: number;

  @Field(() => Int, { description: 'Units the plan requires to inspect for this lot size.' })
  @Property({ type: 'int' })
  sampleSize!: number;

  @Field(() => Int, { description: 'Most defective units the sample may hold and the lot still pass.' })
  @Property({ type: 'int' })
  acceptanceNumber!: number;

  @Field(() => Float)
  @Property({ type: 'double' })
  quantityInspected!: number;

  @Field(() => Float, { description: 'Defective units found.' })
  @Property({ type: 'double' })
  quantityRejected!: number;

  @Field(() => InspectionResult)
  @Enum({ items: () => InspectionResult })
  result!: InspectionResult;

  @Field({ description: 'True for the first inspection of this lot against this plan; re-inspections (after rework or sorting) are false.' })
  @Property()
  firstPass!: boolean;

  @Field()
  @Property({ type: 'timestamptz' })
  inspectedAt!: Date;

  /**
   * For a failed inspection, the non-conformance it is recorded under: the one it opened, or the one
   * already open for the lot (a failure does not open a second one). Exposed as `nonConformance`.
   */
  @ManyToOne(() => NonConformance, { nullable: true, index: true })
  nonConformance: NonConformance | null = null;
}

@ObjectType({ description: 'One measurement of a characteristic, judged against its limits.' })
@Entity()
@PartnerScoped((supplierId) => ({ inspection: { supplierId } }))
export class InspectionReading extends OwnedEntity {
  @ManyToOne(() => Inspection, { index: true })
  inspection!: Inspection;

  @ManyToOne(() => InspectionCharacteristic, { index: true })
  characteristic!: InspectionCharacteristic;

  @Field(() => Float, { description: 'As measured, in `unit`.' })
  @Property({ type: 'double' })
  value!: number;

  @Field()
  @Property({ length: 10 })
  unit!: string;

  @Field(() => Float, { description: 'The value converted exactly to the characteristic\'s unit.' })
  @Property({ type: 'double' })
  valueInCharacteristicUnit!: number;

  @Field()
  @Property()
  withinLimits!: boolean;
}
