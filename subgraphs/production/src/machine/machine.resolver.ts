// Machine queries, createMachine, and a machine's line, facility, OEE, MTBF and MTTR.
import { Arg, Args, Ctx, FieldResolver, Float, ID, Mutation, Query, Resolver, Root, Authorized } from 'type-graphql';
import { UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import { AppError, connectionOf, maybeLoad, mustLoad, PageArgs, paginate, requireId } from '@cmgraph/platform';
import type { Context } from '../context';
import { Machine } from './machine.entity';
import { Line } from '../line/line.entity';
import { CreateMachineInput, MachineFilter } from '../line/line.input';
import { Facility, stub } from '../references/external.reference';
import { mtbfMinutes, mttrMinutes, oeeFromTotals } from '../oee/oee';
import { Oee } from '../oee/oee.type';
import { checkedPeriod, PeriodArgs } from '../oee/period.args';

export const MachineConnection = connectionOf(Machine);

@Resolver(() => Machine)
export class MachineResolver {
  @Query(() => Machine, { nullable: true })
  machine(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Machine | null> {
    return maybeLoad(ctx.loaders.machine, id);
  }

  @Query(() => MachineConnection)
  machines(@Arg('filter', () => MachineFilter, { nullable: true }) filter: MachineFilter | null, @Args() page: PageArgs, @Ctx() ctx: Context) {
    const where: FilterQuery<Machine>[] = [];
    if (filter?.facilityId) where.push({ facilityId: requireId(filter.facilityId, 'filter.facilityId') });
    if (filter?.lineId) where.push({ line: requireId(filter.lineId, 'filter.lineId') });
    return paginate(ctx.em, Machine, { $and: where }, page);
  }

  @Authorized('PLANNER')
  @Mutation(() => Machine)
  async createMachine(@Arg('input') input: CreateMachineInput, @Ctx() ctx: Context): Promise<Machine> {
    const taken = () => AppError.badInput('code', `machine ${input.code} already exists on this line`);
    try {
      return await ctx.em.transactional(async (em) => {
        const line = await mustLoad(ctx.loaders.line, 'Line', input.lineId, 'lineId');
        if (await em.count(Machine, { line, code: input.code })) throw taken();
        const { lineId: _line, ...fields } = input;
        const machine = em.create(Machine, { ...fields, line: em.getReference(Line, line.id), facilityId: line.facilityId });
        em.persist(machine);
        return machine;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw taken();
      throw error;
    }
  }

  @FieldResolver(() => Line)
  async line(@Root() machine: Machine, @Ctx() ctx: Context): Promise<Line> {
    return (await ctx.loaders.line.load(machine.line.id))!;
  }

  @FieldResolver(() => Facility)
  facility(@Root() machine: Machine): Facility {
    return stub(Facility, machine.facilityId);
  }

  @FieldResolver(() => Oee, { nullable: true, description: "The machine's OEE over [from, to): its line's work orders, its own downtime and ideal cycle time. See Oee." })
  async oee(@Root() machine: Machine, @Args() period: PeriodArgs, @Ctx() ctx: Context): Promise<Oee | null> {
    return oeeFromTotals(await ctx.loaders.oeeTotals.load({ kind: 'MACHINE', id: machine.id, ...checkedPeriod(period) }));
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Mean time between failures over [from, to), minutes: run time ÷ FAILURE stops; null without failures.' })
  async mtbf(@Root() machine: Machine, @Args() period: PeriodArgs, @Ctx() ctx: Context): Promise<number | null> {
    return mtbfMinutes(await ctx.loaders.oeeTotals.load({ kind: 'MACHINE', id: machine.id, ...checkedPeriod(period) }));
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Mean time to repair over [from, to), minutes: FAILURE downtime inside the period ÷ FAILURE stops; null without failures.' })
  async mttr(@Root() machine: Machine, @Args() period: PeriodArgs, @Ctx() ctx: Context): Promise<number | null> {
    return mttrMinutes(await ctx.loaders.oeeTotals.load({ kind: 'MACHINE', id: machine.id, ...checkedPeriod(period) }));
  }
}
