// Downloading a document: its content watermarked with the reader (subject, supplier, time, access id)
// and the DOWNLOAD row written before the content is handed out. A partner asking for a document not
// actively shared with its supplier gets null with FORBIDDEN, and its attempt is logged DENIED.
import { Arg, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { AppError, newId, partnerScope, requireId } from '@cmgraph/platform';
import type { Context } from '../context';
import { DataRoomDocument } from './data-room-document.entity';
import { accessLog } from './data-room-access.recorder';
import { notShared } from './data-room-document.read';
import { sha256Hex } from './data-room.content';
import { watermarkContent, watermarkLine } from './watermark';

@ObjectType({ description: 'A document\'s content as delivered to one reader, watermarked with who, when and which access-log row.' })
export class DataRoomDownload {
  @Field(() => DataRoomDocument) document!: DataRoomDocument;
  @Field() fileName!: string;
  @Field() contentType!: string;
  @Field({ description: 'The watermarked file, base64.' }) contentBase64!: string;

  @Field({
    description:
      'The watermark, one line: `CMGRAPH-WATERMARK subject=<subject>; supplier=<supplier id, or - for the brand\'s users>; ' +
      'at=<ISO-8601 UTC>; access=<accessId>` (`%`, `;`, `=` and control characters in values percent-encoded). ' +
      'A PDF carries it at the foot of every page (characters the standard font lacks drawn as `?`) and exactly in its Keywords metadata; ' +
      'text/csv and text/plain carry `# ` + the line as their first line, with the file\'s own line ending.',
  })
  watermark!: string;

  @Field(() => ID, { description: 'The DOWNLOAD row of the access log (also the watermark id).' }) accessId!: string;
}

// one download per document per request, however many times the request asks (one row, one watermark)
const downloads = new WeakMap<object, Map<string, Promise<DataRoomDownload>>>();

@Resolver(() => DataRoomDownload)
export class DataRoomDownloadResolver {
  @Query(() => DataRoomDownload, {
    nullable: true,
    description: 'The document\'s content watermarked for the caller (logged DOWNLOAD). Unknown id: NOT_FOUND; a PARTNER asking for a document not actively shared with its supplier: null with FORBIDDEN (logged DENIED).',
  })
  dataRoomDownload(@Arg('documentId', () => ID) documentId: string, @Ctx() ctx: Context): Promise<DataRoomDownload> {
    const id = requireId(documentId, 'documentId');
    let mine = downloads.get(ctx.loaders);
    if (!mine) downloads.set(ctx.loaders, (mine = new Map()));
    let download = mine.get(id);
    if (!download) mine.set(id, (download = deliver(ctx, id)));
    return download;
  }
}

async function deliver(ctx: Context, id: string): Promise<DataRoomDownload> {
  // through the request's EntityManager: a partner's scope decides whether the row is there at all
  const document = await ctx.em.findOne(DataRoomDocument, { id }, { populate: ['content'] });
  if (!document) {
    if (partnerScope(ctx.identity) === null) throw AppError.notFound('DataRoomDocument', id, 'documentId');
    await accessLog(ctx).denied(id);
    throw notShared(id);
  }
  const accessId = newId();
  const at = new Date();
  const watermark = watermarkLine({ subject: ctx.identity.subject, supplierId: ctx.identity.supplierId, at, accessId });
  const delivered = await watermarkContent(document.contentType, document.content, watermark, at);
  await accessLog(ctx).download(id, { id: accessId, at, watermark, deliveredSha256: sha256Hex(delivered) });
  return {
    document, fileName: document.fileName, contentType: document.contentType,
    contentBase64: Buffer.from(delivered).toString('base64'), watermark, accessId,
  };
}
