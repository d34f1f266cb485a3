// A consumer: reads the bus from its durable offset and applies each event exactly once — the dedup
// row, the handler's writes and the new offset commit in one transaction of the consumer's database.
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
  const step = async () => {
    const em = options.orm.em.fork();
    const [offset] = await em.execute<{ position: string }[]>('select position::text from consumer_offset where stream = ?', [options.name]);
    const events = await options.bus.read(offset?.position ?? '0', options.batchSize ?? 200, types);
    for (const event of events) {
      await options.orm.em.fork().transactional(async (tx) => {
        const fresh = await tx.execute(
          'insert into processed_event (event_id, consumer, processed_at) values (?, ?, now()) on conflict do nothing returning 1',
          [event.id, options.name],
        );
        if (fresh.length) await options.handlers[event.type]!(event, tx);
        await tx.execute(
          `insert into consumer_offset (stream, position, updated_at) values (?, ?, now())
           on conflict (stream) do update set position = excluded.position, updated_at = now()`,
          [options.name, event.position],
        );
      });
    }
    return events.length === (options.batchSize ?? 200);
  };
  const loop = workerLoop(step, { pollMs: options.pollMs ?? 1_000, log });
  const unlisten = await options.bus.onAppend(() => loop.wake());
  return {
    ...loop,
    async stop() {
      await loop.stop();
      await unlisten();
    },
  };
}
