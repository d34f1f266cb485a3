// The service-level agreement with a supplier: the targets its scorecard is measured against.
import { Entity, OneToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { OwnedEntity, PartnerScoped } from '@cmgraph/platform';
import { Supplier } from '../supplier/supplier.entity';

@PartnerScoped((supplierId) => ({ supplier: supplierId }))
@ObjectType()
@Entity()
export class Sla extends OwnedEntity {
  @OneToOne(() => Supplier, { owner: true, unique: true })
  supplier!: Supplier;

  @Field({ description: 'On-time-in-full target as a fraction, e.g. 0.95.' })
  @Property({ type: 'double' })
  otifTarget!: number;

  @Field({ description: 'Defective parts per million target.' })
  @Property({ type: 'double' })
  ppmTarget!: number;

  @Field(() => Int, { description: 'Maximum line changeover time in minutes.' })
  @Property()
  maxChangeoverMinutes!: number;

  @Field(() => Int, { description: 'Maximum hours to respond to a PO or a quality notice.' })
  @Property()
  maxResponseHours!: number;
}
