// Sharing a document with a supplier until a time, and revoking a share; a share's supplier and document.
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { LockMode } from '@mikro-orm/core';
import { AppError, mustLoad, requireId } from '@cmgraph/platform';
import type { Context } from '../context';
import { Supplier } from '../supplier/supplier.entity';
import { DataRoomDocument } from './data-room-document.entity';
import { DataRoomShare } from './data-room-share.entity';
import { ShareDataRoomDocumentInput } from './data-room.input';
import { readDocument } from './data-room-document.read';

@Resolver(() => DataRoomShare)
export class DataRoomShareResolver {
  @Authorized('BUYER', 'PLANNER', 'QUALITY')
  @Mutation(() => DataRoomShare, {
    description: 'Gives the supplier\'s partners access until `expiresAt`. With an active share already there, sets its expiry instead.',
  })
  async shareDataRoomDocument(@Arg('input') input: ShareDataRoomDocumentInput, @Ctx() ctx: Context): Promise<DataRoomShare> {
    const documentId = requireId(input.documentId, 'documentId');
    if (!(input.expiresAt.getTime() > Date.now())) throw AppError.badInput('expiresAt', 'must be in the future');
    const supplier = await mustLoad(ctx.loaders.supplier, 'Supplier', input.supplierId, 'supplierId');
    return ctx.em.transactional(async (em) => {
      // locked: two concurrent shares of one document to one supplier cannot both create an active share
      const document = await em.findOne(DataRoomDocument, { id: documentId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!document) throw AppError.notFound('DataRoomDocument', documentId, 'documentId');
      const active = await em.findOne(DataRoomShare, { document, supplier: supplier.id, revokedAt: null, expiresAt: { $gt: new Date() } });
      const share = active ?? em.create(DataRoomShare, {
        document, supplier: em.getReference(Supplier, supplier.id), expiresAt: input.expiresAt, sharedBy: ctx.identity.subject,
      });
      Object.assign(share, { expiresAt: input.expiresAt, sharedBy: ctx.identity.subject });
      em.persist(share);
      return share;
    });
  }

  @Authorized('BUYER', 'PLANNER', 'QUALITY')
  @Mutation(() => DataRoomShare, { description: 'Ends a share now; the supplier\'s partners lose access at once. Revoking a revoked share changes nothing.' })
  revokeDataRoomShare(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<DataRoomShare> {
    const shareId = requireId(id, 'id');
    return ctx.em.transactional(async (em) => {
      const share = await em.findOne(DataRoomShare, { id: shareId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!share) throw AppError.notFound('DataRoomShare', shareId, 'id');
      if (!share.revokedAt) Object.assign(share, { revokedAt: new Date(), revokedBy: ctx.identity.subject });
      return share;
    });
  }

  @FieldResolver(() => Supplier)
  supplier(@Root() share: DataRoomShare, @Ctx() ctx: Context): Promise<Supplier | null> {
    return ctx.loaders.supplier.load(share.supplier.id);
  }

  @FieldResolver(() => DataRoomDocument, { nullable: true, description: 'Logged READ like any document resolved.' })
  document(@Root() share: DataRoomShare, @Ctx() ctx: Context): Promise<DataRoomDocument | null> {
    return readDocument(ctx, share.document.id);
  }

  @FieldResolver(() => Boolean, { description: 'Not revoked and not expired now.' })
  active(@Root() share: DataRoomShare): boolean {
    return share.isActive();
  }
}
