// Inputs and filters for non-conformances.
import { Field, Float, ID, InputType } from 'type-graphql';
import { IsOptional, IsPositive, Length } from 'class-validator';
import { NonConformanceDisposition, NonConformanceSeverity, NonConformanceStatus } from './non-conformance.enums';

@InputType()
export class OpenNonConformanceInput {
  @Field(() => ID) lotId!: string;

  @Field(() => ID, { nullable: true, description: 'The inspection that found it, if any; must be of the same lot.' })
  inspectionId?: string | null;

  @Field() @Length(1, 20) defectCode!: string;

  @Field(() => Float, { description: 'Non-conforming units, in the product\'s unit of measure.' })
  @IsPositive({ message: 'quantity must be greater than 0' })
  quantity!: number;

  @Field(() => NonConformanceSeverity) severity!: NonConformanceSeverity;

  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 2000) description?: string | null;
}

@InputType()
export class DispositionNonConformanceInput {
  @Field(() => ID) nonConformanceId!: string;
  @Field(() => NonConformanceDisposition) disposition!: NonConformanceDisposition;
  @Field() @Length(1, 2000) rootCause!: string;
  @Field({ description: 'Who decided (name or user id).' }) @Length(1, 200) by!: string;
}

@InputType()
export class NonConformanceFilter {
  @Field(() => [NonConformanceStatus], { nullable: true }) statuses?: NonConformanceStatus[];
  @Field(() => ID, { nullable: true }) supplierId?: string;
  @Field(() => NonConformanceSeverity, { nullable: true }) severity?: NonConformanceSeverity;
  @Field(() => ID, { nullable: true }) lotId?: string;
}
