// A supplier audit: announced or unannounced, its findings and score.
import { Entity, Enum, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { OwnedEntity, PartnerScoped } from '@cmgraph/platform';
import { Supplier } from '../supplier/supplier.entity';
import { Facility } from '../facility/facility.entity';

export enum AuditKind {
  ANNOUNCED = 'ANNOUNCED',
  UNANNOUNCED = 'UNANNOUNCED',
}
registerEnumType(AuditKind, { name: 'AuditKind' });

@PartnerScoped((supplierId) => ({ supplier: supplierId }))
@ObjectType()
@Entity()
export class Audit extends OwnedEntity<'majorFindings' | 'minorFindings'> {
  @ManyToOne(() => Supplier, { index: true })
  supplier!: Supplier;

  @ManyToOne(() => Facility, { nullable: true })
  facility?: Facility | null;

  @Field(() => AuditKind)
  @Enum({ items: () => AuditKind })
  kind!: AuditKind;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  auditDate!: string;

  @Field()
  @Property()
  auditor!: string;

  @Field(() => Int, { description: 'Major non-conformities found.' })
  @Property()
  majorFindings: number = 0;

  @Field(() => Int, { description: 'Minor non-conformities found.' })
  @Property()
  minorFindings: number = 0;

  @Field({ description: 'Overall score, 0–100.' })
  @Property({ type: 'double' })
  score!: number;
}
