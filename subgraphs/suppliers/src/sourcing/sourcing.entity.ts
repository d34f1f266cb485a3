// Which supplier makes which product, with what share: the basis of single-source risk.
import { Entity, Enum, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { OwnedEntity, PartnerScoped } from '@cmgraph/platform';
import { Supplier } from '../supplier/supplier.entity';

export enum SourcingRole {
  PRIMARY = 'PRIMARY',
  SECONDARY = 'SECONDARY',
}
registerEnumType(SourcingRole, { name: 'SourcingRole' });

@PartnerScoped((supplierId) => ({ supplier: supplierId }))
@ObjectType()
@Entity()
@Unique({ properties: ['productId', 'supplier'] })
export class SourcingAssignment extends OwnedEntity {
  @Field({ description: 'The product (owned by inventory) this assignment sources.' })
  @Property({ type: 'uuid', index: true })
  productId!: string;

  @ManyToOne(() => Supplier, { index: true })
  supplier!: Supplier;

  @Field(() => SourcingRole)
  @Enum({ items: () => SourcingRole })
  role!: SourcingRole;

  @Field({ description: 'Share of demand allocated to this supplier, 0–100.' })
  @Property({ type: 'double' })
  sharePercent!: number;
}
