// The supplier scorecard of a period: owned here, keyed by supplier and period (a value, no table).
// Orders, quality and sustainability contribute their figures to it; `score` weighs the ones it needs,
// declared @external and fetched by the gateway from their owners first (@requires).
import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { ScoreBand } from './score';

registerEnumType(ScoreBand, { name: 'ScoreBand', description: 'By the rounded total: ≥ 85 PREFERRED, ≥ 70 APPROVED, ≥ 50 CONDITIONAL, else AT_RISK.' });

@Directive('@key(fields: "supplierId period")')
@ObjectType({ description: 'A supplier\'s figures over a period (YYYY, YYYY-Qn or YYYY-MM) and their weighted score.' })
export class SupplierScorecard {
  @Field(() => ID)
  supplierId!: string;

  @Field({ description: 'The period, canonical: "2026", "2026-Q3", "2026-10".' })
  period!: string;

  @Field(() => LocalDateResolver, { description: 'First day of the period, inclusive.' })
  from!: string;

  @Field(() => LocalDateResolver, { description: 'Day after the last day of the period (exclusive).' })
  to!: string;

  // owned by orders, quality and sustainability; read here by `score` only
  @Directive('@external')
  @Field(() => Float, { nullable: true })
  otif?: number | null;

  @Directive('@external')
  @Field(() => Float, { nullable: true })
  fillRate?: number | null;

  @Directive('@external')
  @Field(() => Float, { nullable: true })
  ppm?: number | null;

  @Directive('@external')
  @Field(() => Float, { nullable: true })
  firstPassYield?: number | null;

  @Directive('@external')
  @Field(() => Float, { nullable: true })
  renewableShare?: number | null;

  @Directive('@external')
  @Field(() => Int)
  linesDue!: number;

  @Directive('@external')
  @Field(() => Int)
  inspections!: number;
}

@ObjectType()
export class ScoreComponent {
  @Field({ description: 'otif, fillRate, ppm, firstPassYield, renewableShare or certification.' })
  name!: string;

  @Field(() => Float, {
    nullable: true,
    description: 'The figure scored: the rate (0..1), the ppm, or the certification standing as 1 (VALID), 0.5 (EXPIRING), 0 (EXPIRED, NONE). Null: no data in the period, component left out.',
  })
  value!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '0–100: rates × 100; ppm as max(0, 100 − ppm ÷ 100); certification VALID 100, EXPIRING 50, EXPIRED and NONE 0. Null when left out.',
  })
  score!: number | null;

  @Field(() => Float, { description: 'The weight applied, re-normalised so that the components with data weigh 100 together (0 when left out).' })
  weight!: number;
}

@ObjectType()
export class SupplierScore {
  @Field(() => Float, { description: 'Σ score × weight ÷ 100 over the components with data, rounded to 0.1 (half up).' })
  total!: number;

  @Field(() => ScoreBand)
  band!: ScoreBand;

  @Field(() => [ScoreComponent], { description: 'All six, in the order otif, fillRate, ppm, firstPassYield, renewableShare, certification.' })
  components!: ScoreComponent[];
}
