// Line queries, createLine, and a line's facility, supplier, machines and OEE.
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Authorized } from 'type-graphql';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { AppError, connectionOf, maybeLoad, PageArgs, paginate, requireId } from '@cmgraph/platform';
import type { Context } from '../context';
import { Line } from './line.entity';
import { CreateLineInput, LineFilter } from './line.input';
import { Machine } from '../machine/machine.entity';
import { Facility, stub, Supplier } from '../references/external.reference';
import { oeeFromTotals } from '../oee/oee';
import { Oee } from '../oee/oee.type';
import { checkedPeriod, PeriodArgs } from '../oee/period.args';

export const LineConnection = connectionOf(Line);

@Resolver(() => Line)
export class LineResolver {
  @Query(() => Line, { nullable: true })
  line(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Line | null> {
    return maybeLoad(ctx.loaders.line, id);
  }

  @Query(() => LineConnection)
  lines(@Arg('filter', () => LineFilter, { nullable: true }) filter: LineFilter | null, @Args() page: PageArgs, @Ctx() ctx: Context) {
    const where = filter?.facilityId ? { facilityId: requireId(filter.facilityId, 'filter.facilityId') } : {};
    return paginate(ctx.em, Line, where, page);
  }

  @Authorized('PLANNER')
  @Mutation(() => Line, { description: 'A line in a facility; the facility must exist (its supplier is recorded).' })
  async createLine(@Arg('input') input: CreateLineInput, @Ctx() ctx: Context): Promise<Line> {
    const [facility] = await ctx.references.fetchExisting<{ supplier: { id: string } }>(
      'Facility', [{ id: input.facilityId, field: 'facilityId' }], 'supplier { id }',
    );
    const taken = () => AppError.badInput('code', `line ${input.code} already exists in this facility`);
    try {
      return await ctx.em.transactional(async (em) => {
        if (await em.count(Line, { facilityId: input.facilityId, code: input.code })) throw taken();
        const line = em.create(Line, { ...input, supplierId: facility!.supplier.id });
        em.persist(line);
        return line;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw taken();
      throw error;
    }
  }

  @FieldResolver(() => Facility)
  facility(@Root() line: Line): Facility {
    return stub(Facility, line.facilityId);
  }

  @FieldResolver(() => Supplier, { description: 'The supplier the facility belongs to.' })
  supplier(@Root() line: Line): Supplier {
    return stub(Supplier, line.supplierId);
  }

  @FieldResolver(() => [Machine], { description: 'In code order.' })
  machines(@Root() line: Line, @Ctx() ctx: Context): Promise<Machine[]> {
    return ctx.loaders.machinesByLine.load(line.id);
  }

  @FieldResolver(() => Oee, { nullable: true, description: "The line's OEE over [from, to) with the line's ideal cycle time; null without production. See Oee." })
  async oee(@Root() line: Line, @Args() period: PeriodArgs, @Ctx() ctx: Context): Promise<Oee | null> {
    return oeeFromTotals(await ctx.loaders.oeeTotals.load({ kind: 'LINE', id: line.id, ...checkedPeriod(period) }));
  }
}
