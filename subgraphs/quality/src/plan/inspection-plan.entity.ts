// An inspection plan: what to measure on a product at one trigger point, and how big a sample to draw.
// Plans are versioned: a new plan for the same product and trigger becomes the active version and the
// previous one stays, inactive, for the inspections recorded against it.
import { Entity, Enum, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { OwnedEntity } from '@cmgraph/platform';
import { InspectionTrigger, SamplingMethod } from './plan.enums';

@Directive('@key(fields: "id")')
@ObjectType()
@Entity()
@Unique({ properties: ['productId', 'trigger', 'version'] })
export class InspectionPlan extends OwnedEntity<'active' | 'aql' | 'samplePercent'> {
  @Field()
  @Property()
  name!: string;

  /** The inventory-owned Product inspected, exposed as `product`. */
  @Property({ type: 'uuid' })
  productId!: string;

  @Field(() => InspectionTrigger)
  @Enum({ items: () => InspectionTrigger })
  trigger!: InspectionTrigger;

  @Field(() => Int, { description: '1 for the first plan of a product and trigger, then 2, 3, …' })
  @Property({ type: 'int' })
  version!: number;

  @Field({ description: 'Only the newest version of a product and trigger is active; new inspections use active plans only.' })
  @Property()
  active: boolean = true;

  @Field(() => SamplingMethod)
  @Enum({ items: () => SamplingMethod })
  samplingMethod!: SamplingMethod;

  @Field(() => Float, { nullable: true, description: 'Acceptance quality limit in percent defective (AQL sampling).' })
  @Property({ type: 'double', nullable: true })
  aql: number | null = null;

  @Field(() => Float, { nullable: true, description: 'Share of the lot to inspect, in percent (PERCENT sampling).' })
  @Property({ type: 'double', nullable: true })
  samplePercent: number | null = null;
}

@ObjectType({ description: 'One measured property of a plan, with its tolerance: a reading passes when lowerLimit ≤ value ≤ upperLimit in `unit`.' })
@Entity()
@Unique({ properties: ['plan', 'name'] })
export class InspectionCharacteristic extends OwnedEntity<'nominal' | 'lowerLimit' | 'upperLimit'> {
  @ManyToOne(() => InspectionPlan)
  plan!: InspectionPlan;

  @Field({ description: 'Unique within the plan, e.g. "Outer diameter".' })
  @Property()
  name!: string;

  @Field(() => Float, { nullable: true, description: 'Target value, in `unit`.' })
  @Property({ type: 'double', nullable: true })
  nominal: number | null = null;

  @Field(() => Float, { nullable: true, description: 'Lowest acceptable value, in `unit`; null = no lower limit.' })
  @Property({ type: 'double', nullable: true })
  lowerLimit: number | null = null;

  @Field(() => Float, { nullable: true, description: 'Highest acceptable value, in `unit`; null = no upper limit.' })
  @Property({ type: 'double', nullable: true })
  upperLimit: number | null = null;

  @Field({ description: 'Unit of nominal and limits, e.g. MM, G, V, OHM, NM.' })
  @Property({ length: 10 })
  unit!: string;
}

