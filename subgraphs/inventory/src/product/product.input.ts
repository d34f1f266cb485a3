// Inputs and filters for products.
import { Field, InputType } from 'type-graphql';
import { IsOptional, Length, Matches } from 'class-validator';
import { Tracking, UnitOfMeasure } from './product.enums';
import { IsGtin } from './gtin.validator';

@InputType()
export class CreateProductInput {
  @Field()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._\-/]{0,63}$/, { message: 'sku must be 1–64 letters, digits, dots, dashes, underscores or slashes' })
  sku!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsGtin()
  gtin?: string | null;

  @Field()
  @Length(1, 200)
  name!: string;

  @Field(() => UnitOfMeasure)
  uom!: UnitOfMeasure;

  @Field(() => Tracking, { defaultValue: Tracking.NONE })
  tracking!: Tracking;
}

@InputType()
export class ProductFilter {
  @Field({ nullable: true, description: 'Case-insensitive match on sku, name or gtin.' })
  search?: string;

  @Field(() => Tracking, { nullable: true })
  tracking?: Tracking;
}
