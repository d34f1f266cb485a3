// A corrective action (8D) against a supplier for one or more non-conformances, with its eight steps.
import { Entity, Enum, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { OwnedEntity, PartnerScoped } from '@cmgraph/platform';
import { NonConformance } from '../non-conformance/non-conformance.entity';
import { CorrectiveActionStatus } from './corrective-action.enums';

@Directive('@key(fields: "id")')
@ObjectType()
@Entity()
@PartnerScoped()
export class CorrectiveAction extends OwnedEntity<'status' | 'closedAt'> {
  @Field({ description: 'e.g. "CA-0000007", numbered without gaps.' })
  @Property({ length: 20 })
  @Unique()
  number!: string;

  @Field()
  @Property()
  title!: string;

  /** The suppliers-owned Supplier asked to act, exposed as `supplier`. */
  @Property({ type: 'uuid', index: true })
  supplierId!: string;

  @Field({ description: 'Who drives the 8D (person or role).' })
  @Property()
  owner!: string;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date', index: true })
  dueDate!: string;

  @Field(() => CorrectiveActionStatus)
  @Enum({ items: () => CorrectiveActionStatus, index: true })
  status: CorrectiveActionStatus = CorrectiveActionStatus.OPEN;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  closedAt: Date | null = null;
}

@ObjectType({ description: 'One of the eight disciplines of an 8D, D1 to D8.' })
@Entity()
@PartnerScoped((supplierId) => ({ correctiveAction: { supplierId } }))
@Unique({ properties: ['correctiveAction', 'step'] })
export class CorrectiveActionStep extends OwnedEntity<'text' | 'completedAt'> {
  @ManyToOne(() => CorrectiveAction)
  correctiveAction!: CorrectiveAction;

  @Field(() => Int, { description: '1 to 8.' })
  @Property({ type: 'smallint' })
  step!: number;

  @Field({ description: 'e.g. "Find the root cause" for D4.' })
  @Property()
  title!: string;

  @Field(() => String, { nullable: true, description: 'What was found or done.' })
  @Property({ type: 'text', nullable: true })
  text: string | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  completedAt: Date | null = null;
}

/** Which non-conformances a corrective action addresses (many to many). */
@Entity()
@PartnerScoped((supplierId) => ({ correctiveAction: { supplierId } }))
@Unique({ properties: ['correctiveAction', 'nonConformance'] })
export class CorrectiveActionNonConformance extends OwnedEntity {
  @ManyToOne(() => CorrectiveAction)
  correctiveAction!: CorrectiveAction;

  @ManyToOne(() => NonConformance, { index: true })
  nonConformance!: NonConformance;
}
