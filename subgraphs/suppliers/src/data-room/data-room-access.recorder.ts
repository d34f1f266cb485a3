// Writes the access log for one request: every document resolved for the caller gets one row per
// action (READ, DOWNLOAD, DENIED) however often the request touches it, and the rows a request records in
// one turn of the event loop go to the database in one INSERT (a list of 50 is one statement, not 50).
// A resolver awaits its rows before answering: when the log cannot be written, the document is not served.
import type { Context } from '../context';
import { DataRoomAccess } from './data-room-access.entity';
import { DataRoomAccessAction } from './data-room.enums';
import type { DataRoomDocument } from './data-room-document.entity';

/** What a DOWNLOAD row adds (its id is chosen first, because the watermark prints it). */
export interface DownloadFacts {
  id: string;
  at: Date;
  watermark: string;
  deliveredSha256: string;
}

interface Pending {
  row: DataRoomAccess;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class AccessRecorder {
  private readonly recorded = new Map<string, Promise<void>>();
  private pending: Pending[] = [];

  constructor(private readonly ctx: Context) {}

  read(documents: DataRoomDocument[]): Promise<void> {
    return Promise.all(documents.map((document) => this.record(document.id, DataRoomAccessAction.READ))).then(() => undefined);
  }

  denied(documentId: string): Promise<void> {
    return this.record(documentId, DataRoomAccessAction.DENIED);
  }

  download(documentId: string, facts: DownloadFacts): Promise<void> {
    return this.record(documentId, DataRoomAccessAction.DOWNLOAD, facts);
  }

  private record(documentId: string, action: DataRoomAccessAction, extra: Partial<DataRoomAccess> = {}): Promise<void> {
    const key = `${action}:${documentId}`;
    let done = this.recorded.get(key);
    if (!done) {
      const { identity } = this.ctx;
      // id before time, as a download does: the log's id order (newest first) is also its time order
      const row: DataRoomAccess = Object.assign(new DataRoomAccess(), {
        documentId, action, subject: identity.subject, roles: [...identity.roles],
        supplierId: identity.supplierId ?? null, address: identity.address ?? null, at: new Date(), ...extra,
      });
      done = new Promise<void>((resolve, reject) => {
        if (!this.pending.length) setImmediate(() => void this.flush());
        this.pending.push({ row, resolve, reject });
      });
      this.recorded.set(key, done);
    }
    return done;
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      await this.ctx.em.insertMany(DataRoomAccess, batch.map(({ row }) => ({ ...row })));
      for (const entry of batch) entry.resolve();
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    }
  }
}

// one recorder per request: the loaders object is made fresh for every request
const recorders = new WeakMap<object, AccessRecorder>();

export function accessLog(ctx: Context): AccessRecorder {
  let recorder = recorders.get(ctx.loaders);
  if (!recorder) {
    recorder = new AccessRecorder(ctx);
    recorders.set(ctx.loaders, recorder);
  }
  return recorder;
}
