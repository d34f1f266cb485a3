// Corrective-action mutations: open an 8D, complete its steps in order, close it when all eight are done.
// Status changes write their event (`corrective_action.opened|status_changed|closed`) in the same transaction.
import { Arg, Ctx, ID, Mutation, Resolver, Authorized } from 'type-graphql';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, recordEvent, requireId } from '@cmgraph/platform';
import type { Context } from '../context';
import { CorrectiveAction, CorrectiveActionNonConformance, CorrectiveActionStep } from './corrective-action.entity';
import { CorrectiveActionStatus, EIGHT_D_STEPS } from './corrective-action.enums';
import { CompleteCorrectiveActionStepInput, OpenCorrectiveActionInput } from './corrective-action.input';
import { canMoveCorrectiveAction, nextStep, statusAfterStep } from './corrective-action.rules';
import { correctiveActionEvent } from './corrective-action.events';
import { NonConformance } from '../non-conformance/non-conformance.entity';
import { nextDocumentNumber } from '../numbering/document-number';

@Resolver(() => CorrectiveAction)
export class CorrectiveActionMutationResolver {
  @Authorized('QUALITY')
  @Mutation(() => CorrectiveAction, { description: 'Opens an 8D for non-conformances of one supplier, with its eight steps to do.' })
  async openCorrectiveAction(@Arg('input') input: OpenCorrectiveActionInput, @Ctx() ctx: Context): Promise<CorrectiveAction> {
    const ids = input.nonConformanceIds.map((id, i) => requireId(id, `nonConformanceIds[${i}]`));
    const found = await ctx.loaders.nonConformance.loadMany(ids);
    found.forEach((nc, i) => {
      if (!(nc instanceof NonConformance)) throw AppError.notFound('NonConformance', ids[i]!, `nonConformanceIds[${i}]`);
      if (nc.supplierId !== input.supplierId) throw AppError.badInput(`nonConformanceIds[${i}]`, 'belongs to another supplier');
    });
    await ctx.references.requireExisting('Supplier', [{ id: input.supplierId, field: 'supplierId' }]);
    return ctx.em.transactional(async (em) => {
      const action = em.create(CorrectiveAction, {
        number: await nextDocumentNumber(em, 'CA'), title: input.title, supplierId: input.supplierId, owner: input.owner, dueDate: input.dueDate,
      });
      em.persist(action);
      EIGHT_D_STEPS.forEach((title, i) => em.persist(em.create(CorrectiveActionStep, { correctiveAction: action, step: i + 1, title })));
      const nonConformanceIds = [...new Set(ids)];
      for (const id of nonConformanceIds) {
        em.persist(em.create(CorrectiveActionNonConformance, { correctiveAction: action, nonConformance: em.getReference(NonConformance, id) }));
      }
      await recordEvent(em, correctiveActionEvent('corrective_action.opened', action, { nonConformanceIds }));
      return action;
    });
  }

  @Authorized('QUALITY', 'PARTNER')
  @Mutation(() => CorrectiveAction, { description: 'Completes step D1…D8; steps go in order, so only the next open step is accepted.' })
  completeCorrectiveActionStep(@Arg('input') input: CompleteCorrectiveActionStepInput, @Ctx() ctx: Context): Promise<CorrectiveAction> {
    return ctx.em.transactional(async (em) => {
      const action = await lockAction(em, input.correctiveActionId, 'correctiveActionId');
      if (action.status === CorrectiveActionStatus.CLOSED) throw AppError.conflict('a CLOSED corrective action takes no more steps', { field: 'status', status: action.status });
      const steps = await em.find(CorrectiveActionStep, { correctiveAction: action }, { orderBy: { step: 'asc' } });
      const expected = nextStep(steps.filter((s) => s.completedAt).map((s) => s.step));
      if (input.step !== expected) {
        throw AppError.conflict(`D${input.step} cannot be completed now: ${expected ? `D${expected} is next` : 'all steps are done'}`, { field: 'step', expected });
      }
      Object.assign(steps.find((s) => s.step === input.step)!, { text: input.text, completedAt: new Date() });
      const from = action.status;
      action.status = statusAfterStep(from, input.step);
      if (action.status !== from) await recordEvent(em, correctiveActionEvent('corrective_action.status_changed', action, { from, step: input.step }));
      return action;
    });
  }

  @Authorized('QUALITY')
  @Mutation(() => CorrectiveAction, { description: 'VERIFIED → CLOSED, only once D1–D8 are all complete.' })
  closeCorrectiveAction(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<CorrectiveAction> {
    return ctx.em.transactional(async (em) => {
      const action = await lockAction(em, id, 'id');
      const steps = await em.find(CorrectiveActionStep, { correctiveAction: action });
      const open = nextStep(steps.filter((s) => s.completedAt).map((s) => s.step));
      if (open !== null || !canMoveCorrectiveAction(action.status, CorrectiveActionStatus.CLOSED)) {
        throw AppError.conflict(`a ${action.status} corrective action cannot close${open ? `: D${open} is not complete` : ''}`, { field: 'status', status: action.status });
      }
      const from = action.status;
      action.status = CorrectiveActionStatus.CLOSED;
      action.closedAt = new Date();
      await recordEvent(em, correctiveActionEvent('corrective_action.closed', action, { from }));
      return action;
    });
  }
}

async function lockAction(em: EntityManager, id: string, field: string): Promise<CorrectiveAction> {
  const action = await em.findOne(CorrectiveAction, { id: requireId(id, field) }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!action) throw AppError.notFound('CorrectiveAction', id, field);
  return action;
}
