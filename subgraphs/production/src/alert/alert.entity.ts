// An alert about one federated entity (its subject). One OPEN alert per category, subject and metric (a
// machine over its temperature and its vibration limits is two alerts; alerts without a metric are one per
// category and subject): a repeat raises the same row's `occurrences`, guarded by a partial unique index
// that the upsert arbitrates on.
import { Entity, Enum, Index, Property } from '@mikro-orm/decorators/legacy';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { OwnedEntity, PartnerScoped } from '@cmgraph/platform';
import { AlertCategory, AlertSeverity, AlertSubjectType } from './alert.enums';

type Defaulted = 'metric' | 'value' | 'threshold' | 'unit' | 'facilityId' | 'supplierId' | 'occurrences' | 'raisedAt' | 'lastRaisedAt'
  | 'acknowledgedAt' | 'acknowledgedBy' | 'resolvedAt' | 'resolvedBy';

@Directive('@key(fields: "id")')
@ObjectType()
@Entity()
// a partner sees the alerts carrying its supplier; alerts with none are brand-internal
@PartnerScoped()
@Index({
  name: 'alert_one_open_per_subject_metric',
  expression: `create unique index "alert_one_open_per_subject_metric" on "alert" ("category", "subject_type", "subject_id", (coalesce("metric", ''))) where resolved_at is null`,
})
@Index({ properties: ['facilityId', 'raisedAt'] })
export class Alert extends OwnedEntity<Defaulted> {
  @Field(() => AlertCategory)
  @Enum({ items: () => AlertCategory })
  category!: AlertCategory;

  @Field(() => AlertSeverity, { description: 'The highest severity any occurrence was raised with.' })
  @Enum({ items: () => AlertSeverity })
  severity!: AlertSeverity;

  @Field(() => AlertSubjectType)
  @Enum({ items: () => AlertSubjectType })
  subjectType!: AlertSubjectType;

  @Field(() => ID)
  @Property({ type: 'uuid' })
  subjectId!: string;

  /** The facility (owned by suppliers) the subject is at, when known: serves the `facilityId` filter. */
  @Property({ type: 'uuid', nullable: true })
  facilityId: string | null = null;

  /** The supplier (a CM) the subject belongs to, when known: a partner sees only the alerts carrying its own. */
  @Property({ type: 'uuid', nullable: true, index: true })
  supplierId: string | null = null;

  @Field({ description: 'Of the latest occurrence.' })
  @Property({ type: 'text' })
  message!: string;

  @Field(() => String, { nullable: true, description: 'What was measured; part of what the alert is about (one open alert per metric).' })
  @Property({ nullable: true })
  metric: string | null = null;

  @Field(() => Float, { nullable: true, description: 'Measured value of the latest occurrence, in `unit`.' })
  @Property({ type: 'double', nullable: true })
  value: number | null = null;

  @Field(() => Float, { nullable: true, description: 'The limit `value` was compared with, in `unit`.' })
  @Property({ type: 'double', nullable: true })
  threshold: number | null = null;

  @Field(() => String, { nullable: true })
  @Property({ length: 16, nullable: true })
  unit: string | null = null;

  @Field(() => Int, { description: 'How many times it was raised while open.' })
  @Property()
  occurrences: number = 1;

  @Field({ description: 'First raised.' })
  @Property({ type: 'timestamptz' })
  raisedAt: Date = new Date();

  @Field()
  @Property({ type: 'timestamptz' })
  lastRaisedAt: Date = new Date();

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null = null;

  @Field(() => String, { nullable: true, description: 'Free text until identity exists.' })
  @Property({ type: 'text', nullable: true })
  acknowledgedBy: string | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  resolvedBy: string | null = null;
}
