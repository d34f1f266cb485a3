// Reading a document for the caller, logged: READ when the caller may see it; for a PARTNER asking for
// one that is not shared with its supplier (or no longer: expired, revoked), a DENIED row and nothing else
// — the same whether or not the document exists.
import { forbidden, partnerScope } from '@cmgraph/platform';
import type { Context } from '../context';
import { accessLog } from './data-room-access.recorder';
import type { DataRoomDocument } from './data-room-document.entity';

/** The document if the caller may see it (logged READ), else null (a partner's attempt logged DENIED). */
export async function readDocument(ctx: Context, id: string): Promise<DataRoomDocument | null> {
  const document = await ctx.loaders.dataRoomDocument.load(id);
  if (document) {
    await accessLog(ctx).read([document]);
    return document;
  }
  if (partnerScope(ctx.identity) !== null) await accessLog(ctx).denied(id);
  return null;
}

/** Like readDocument, but a partner's refusal is an error: FORBIDDEN (the field answers null). */
export async function readDocumentOrRefuse(ctx: Context, id: string): Promise<DataRoomDocument | null> {
  const document = await readDocument(ctx, id);
  if (!document && partnerScope(ctx.identity) !== null) throw notShared(id);
  return document;
}

export function notShared(id: string) {
  return forbidden(`DataRoomDocument ${id} is not shared with the caller's supplier`, { type: 'DataRoomDocument' });
}
