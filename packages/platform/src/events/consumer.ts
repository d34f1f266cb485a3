// A consumer: reads the bus through its named reader from its durable offset and applies each event
// exactly once — the dedup row, the handler's writes and the new offset commit in one transaction of the
// consumer's database. That offset is authoritative: the bus reader follows it (a rolled-back batch is
// read again), whatever the bus itself remembers about the consumer. Several processes may run the
// same consumer: each event's transaction locks the offset row first and skips what another process has
// already passed, so the offset never goes back and no work is repeated.
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { createLogger } from '../logger';
import type { BusEvent, EventBus } from './bus';
import { workerLoop, type WorkerLoop } from './loop';

export type EventHandler = (event: BusEvent, em: EntityManager) => Promise<void>;

export interface ConsumerOptions {
  /** Unique per reaction, e.g. `inventory.book-deliveries`. */
  name: string;
  orm: MikroORM;
  bus: EventBus;
  /** Handlers by event type; other types are not read. */
  handlers: Record<string, EventHandler>;
  batchSize?: number;
  pollMs?: number;
}

export async function startConsumer(options: ConsumerOptions): Promise<WorkerLoop> {
  const log = createLogger(`consumer:${options.name}`);
  const types = Object.keys(options.handlers);
  if (!types.length) throw new Error(`consumer ${options.name} has no handlers`); // a reader of no types reads all
  const reader = await options.bus.reader(options.name, types);
  await options.orm.em
    .fork()
    .execute(`insert into consumer_offset (stream, position, updated_at) values (?, 0, now()) on conflict do nothing`, [options.name]);
  const step = async () => {
    const em = options.orm.em.fork();
    const [offset] = await em.execute<{ position: string }[]>('select position::text from consumer_offset where stream = ?', [options.name]);
    const events = await reader.read(offset?.position ?? '0', options.batchSize ?? 200);
    for (const event of events) {
      await options.orm.em.fork().transactional(async (tx) => {
        const [offset] = await tx.execute<{ passed: boolean }[]>(
          'select position >= ?::bigint as passed from consumer_offset where stream = ? for update',
          [event.position, options.name],
        );
        if (offset?.passed) return; // another process of this consumer applied it
        const fresh = await tx.execute(
          'insert into processed_event (event_id, consumer, processed_at) values (?, ?, now()) on conflict do nothing returning 1',
          [event.id, options.name],
        );
        if (fresh.length) await options.handlers[event.type]!(event, tx);
        await tx.execute('update consumer_offset set position = ?, updated_at = now() where stream = ?', [event.position, options.name]);
      });
    }
    return events.length === (options.batchSize ?? 200);
  };
  const loop = workerLoop(step, { pollMs: options.pollMs ?? 1_000, log });
  const unlisten = await options.bus.onAppend(() => loop.wake()).catch(async (error: unknown) => {
    await loop.stop();
    await reader.close();
    throw error;
  });
  return {
    ...loop,
    async stop() {
      await loop.stop();
      await unlisten();
      await reader.close();
    },
  };
}
