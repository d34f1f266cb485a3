// A management-system or product certificate held by a supplier (optionally for one facility).
import { Entity, Enum, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { OwnedEntity, PartnerScoped } from '@cmgraph/platform';
import { Supplier } from '../supplier/supplier.entity';
import { Facility } from '../facility/facility.entity';

export enum CertificationStandard {
  ISO_9001 = 'ISO_9001',
  IATF_16949 = 'IATF_16949',
  ISO_13485 = 'ISO_13485',
  ISO_14001 = 'ISO_14001',
  ISO_45001 = 'ISO_45001',
  ISO_50001 = 'ISO_50001',
  AS9100 = 'AS9100',
}
registerEnumType(CertificationStandard, { name: 'CertificationStandard' });

@PartnerScoped((supplierId) => ({ supplier: supplierId }))
@ObjectType()
@Entity()
export class Certification extends OwnedEntity<'expiryNotifiedFor'> {
  @ManyToOne(() => Supplier, { index: true })
  supplier!: Supplier;

  @ManyToOne(() => Facility, { nullable: true })
  facility?: Facility | null;

  @Field(() => CertificationStandard)
  @Enum({ items: () => CertificationStandard })
  standard!: CertificationStandard;

  @Field({ description: 'Certificate number as printed by the issuer.' })
  @Property()
  number!: string;

  @Field({ description: 'Certification body, e.g. "TÜV SÜD".' })
  @Property()
  issuer!: string;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  validFrom!: string;

  @Field(() => LocalDateResolver, { description: 'Last day of validity (inclusive).' })
  @Property({ type: 'date', index: true })
  validUntil!: string;

  /**
   * The expiry date `certification.expiring` was last raised for: the job raises once per certificate and
   * expiry date, so a re-run raises nothing new and a renewal (a new validUntil) can raise again.
   */
  @Property({ type: 'date', nullable: true })
  expiryNotifiedFor: string | null = null;
}
