// The relay: moves committed outbox rows to the bus, in order, at least once; the bus ignores an event
// it already has, so a relay killed between appending and marking only repeats itself harmlessly.
// One relay per producer database works at a time (an advisory lock), so the bus receives each
// producer's events in its outbox order even when several processes of the subgraph run.
import type { MikroORM } from '@mikro-orm/postgresql';
import { createLogger } from '../logger';
import type { EventBus } from './bus';
import type { OutboxListener } from './outbox-listener';
import { workerLoop, type WorkerLoop } from './loop';
import { OUTBOX_COLUMNS, type OutboxRow } from './outbox-row';

const RELAY_LOCK = 0x636d726c; // "cmrl"

export interface RelayOptions {
  producer: string;
  orm: MikroORM;
  bus: EventBus;
  /** Wakes the relay when an outbox write commits (otherwise it polls). */
  listener?: OutboxListener;
  batchSize?: number;
  pollMs?: number;
}

export function startRelay(options: RelayOptions): WorkerLoop {
  const log = createLogger(`${options.producer}:relay`);
  const batchSize = options.batchSize ?? 500;
  const step = () =>
    options.orm.em.fork().transactional(async (em) => {
      const [lock] = await em.execute<{ mine: boolean }[]>(`select pg_try_advisory_xact_lock(${RELAY_LOCK}) as mine`);
      if (!lock?.mine) return false; // another process of this subgraph is relaying
      const rows = await em.execute<OutboxRow[]>(
        `select ${OUTBOX_COLUMNS}
         from outbox_event where relayed_at is null order by outbox_event.seq limit ?`,
        [batchSize],
      );
      if (!rows.length) return false;
      await options.bus.append(
        rows.map((row) => ({
          id: row.id, producer: options.producer, producerSeq: row.seq, type: row.type, subjectType: row.subject_type,
          subjectId: row.subject_id, supplierId: row.supplier_id, occurredAt: row.occurred_at, payload: row.payload,
        })),
      );
      await em.execute('update outbox_event set relayed_at = now() where seq in (?)', [rows.map((r) => r.seq)]);
      return rows.length === batchSize;
    });
  const loop = workerLoop(step, { pollMs: options.pollMs ?? 1_000, log });
  const unlisten = options.listener?.onCommit(() => loop.wake());
  return {
    ...loop,
    async stop() {
      unlisten?.();
      await loop.stop();
    },
  };
}
