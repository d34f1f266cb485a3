// A supplier of the brand: a contract manufacturer, a component maker or a logistics provider.
import { Entity, Enum, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Directive, Field, ObjectType } from 'type-graphql';
import { OwnedEntity, PartnerScoped } from '@cmgraph/platform';
import { RiskTier, SupplierStatus, SupplierType } from './supplier.enums';

// a partner sees its own supplier only; its status and risk tier are its own standing with the brand, so visible
@PartnerScoped((supplierId) => ({ id: supplierId }))
@Directive('@key(fields: "id")')
@ObjectType()
@Entity()
export class Supplier extends OwnedEntity<'status' | 'riskTier'> {
  @Field({ description: 'Short unique supplier code, e.g. "CM-0001".' })
  @Property()
  @Unique()
  code!: string;

  @Field()
  @Property()
  name!: string;

  @Field(() => SupplierType)
  @Enum({ items: () => SupplierType })
  type!: SupplierType;

  @Field(() => SupplierStatus)
  @Enum({ items: () => SupplierStatus })
  status: SupplierStatus = SupplierStatus.PROSPECT;

  @Field(() => RiskTier)
  @Enum({ items: () => RiskTier })
  riskTier: RiskTier = RiskTier.MEDIUM;

  @Field({ description: 'ISO 3166-1 alpha-2 country code of the head office.' })
  @Property({ length: 2 })
  country!: string;
}
