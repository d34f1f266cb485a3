// Inputs for publishing and listing product footprints.
import { Field, ID, InputType } from 'type-graphql';
import { FacilityPeriodInput } from '../records/facility-record.input';
import { FootprintStatus } from './footprint.enums';

@InputType()
export class PublishProductFootprintInput extends FacilityPeriodInput {
  @Field(() => ID, { description: 'The product (owned by inventory) the footprint is of, made at `facilityId`.' })
  productId!: string;
}

@InputType()
export class ProductFootprintFilter {
  @Field(() => ID, { nullable: true }) productId?: string;
  @Field(() => ID, { nullable: true }) supplierId?: string;
  @Field(() => [FootprintStatus], { nullable: true }) statuses?: FootprintStatus[];
}
