// Inputs and filters for lots.
import { Field, ID, InputType, Int } from 'type-graphql';
import { Length, Max, Min } from 'class-validator';
import { LocalDateResolver } from 'graphql-scalars';
import { LotStatus } from './lot.enums';

@InputType()
export class SetLotStatusInput {
  @Field(() => ID)
  lotId!: string;

  @Field(() => LotStatus)
  status!: LotStatus;

  @Field({ description: 'Why: kept on the lot, e.g. a non-conformance or recall number.' })
  @Length(1, 500)
  reason!: string;
}

@InputType()
export class LotFilter {
  @Field(() => ID, { nullable: true })
  productId?: string;

  @Field(() => [LotStatus], { nullable: true })
  statuses?: LotStatus[];

  @Field(() => Int, { nullable: true, description: 'Not yet expired, and expiring within this many days (0 = today).' })
  @Min(0)
  @Max(3650)
  expiringWithinDays?: number;
}

@InputType({ description: 'A lot made outside a goods receipt, e.g. the output lot of a work order at a CM.' })
export class RegisterLotInput {
  @Field(() => ID)
  productId!: string;

  @Field()
  @Length(1, 100)
  lotNumber!: string;

  @Field(() => ID, { nullable: true, description: 'The supplier (owned by suppliers) that makes the lot; a partner\'s own by default, and only that.' })
  supplierId?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  manufacturedOn?: string;

  @Field(() => LocalDateResolver, { nullable: true })
  expiresOn?: string;
}
