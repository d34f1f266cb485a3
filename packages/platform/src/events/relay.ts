// The relay: moves committed outbox rows to the bus, in order, at least once; the bus ignores an event
// it already has, so a relay killed between appending and marking only repeats itself harmlessly.
import { Client } from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createLogger } from '../logger';
import type { EventBus } from './bus';
import { OUTBOX_CHANNEL } from './record';
import { workerLoop, type WorkerLoop } from './loop';

export interface RelayOptions {
  producer: string;
  orm: MikroORM;
  /** The producer's database URL, for LISTEN. */
  url: string;
  bus: EventBus;
  batchSize?: number;
  pollMs?: number;
}

interface OutboxRow {
  seq: string;
  id: string;
  type: string;
  subject_type: string;
  subject_id: string;
  supplier_id: string | null;
  occurred_at: Date;
  payload: Record<string, unknown>;
}

export async function startRelay(options: RelayOptions): Promise<WorkerLoop> {
  const log = createLogger(`${options.producer}:relay`);
  const batchSize = options.batchSize ?? 500;
  const step = () =>
    options.orm.em.fork().transactional(async (em) => {
      const rows = await em.execute<OutboxRow[]>(
        `select seq::text, id, type, subject_type, subject_id, supplier_id, occurred_at, payload
         from outbox_event where relayed_at is null order by seq limit ? for update skip locked`,
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
  const listener = new Client({ connectionString: options.url });
  listener.on('error', (error) => log.warn({ err: error }, 'outbox listener lost; polling'));
  listener.on('notification', () => loop.wake());
  await listener.connect();
  await listener.query(`listen ${OUTBOX_CHANNEL}`);
  return {
    ...loop,
    async stop() {
      await loop.stop();
      await listener.end().catch(() => undefined);
    },
  };
}
