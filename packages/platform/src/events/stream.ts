// A subscription's event source: this subgraph's outbox read as a durable log. With `after` (a cursor)
// or `since` (a time) it replays from the log, then continues live from the same query loop, so there is
// no switch-over where an event could be lost or repeated: every step reads `seq > last delivered`.
// Hand-written iterator (not an async generator): `return()` must end the stream at once, even while a
// `next()` waits for the next commit.
import type { MikroORM } from '@mikro-orm/postgresql';
import { AppError } from '../errors';
import type { OutboxListener } from './outbox-listener';
import { OUTBOX_COLUMNS, type OutboxRow } from './outbox-row';

export interface StoredEvent {
  seq: string;
  /** Opaque position to resume after. */
  cursor: string;
  id: string;
  type: string;
  subjectType: string;
  subjectId: string;
  supplierId: string | null;
  occurredAt: Date;
  payload: Record<string, unknown>;
}

export interface EventStreamOptions {
  types: string[];
  after?: string | null;
  since?: Date | null;
  /** Extra SQL condition on `outbox_event` columns (`payload`, `supplier_id`...) with its parameters. */
  where?: { sql: string; params: unknown[] };
  /** Called before each event is handed out (e.g. to give the resolver a fresh EntityManager). */
  beforeEach?: () => void;
  batchSize?: number;
  pollMs?: number;
}

const PREFIX = 'ev:';
let open = 0;

/** Event streams open in this process (upstream subscriptions served): tests count sharing with it. */
export function openEventStreams(): number {
  return open;
}

export function eventCursor(seq: string): string {
  return Buffer.from(PREFIX + seq).toString('base64url');
}

export function parseEventCursor(cursor: string, field = 'after'): string {
  const decoded = Buffer.from(cursor, 'base64url').toString();
  if (!decoded.startsWith(PREFIX) || !/^\d{1,18}$/.test(decoded.slice(PREFIX.length))) {
    throw new AppError('BAD_USER_INPUT', `${field} is not a cursor this subscription gave out`, { field });
  }
  return decoded.slice(PREFIX.length);
}

export async function openEventStream(
  orm: MikroORM,
  listener: OutboxListener,
  options: EventStreamOptions,
): Promise<AsyncIterableIterator<StoredEvent>> {
  const em = () => orm.em.fork();
  const batchSize = options.batchSize ?? 200;
  const where = options.where ? ` and (${options.where.sql})` : '';
  const whereParams = options.where?.params ?? [];
  let last: string;
  if (options.after) {
    last = parseEventCursor(options.after);
  } else if (options.since) {
    const [row] = await em().execute<{ start: string }[]>(
      `select coalesce((select min(seq) - 1 from outbox_event where occurred_at >= ? and type in (?)),
                       (select coalesce(max(seq), 0) from outbox_event))::text as start`,
      [options.since, options.types],
    );
    last = row!.start;
  } else {
    const [row] = await em().execute<{ head: string }[]>('select coalesce(max(seq), 0)::text as head from outbox_event');
    last = row!.head;
  }

  let buffer: StoredEvent[] = [];
  let done = false;
  let wake: (() => void) | undefined;
  const unlisten = listener.onCommit(() => wake?.());
  open++;
  const finish = () => {
    if (done) return;
    open--;
    done = true;
    unlisten();
    wake?.();
  };
  const waitForCommit = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, options.pollMs ?? 1_000);
      wake = () => {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      };
    });
  const fill = async () => {
    while (!done && !buffer.length) {
      const waiting = waitForCommit(); // armed before reading: a commit during the read is not missed
      const rows = await em().execute<OutboxRow[]>(
        `select ${OUTBOX_COLUMNS}
         from outbox_event where seq > ? and type in (?)${where} order by outbox_event.seq limit ?`,
        [last, options.types, ...whereParams, batchSize],
      );
      if (rows.length) {
        wake?.();
        buffer = rows.map((row) => ({
          seq: row.seq, cursor: eventCursor(row.seq), id: row.id, type: row.type, subjectType: row.subject_type,
          subjectId: row.subject_id, supplierId: row.supplier_id, occurredAt: new Date(row.occurred_at), payload: row.payload,
        }));
        last = rows[rows.length - 1]!.seq;
      } else {
        await waiting;
      }
    }
  };
  const iterator: AsyncIterableIterator<StoredEvent> = {
    async next() {
      if (!done) await fill();
      const value = buffer.shift();
      if (done || !value) return { done: true, value: undefined };
      options.beforeEach?.();
      return { done: false, value };
    },
    async return() {
      finish();
      return { done: true, value: undefined };
    },
    async throw(error) {
      finish();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
