// Non-conformance mutations: open one by hand, review, disposition and close it. One transaction each,
// with its event (`non_conformance.opened|reviewed|dispositioned|closed`); a status change the rules do
// not allow is CONFLICT naming `status`, and writes nothing.
import { Arg, Ctx, ID, Mutation, Resolver, Authorized } from 'type-graphql';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, mustLoad, recordEvent, requireId } from '@cmgraph/platform';
import type { Context } from '../context';
import { NonConformance } from './non-conformance.entity';
import { NonConformanceStatus } from './non-conformance.enums';
import { DispositionNonConformanceInput, OpenNonConformanceInput } from './non-conformance.input';
import { canMoveNonConformance } from './non-conformance.rules';
import { lockLot, openNonConformanceIn } from './non-conformance.opening';
import { nonConformanceEvent } from './non-conformance.events';
import { DefectCode } from '../defect/defect-code.entity';
import { Inspection } from '../inspection/inspection.entity';

@Resolver(() => NonConformance)
export class NonConformanceMutationResolver {
  @Authorized('QUALITY')
  @Mutation(() => NonConformance, { description: 'Opens a non-conformance on a lot; product and supplier are taken from the lot\'s owner (inventory).' })
  async openNonConformance(@Arg('input') input: OpenNonConformanceInput, @Ctx() ctx: Context): Promise<NonConformance> {
    const defectCode = await ctx.em.findOne(DefectCode, { code: input.defectCode });
    if (!defectCode) throw AppError.notFound('DefectCode', input.defectCode, 'defectCode');
    const inspection = input.inspectionId ? await mustLoad(ctx.loaders.inspection, 'Inspection', input.inspectionId, 'inspectionId') : null;
    if (inspection && inspection.lotId !== input.lotId) throw AppError.badInput('inspectionId', 'the inspection is of another lot');
    const [lot] = await ctx.references.fetchExisting<{ supplier: { id: string } | null; product: { id: string } }>(
      'Lot', [{ id: input.lotId, field: 'lotId' }], 'supplier { id } product { id }');
    return ctx.em.transactional(async (em) => {
      await lockLot(em, input.lotId);
      const nc = await openNonConformanceIn(em, {
        lotId: input.lotId, productId: lot!.product.id, supplierId: lot!.supplier?.id ?? inspection?.supplierId ?? null,
        inspection: inspection ? em.getReference(Inspection, inspection.id) : null, defectCode: em.getReference(DefectCode, defectCode.id),
        quantity: input.quantity, severity: input.severity, description: input.description ?? null,
      });
      await recordEvent(em, nonConformanceEvent('non_conformance.opened', nc));
      return nc;
    });
  }

  @Authorized('QUALITY')
  @Mutation(() => NonConformance, { description: 'OPEN → UNDER_REVIEW: the material review board takes it up.' })
  reviewNonConformance(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<NonConformance> {
    return ctx.em.transactional(async (em) => {
      const nc = await lockNonConformance(em, id, 'id');
      const from = move(nc, NonConformanceStatus.UNDER_REVIEW);
      await recordEvent(em, nonConformanceEvent('non_conformance.reviewed', nc, from));
      return nc;
    });
  }

  @Authorized('QUALITY')
  @Mutation(() => NonConformance, { description: 'Decides what happens to the material, once: only from OPEN or UNDER_REVIEW.' })
  dispositionNonConformance(@Arg('input') input: DispositionNonConformanceInput, @Ctx() ctx: Context): Promise<NonConformance> {
    return ctx.em.transactional(async (em) => {
      const nc = await lockNonConformance(em, input.nonConformanceId, 'nonConformanceId');
      const from = move(nc, NonConformanceStatus.DISPOSITIONED);
      Object.assign(nc, { disposition: input.disposition, rootCause: input.rootCause, dispositionedBy: input.by, dispositionedAt: new Date() });
      await recordEvent(em, nonConformanceEvent('non_conformance.dispositioned', nc, from));
      return nc;
    });
  }

  @Authorized('QUALITY')
  @Mutation(() => NonConformance, { description: 'DISPOSITIONED → CLOSED, once the disposition is carried out.' })
  closeNonConformance(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<NonConformance> {
    return ctx.em.transactional(async (em) => {
      const nc = await lockNonConformance(em, id, 'id');
      const from = move(nc, NonConformanceStatus.CLOSED);
      nc.closedAt = new Date();
      await recordEvent(em, nonConformanceEvent('non_conformance.closed', nc, from));
      return nc;
    });
  }
}

/** Loads and locks one non-conformance for a status change (status changes serialise per record). */
async function lockNonConformance(em: EntityManager, id: string, field: string): Promise<NonConformance> {
  const nc = await em.findOne(NonConformance, { id: requireId(id, field) }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!nc) throw AppError.notFound('NonConformance', id, field);
  return nc;
}

/** Moves the status if the rules allow it; returns the status it left. */
function move(nc: NonConformance, to: NonConformanceStatus): NonConformanceStatus {
  const from = nc.status;
  if (!canMoveNonConformance(from, to)) {
    throw AppError.conflict(`a ${from} non-conformance cannot become ${to}`, { field: 'status', status: from });
  }
  nc.status = to;
  return from;
}
