// Inputs and filters for suppliers.
import { Field, ID, InputType } from 'type-graphql';
import { IsISO31661Alpha2, Length, Matches } from 'class-validator';
import { RiskTier, SupplierStatus, SupplierType } from './supplier.enums';

@InputType()
export class CreateSupplierInput {
  @Field()
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,31}$/, { message: 'code must be 2–32 upper-case letters, digits or dashes' })
  code!: string;

  @Field()
  @Length(1, 200)
  name!: string;

  @Field(() => SupplierType)
  type!: SupplierType;

  @Field()
  @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code' })
  country!: string;

  @Field(() => RiskTier, { nullable: true })
  riskTier?: RiskTier;
}

@InputType()
export class SupplierFilter {
  @Field(() => [SupplierType], { nullable: true })
  types?: SupplierType[];

  @Field(() => [SupplierStatus], { nullable: true })
  statuses?: SupplierStatus[];

  @Field(() => [RiskTier], { nullable: true })
  riskTiers?: RiskTier[];

  @Field({ nullable: true })
  country?: string;

  @Field({ nullable: true, description: 'Case-insensitive match on code or name.' })
  search?: string;
}

@InputType()
export class SupplierStatusInput {
  @Field(() => ID)
  supplierId!: string;

  @Field(() => SupplierStatus)
  status!: SupplierStatus;
}
