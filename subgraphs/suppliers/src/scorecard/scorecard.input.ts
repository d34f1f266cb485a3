// Arguments of the scorecard queries: the weights of the score, and which suppliers to list.
import { Field, ID, InputType, Int } from 'type-graphql';
import { SupplierType } from '../supplier/supplier.enums';

@InputType({ description: 'Weights of the score components: each 0..100, together 100 (default 30/15/20/10/10/15).' })
export class ScorecardWeightsInput {
  @Field(() => Int) otif!: number;
  @Field(() => Int) fillRate!: number;
  @Field(() => Int) ppm!: number;
  @Field(() => Int) firstPassYield!: number;
  @Field(() => Int) renewableShare!: number;
  @Field(() => Int) certification!: number;
}

@InputType()
export class SupplierScorecardFilter {
  @Field(() => [ID], { nullable: true })
  supplierIds?: string[];

  @Field(() => [SupplierType], { nullable: true })
  types?: SupplierType[];
}
