// What every record of a facility's environmental data shares: the facility (suppliers' Facility),
// its supplier and country as the owner reported them when the record was written, and the period.
import { Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { OwnedEntity } from '@cmgraph/platform';
import { Facility, Supplier } from '../references/external.reference';

@ObjectType()
export abstract class FacilityRecord<Defaulted extends string = never> extends OwnedEntity<Defaulted | 'facility' | 'supplier'> {
  /** Facility (owned by suppliers); exposed as `facility`. Indexed with the period by each record table. */
  @Property({ type: 'uuid' })
  facilityId!: string;

  /** The facility's supplier when the record was written; exposed as `supplier`. */
  @Property({ type: 'uuid' })
  supplierId!: string;

  @Field({ description: "The facility's ISO country code when the record was written (it chose the factors)." })
  @Property({ length: 2 })
  country!: string;

  @Field(() => LocalDateResolver, { description: 'First day of the period, inclusive.' })
  @Property({ type: 'date' })
  periodStart!: string;

  @Field(() => LocalDateResolver, { description: 'Day after the last day of the period (exclusive), e.g. 2026-02-01 for January.' })
  @Property({ type: 'date' })
  periodEnd!: string;

  @Field(() => Facility)
  get facility(): Facility {
    return { id: this.facilityId };
  }

  @Field(() => Supplier)
  get supplier(): Supplier {
    return { id: this.supplierId };
  }
}
