// Inputs and filters for corrective actions (8D).
import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { ArrayMaxSize, ArrayMinSize, Length, Max, Min } from 'class-validator';
import { CorrectiveActionStatus } from './corrective-action.enums';

@InputType()
export class OpenCorrectiveActionInput {
  @Field() @Length(1, 200) title!: string;
  @Field(() => ID, { description: 'The supplier asked to act; every non-conformance must be of this supplier.' }) supplierId!: string;
  @Field(() => [ID]) @ArrayMinSize(1) @ArrayMaxSize(100) nonConformanceIds!: string[];
  @Field() @Length(1, 200) owner!: string;
  @Field(() => LocalDateResolver) dueDate!: string;
}

@InputType()
export class CompleteCorrectiveActionStepInput {
  @Field(() => ID) correctiveActionId!: string;
  @Field(() => Int, { description: '1 to 8 (D1–D8), in order.' }) @Min(1) @Max(8) step!: number;
  @Field() @Length(1, 4000) text!: string;
}

@InputType()
export class CorrectiveActionFilter {
  @Field(() => [CorrectiveActionStatus], { nullable: true }) statuses?: CorrectiveActionStatus[];
  @Field({ nullable: true, description: 'true = due date passed and not closed; false = the others.' }) overdue?: boolean;
  @Field(() => ID, { nullable: true }) supplierId?: string;
}
