// Telemetry: batched ingestion (limits checked, alerts raised with their events in the same
// transaction), metric limits, and a machine's readings of one metric, newest first.
import { Arg, Args, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root, Authorized } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { AppError, mustLoad, newId, requireId } from '@cmgraph/platform';
import type { Context } from '../context';
import { TelemetryReading } from './telemetry-reading.entity';
import { MachineMetricLimit } from './metric-limit.entity';
import { SetMetricLimitInput, TelemetryArgs, TelemetryReadingInput } from './telemetry.input';
import { checkReadings } from './telemetry.check';
import { ingestReadings } from './telemetry.ingest';
import { machinePlaces } from './telemetry.machines';
import { requireUnit } from './units';
import { Machine } from '../machine/machine.entity';
import { Alert } from '../alert/alert.entity';

@ObjectType()
class IngestTelemetryResult {
  @Field(() => Int)
  accepted!: number;

  @Field(() => [Alert], { description: 'MACHINE_HEALTH alerts raised or repeated by readings over their limits (one per machine and metric).' })
  alerts!: Alert[];
}

@Resolver(() => TelemetryReading)
export class TelemetryResolver {
  @Query(() => [TelemetryReading], { description: 'Readings of one metric of one machine in [from, to), newest first, at most `limit`.' })
  telemetry(@Args() args: TelemetryArgs, @Ctx() ctx: Context): Promise<TelemetryReading[]> {
    const where: FilterQuery<TelemetryReading>[] = [{ machine: requireId(args.machineId, 'machineId') }, { metric: args.metric }];
    if (args.from) where.push({ recordedAt: { $gte: args.from } });
    if (args.to) where.push({ recordedAt: { $lt: args.to } });
    return ctx.em.find(TelemetryReading, { $and: where }, { orderBy: { recordedAt: 'desc', id: 'desc' }, limit: args.limit });
  }

  @Query(() => [MachineMetricLimit])
  metricLimits(@Arg('machineId', () => ID) machineId: string, @Ctx() ctx: Context): Promise<MachineMetricLimit[]> {
    return ctx.em.find(MachineMetricLimit, { machine: requireId(machineId, 'machineId') }, { orderBy: { metric: 'asc' } });
  }

  @Authorized('PLANNER', 'PARTNER')
  @Mutation(() => IngestTelemetryResult, { description: 'Stores a batch of readings in one statement; a reading over its machine limit raises a MACHINE_HEALTH alert.' })
  async ingestTelemetry(
    // the batch's rules are checked in one pass (checkReadings) instead of class-validator per reading
    @Arg('readings', () => [TelemetryReadingInput], { validateFn: (readings) => checkReadings(readings as TelemetryReadingInput[]) })
    readings: TelemetryReadingInput[],
    @Ctx() ctx: Context,
  ): Promise<IngestTelemetryResult> {
    const placeOf = await machinePlaces(ctx.em, [...new Set(readings.map((r) => r.machineId))]);
    const unknown = readings.findIndex((r) => !placeOf.has(r.machineId));
    if (unknown >= 0) throw AppError.notFound('Machine', readings[unknown]!.machineId, `readings[${unknown}].machineId`);
    return ctx.em.transactional(async (em) => {
      const raised = await ingestReadings(em, readings, placeOf);
      const ids = raised.map((alert) => alert.id);
      const alerts = ids.length ? await em.find(Alert, { id: { $in: ids } }, { refresh: true, orderBy: { id: 'asc' } }) : [];
      return { accepted: readings.length, alerts };
    });
  }

  @Authorized('PLANNER', 'QUALITY')
  @Mutation(() => MachineMetricLimit, { description: 'Sets (or replaces) the upper limit of a metric on a machine.' })
  async setMetricLimit(@Arg('input') input: SetMetricLimitInput, @Ctx() ctx: Context): Promise<MachineMetricLimit> {
    requireUnit(input.unit, 'unit');
    const machine = await mustLoad(ctx.loaders.machine, 'Machine', input.machineId, 'machineId');
    return ctx.em.transactional(async (em) => {
      await em.execute(
        `INSERT INTO machine_metric_limit (id, created_at, updated_at, machine_id, metric, unit, max) VALUES (?, now(), now(), ?, ?, ?, ?)
         ON CONFLICT (machine_id, metric) DO UPDATE SET unit = excluded.unit, max = excluded.max, updated_at = now()`,
        [newId(), machine.id, input.metric, input.unit, input.max],
      );
      return (await em.findOne(MachineMetricLimit, { machine: machine.id, metric: input.metric }, { refresh: true }))!;
    });
  }

  @FieldResolver(() => Machine)
  async machine(@Root() reading: TelemetryReading, @Ctx() ctx: Context): Promise<Machine> {
    return (await ctx.loaders.machine.load(reading.machine.id))!;
  }
}

@Resolver(() => MachineMetricLimit)
export class MetricLimitResolver {
  @FieldResolver(() => Machine)
  async machine(@Root() limit: MachineMetricLimit, @Ctx() ctx: Context): Promise<Machine> {
    return (await ctx.loaders.machine.load(limit.machine.id))!;
  }
}
