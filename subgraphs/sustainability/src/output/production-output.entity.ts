// Good units a facility produced over a period: the denominator of carbon intensity.
import { Entity, Index, Property } from '@mikro-orm/decorators/legacy';
import { Field, Float, ObjectType } from 'type-graphql';
import { PartnerScoped } from '@cmgraph/platform';
import { FacilityRecord } from '../records/facility-record.entity';
import { Product } from '../references/external.reference';
import { OUTPUT_ROLLUP, RollupTriggers } from '../rollup/rollup.triggers';

@ObjectType({
  description:
    'Good units produced at a facility over a period, the denominator of carbon intensity. Recorded through ' +
    'recordProductionOutput for now; production events will feed it once the production subgraph publishes them.',
})
@Entity()
@PartnerScoped() // a partner sees its own supplier's rows only
@Index({ properties: ['facilityId', 'periodStart'] })
@Index({ properties: ['supplierId', 'periodStart'] })
@RollupTriggers(OUTPUT_ROLLUP) // output_rollup: what KPIs and reports sum
export class ProductionOutputRecord extends FacilityRecord<'product'> {
  /** Product (owned by inventory), when the output is of one product; exposed as `product`. */
  @Property({ type: 'uuid', nullable: true, index: true })
  productId?: string | null;

  @Field(() => Float, { description: 'Units that passed, in the product\'s unit of measure.' })
  @Property({ type: 'double' })
  goodUnits!: number;

  @Field(() => Product, { nullable: true })
  get product(): Product | null {
    return this.productId ? { id: this.productId } : null;
  }
}
