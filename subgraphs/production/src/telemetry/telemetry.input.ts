// Inputs for telemetry ingestion, metric limits and the telemetry query.
import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { Matches, Max, Min } from 'class-validator';
import { IsFinite } from '../alert/is-finite.validator';

export const METRIC = /^[a-z][a-z0-9_.]{0,63}$/;
export const METRIC_MESSAGE = 'metric must be 1–64 lower-case letters, digits, dots or underscores';

/**
 * One reading. Its rules (id, metric name, finite value, known unit; 1–5000 a batch) are checked by
 * `checkReadings` in one pass over the batch, not by class-validator per reading.
 */
@InputType()
export class TelemetryReadingInput {
  @Field(() => ID)
  machineId!: string;

  @Field()
  metric!: string;

  @Field(() => Float)
  value!: number;

  @Field({ description: 'e.g. degC, mm/s, kW, bar (see the units list in the docs).' })
  unit!: string;

  @Field()
  recordedAt!: Date;
}

@InputType()
export class SetMetricLimitInput {
  @Field(() => ID)
  machineId!: string;

  @Field()
  @Matches(METRIC, { message: METRIC_MESSAGE })
  metric!: string;

  @Field()
  unit!: string;

  @Field(() => Float)
  @IsFinite()
  max!: number;
}

@ArgsType()
export class TelemetryArgs {
  @Field(() => ID)
  machineId!: string;

  @Field()
  metric!: string;

  @Field(() => Date, { nullable: true, description: 'Inclusive.' })
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Exclusive.' })
  to?: Date;

  @Field(() => Int, { defaultValue: 500, description: 'At most this many readings, newest first (1–5000).' })
  @Min(1)
  @Max(5000)
  limit: number = 500;
}
