// A non-conformance: material of one lot that does not meet its requirements, from finding to closure.
import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Directive, Field, Float, ObjectType } from 'type-graphql';
import { OwnedEntity, PartnerScoped } from '@cmgraph/platform';
import { Inspection } from '../inspection/inspection.entity';
import { DefectCode } from '../defect/defect-code.entity';
import { NonConformanceDisposition, NonConformanceSeverity, NonConformanceStatus } from './non-conformance.enums';

type Defaulted = 'status' | 'supplierId' | 'inspection' | 'defectCode' | 'disposition' | 'dispositionedBy' | 'dispositionedAt'
  | 'rootCause' | 'description' | 'closedAt' | 'openedAt';

@Directive('@key(fields: "id")')
@ObjectType()
@Entity()
@PartnerScoped()
@Index({ properties: ['supplierId', 'status'] })
// The quality report counts the non-conformances opened in a period.
@Index({ properties: ['openedAt'] })
export class NonConformance extends OwnedEntity<Defaulted> {
  @Field({ description: 'e.g. "NC-0000042", numbered without gaps.' })
  @Property({ length: 20 })
  @Unique()
  number!: string;

  /** The inventory-owned Lot, exposed as `lot`. */
  @Property({ type: 'uuid', index: true })
  lotId!: string;

  /** The lot's product, exposed as `product`. */
  @Property({ type: 'uuid', index: true })
  productId!: string;

  /** The supplier that made the lot, exposed as `supplier`. */
  @Property({ type: 'uuid', nullable: true })
  supplierId: string | null = null;

  @ManyToOne(() => Inspection, { nullable: true, index: true })
  inspection: Inspection | null = null;

  @ManyToOne(() => DefectCode, { nullable: true, index: true })
  defectCode: DefectCode | null = null;

  @Field(() => Float, { description: 'Non-conforming units, in the product\'s unit of measure.' })
  @Property({ type: 'double' })
  quantity!: number;

  @Field(() => NonConformanceSeverity)
  @Enum({ items: () => NonConformanceSeverity })
  severity!: NonConformanceSeverity;

  @Field(() => NonConformanceStatus)
  @Enum({ items: () => NonConformanceStatus, index: true })
  status: NonConformanceStatus = NonConformanceStatus.OPEN;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Field(() => NonConformanceDisposition, { nullable: true })
  @Enum({ items: () => NonConformanceDisposition, nullable: true })
  disposition: NonConformanceDisposition | null = null;

  @Field(() => String, { nullable: true, description: 'Who decided the disposition.' })
  @Property({ type: 'text', nullable: true })
  dispositionedBy: string | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  dispositionedAt: Date | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  rootCause: string | null = null;

  @Field()
  @Property({ type: 'timestamptz' })
  openedAt: Date = new Date();

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  closedAt: Date | null = null;
}
