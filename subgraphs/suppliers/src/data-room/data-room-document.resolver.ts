// Data-room documents: the list and one by id (a partner sees only those actively shared with its
// supplier, through the entity's partner scope), their shares (brand only), and the upload.
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionOf, isId, PageArgs, paginate, type Page } from '@cmgraph/platform';
import type { Context } from '../context';
import { INTERNAL_ROLES } from '../access/internal-roles';
import { Product } from '../sourcing/product.reference';
import { DataRoomDocument } from './data-room-document.entity';
import { DataRoomShare } from './data-room-share.entity';
import { UploadDataRoomDocumentInput } from './data-room.input';
import { checkDocumentContent, decodeDocumentContent, documentContentType, documentFileName, sha256Hex } from './data-room.content';
import { accessLog } from './data-room-access.recorder';
import { readDocumentOrRefuse } from './data-room-document.read';

export const DataRoomDocumentConnection = connectionOf(DataRoomDocument);

@Resolver(() => DataRoomDocument)
export class DataRoomDocumentResolver {
  @Query(() => DataRoomDocumentConnection, {
    description: 'Every document for the brand\'s users; for a PARTNER, those actively shared with its supplier. Each document listed is logged READ.',
  })
  dataRoomDocuments(@Args() page: PageArgs, @Ctx() ctx: Context): Promise<Page<DataRoomDocument>> {
    return paginate(ctx.em, DataRoomDocument, {}, page);
  }

  @Query(() => DataRoomDocument, {
    nullable: true,
    description: 'Logged READ. A PARTNER asking for a document not actively shared with its supplier gets null with FORBIDDEN (logged DENIED).',
  })
  dataRoomDocument(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<DataRoomDocument | null> | null {
    return isId(id) ? readDocumentOrRefuse(ctx, id) : null;
  }

  @Authorized('BUYER', 'PLANNER', 'QUALITY')
  @Mutation(() => DataRoomDocument, { description: 'Stores a document in the data room, shared with no one yet (the answer is logged READ, like every document resolved).' })
  async uploadDataRoomDocument(@Arg('input') input: UploadDataRoomDocumentInput, @Ctx() ctx: Context): Promise<DataRoomDocument> {
    const contentType = documentContentType(input.contentType);
    const fileName = documentFileName(input.fileName);
    const content = decodeDocumentContent(input.contentBase64);
    await checkDocumentContent(contentType, content);
    if (input.productId) await ctx.references.requireExisting('Product', [{ id: input.productId, field: 'productId' }]);
    const document = await ctx.em.transactional(async (em) => {
      const created = em.create(DataRoomDocument, {
        title: input.title, kind: input.kind, classification: input.classification, productId: input.productId ?? null,
        fileName, contentType, size: content.length, sha256: sha256Hex(content), uploadedBy: ctx.identity.subject, content,
      });
      em.persist(created);
      return created;
    });
    await accessLog(ctx).read([document]);
    return document;
  }

  @Authorized(INTERNAL_ROLES)
  @FieldResolver(() => [DataRoomShare], {
    nullable: true,
    description: 'Every share, active or not, oldest first. Null with FORBIDDEN for PARTNER callers (who else holds a document is the brand\'s).',
  })
  shares(@Root() document: DataRoomDocument, @Ctx() ctx: Context): Promise<DataRoomShare[]> {
    return ctx.loaders.dataRoomSharesByDocument.load(document.id);
  }

  @FieldResolver(() => Product, { nullable: true })
  product(@Root() document: DataRoomDocument): Product | null {
    return document.productId ? { id: document.productId } : null;
  }
}

/** A page's documents are logged READ when the page is read (`nodes` or `edges`), not merely counted. */
@Resolver(() => DataRoomDocumentConnection)
export class DataRoomDocumentPageResolver {
  @FieldResolver()
  async nodes(@Root() page: Page<DataRoomDocument>, @Ctx() ctx: Context): Promise<DataRoomDocument[]> {
    await accessLog(ctx).read(page.nodes);
    return page.nodes;
  }

  @FieldResolver()
  async edges(@Root() page: Page<DataRoomDocument>, @Ctx() ctx: Context): Promise<Page<DataRoomDocument>['edges']> {
    await accessLog(ctx).read(page.nodes);
    return page.edges;
  }
}
