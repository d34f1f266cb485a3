// Inputs for bills of materials.
import { Field, Float, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsPositive, Matches, Max, Min, ValidateNested } from 'class-validator';

@InputType()
export class BillOfMaterialsLineInput {
  @Field(() => ID)
  componentProductId!: string;

  @Field(() => Float, { description: 'Per unit of the product, in `uom`.' })
  @IsPositive({ message: 'quantityPer must be greater than 0' })
  quantityPer!: number;

  @Field({ description: 'Unit of measure, e.g. EA, KG, M.' })
  @Matches(/^[A-Z0-9]{1,10}$/, { message: 'uom must be 1–10 upper-case letters or digits' })
  uom!: string;

  @Field(() => Float, { defaultValue: 0, description: 'Expected loss as a fraction, 0 to 1.' })
  @Min(0, { message: 'scrapFactor must not be negative' })
  @Max(1, { message: 'scrapFactor must be at most 1' })
  scrapFactor: number = 0;
}

@InputType()
export class CreateBillOfMaterialsInput {
  @Field(() => ID)
  productId!: string;

  @Field(() => [BillOfMaterialsLineInput])
  @ArrayMinSize(1, { message: 'a bill of materials needs at least one line' })
  @ArrayMaxSize(500)
  @ValidateNested()
  lines!: BillOfMaterialsLineInput[];
}
