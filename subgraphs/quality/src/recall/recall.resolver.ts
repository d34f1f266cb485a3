// Recalls: initiate one for root lots, move it forward (each writing its event), list them, and their
// root lots as Lot stubs.
import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root, Authorized } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, Length } from 'class-validator';
import { LockMode } from '@mikro-orm/core';
import { AppError, connectionOf, maybeLoad, PageArgs, paginate, recordEvent, requireId } from '@cmgraph/platform';
import type { Context } from '../context';
import { Recall } from './recall.entity';
import { RecallStatus } from './recall.enums';
import { canMoveRecall } from './recall.rules';
import { recallEvent } from './recall.events';
import { nextDocumentNumber } from '../numbering/document-number';
import { Lot } from '../references/contributed.reference';

export const RecallConnection = connectionOf(Recall);

@InputType()
export class InitiateRecallInput {
  @Field() @Length(1, 2000) reason!: string;
  @Field(() => [ID], { description: 'The lots (owned by inventory) at the root of the recall.' })
  @ArrayMinSize(1) @ArrayMaxSize(1000) lotIds!: string[];
}

@InputType()
export class MoveRecallInput {
  @Field(() => ID) recallId!: string;
  @Field(() => RecallStatus) status!: RecallStatus;
}

@Resolver(() => Recall)
export class RecallResolver {
  @Query(() => Recall, { nullable: true })
  recall(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Recall | null> {
    return maybeLoad(ctx.loaders.recall, id);
  }

  @Query(() => RecallConnection)
  recalls(@Arg('statuses', () => [RecallStatus], { nullable: true }) statuses: RecallStatus[] | null, @Args() page: PageArgs, @Ctx() ctx: Context) {
    return paginate(ctx.em, Recall, statuses?.length ? { status: { $in: statuses } } : {}, page);
  }

  @Authorized('QUALITY')
  @Mutation(() => Recall, {
    description: 'Initiates a recall of lots that exist in inventory; writes `recall.initiated` with the root lots, for inventory to mark them RECALLED.',
  })
  async initiateRecall(@Arg('input') input: InitiateRecallInput, @Ctx() ctx: Context): Promise<Recall> {
    const lotIds = [...new Set(input.lotIds)];
    const lots = await ctx.references.fetchExisting<{ supplier: { id: string } | null }>(
      'Lot', input.lotIds.map((id, i) => ({ id, field: `lotIds[${i}]` })), 'supplier { id }');
    const supplierIds = [...new Set(lots.flatMap((lot) => (lot.supplier ? [lot.supplier.id] : [])))].sort();
    return ctx.em.transactional(async (em) => {
      const recall = em.create(Recall, { number: await nextDocumentNumber(em, 'RC'), reason: input.reason, rootLotIds: lotIds, supplierIds });
      em.persist(recall);
      await recordEvent(em, recallEvent('recall.initiated', recall));
      return recall;
    });
  }

  @Authorized('QUALITY')
  @Mutation(() => Recall, { description: 'INITIATED → IN_PROGRESS → COMPLETED; writes `recall.moved`.' })
  moveRecall(@Arg('input') input: MoveRecallInput, @Ctx() ctx: Context): Promise<Recall> {
    return ctx.em.transactional(async (em) => {
      const recall = await em.findOne(Recall, { id: requireId(input.recallId, 'recallId') }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!recall) throw AppError.notFound('Recall', input.recallId, 'recallId');
      if (!canMoveRecall(recall.status, input.status)) {
        throw AppError.conflict(`a ${recall.status} recall cannot become ${input.status}`, { field: 'status', status: recall.status });
      }
      const from = recall.status;
      recall.status = input.status;
      if (input.status === RecallStatus.COMPLETED) recall.completedAt = new Date();
      await recordEvent(em, recallEvent('recall.moved', recall, from));
      return recall;
    });
  }

  @FieldResolver(() => [Lot])
  rootLots(@Root() recall: Recall): Lot[] {
    return recall.rootLotIds.map((id) => ({ id }));
  }
}
