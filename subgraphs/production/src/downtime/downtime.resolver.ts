// Downtime: the configurable reason list, booking a machine stop, listing stops.
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root, Authorized } from 'type-graphql';
import { UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import { AppError, connectionOf, mustLoad, PageArgs, paginate, requireId } from '@cmgraph/platform';
import type { Context } from '../context';
import { DowntimeEvent } from './downtime-event.entity';
import { DowntimeReason } from './downtime-reason.entity';
import { CreateDowntimeReasonInput, DowntimeEventFilter, RecordDowntimeInput } from './downtime.input';
import { Machine } from '../machine/machine.entity';

export const DowntimeEventConnection = connectionOf(DowntimeEvent);

@Resolver(() => DowntimeEvent)
export class DowntimeResolver {
  @Query(() => [DowntimeReason], { description: 'Every reason, by code.' })
  downtimeReasons(@Ctx() ctx: Context): Promise<DowntimeReason[]> {
    return ctx.em.find(DowntimeReason, {}, { orderBy: { code: 'asc' } });
  }

  @Query(() => DowntimeEventConnection)
  downtimeEvents(@Arg('filter', () => DowntimeEventFilter, { nullable: true }) filter: DowntimeEventFilter | null, @Args() page: PageArgs, @Ctx() ctx: Context) {
    return paginate(ctx.em, DowntimeEvent, downtimeWhere(filter ?? {}), page);
  }

  @Authorized('PLANNER')
  @Mutation(() => DowntimeReason)
  async createDowntimeReason(@Arg('input') input: CreateDowntimeReasonInput, @Ctx() ctx: Context): Promise<DowntimeReason> {
    const taken = () => AppError.badInput('code', `downtime reason ${input.code} already exists`);
    try {
      return await ctx.em.transactional(async (em) => {
        if (await em.count(DowntimeReason, { code: input.code })) throw taken();
        const reason = em.create(DowntimeReason, input);
        em.persist(reason);
        return reason;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw taken();
      throw error;
    }
  }

  @Authorized('PLANNER', 'PARTNER')
  @Mutation(() => DowntimeEvent, { description: 'Books a machine stop; `planned` comes from the reason.' })
  async recordDowntime(@Arg('input') input: RecordDowntimeInput, @Ctx() ctx: Context): Promise<DowntimeEvent> {
    if (input.endedAt && !(input.endedAt > input.startedAt)) throw AppError.badInput('endedAt', 'must be after startedAt');
    const machine = await mustLoad(ctx.loaders.machine, 'Machine', input.machineId, 'machineId');
    return ctx.em.transactional(async (em) => {
      const reason = await em.findOne(DowntimeReason, { code: input.reasonCode });
      if (!reason) throw AppError.badInput('reasonCode', `no downtime reason ${input.reasonCode}`);
      const event = em.create(DowntimeEvent, {
        machine: em.getReference(Machine, machine.id), reason, startedAt: input.startedAt, endedAt: input.endedAt ?? null,
        planned: reason.planned, note: input.note ?? null,
      });
      em.persist(event);
      return event;
    });
  }

  @FieldResolver(() => Machine)
  async machine(@Root() event: DowntimeEvent, @Ctx() ctx: Context): Promise<Machine> {
    return (await ctx.loaders.machine.load(event.machine.id))!;
  }

  @FieldResolver(() => DowntimeReason)
  async reason(@Root() event: DowntimeEvent, @Ctx() ctx: Context): Promise<DowntimeReason> {
    return (await ctx.loaders.downtimeReason.load(event.reason.id))!;
  }
}

function downtimeWhere(filter: DowntimeEventFilter): FilterQuery<DowntimeEvent> {
  const where: FilterQuery<DowntimeEvent>[] = [];
  if (filter.machineId) where.push({ machine: requireId(filter.machineId, 'filter.machineId') });
  if (filter.facilityId) where.push({ machine: { facilityId: requireId(filter.facilityId, 'filter.facilityId') } });
  if (filter.planned !== undefined && filter.planned !== null) where.push({ planned: filter.planned });
  if (filter.to) where.push({ startedAt: { $lt: filter.to } });
  if (filter.from) where.push({ $or: [{ endedAt: null }, { endedAt: { $gt: filter.from } }] });
  return { $and: where };
}
