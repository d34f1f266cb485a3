// A subgraph's background work, started with it: the relay (outbox → bus), its consumers (bus →
// reactions in its own database) and its scheduled jobs (e.g. scanning for expiring certificates).
// `idle()` lets tests and scripts wait until everything pending has been carried and applied.
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { createLogger } from '../logger';
import type { EventBus } from './bus';
import { startConsumer, type EventHandler } from './consumer';
import type { OutboxListener } from './outbox-listener';
import { startRelay } from './relay';
import type { WorkerLoop } from './loop';

/** A reaction to other subgraphs' events: handlers by event type, applied exactly once each. */
export interface ConsumerDefinition {
  /** Unique and stable: it names the durable offset, e.g. `inventory.book-deliveries`. */
  name: string;
  handlers: Record<string, EventHandler>;
}

/** Periodic work in the subgraph's own database, one transaction per run, one process at a time. */
export interface JobDefinition {
  name: string;
  intervalMs: number;
  run(em: EntityManager): Promise<void>;
}

export interface EventWorkers {
  /** Resolves when the relay has nothing pending and every consumer has caught up with the bus. */
  idle(): Promise<void>;
  /** Runs a job now (tests, operators). */
  runJob(name: string): Promise<void>;
  stop(): Promise<void>;
}

export interface EventWorkerOptions {
  producer: string;
  orm: MikroORM;
  bus: EventBus;
  listener: OutboxListener;
  consumers?: ConsumerDefinition[];
  jobs?: JobDefinition[];
  /** Run jobs on their schedule (default); off, they run only through `runJob` (tests). */
  scheduleJobs?: boolean;
  pollMs?: number;
}

export async function startEventWorkers(options: EventWorkerOptions): Promise<EventWorkers> {
  const log = createLogger(`${options.producer}:jobs`);
  const relay = startRelay({ producer: options.producer, orm: options.orm, bus: options.bus, listener: options.listener, pollMs: options.pollMs });
  const consumers: WorkerLoop[] = [];
  for (const consumer of options.consumers ?? []) {
    consumers.push(await startConsumer({ ...consumer, orm: options.orm, bus: options.bus, pollMs: options.pollMs }));
  }
  const jobs = new Map((options.jobs ?? []).map((job) => [job.name, job]));
  const runJob = async (name: string) => {
    const job = jobs.get(name);
    if (!job) throw new Error(`no job ${name} in ${options.producer}`);
    await options.orm.em.fork().transactional(async (em) => {
      const [lock] = await em.execute<{ mine: boolean }[]>('select pg_try_advisory_xact_lock(hashtext(?)) as mine', [job.name]);
      if (lock?.mine) await job.run(em);
    });
  };
  const tick = (job: JobDefinition) => () =>
    void runJob(job.name).catch((error) => log.error({ err: error, job: job.name }, 'job failed'));
  // each job runs soon after start (a daily job must not wait a day after a deploy), then every interval
  const scheduled = options.scheduleJobs === false ? [] : [...jobs.values()];
  const timers = scheduled.flatMap((job) => [
    setTimeout(tick(job), Math.min(job.intervalMs, 5_000)).unref(),
    setInterval(tick(job), job.intervalMs).unref(),
  ]);
  return {
    async idle() {
      await relay.idle();
      await Promise.all(consumers.map((consumer) => consumer.idle()));
    },
    runJob,
    async stop() {
      for (const timer of timers) clearTimeout(timer);
      await relay.stop();
      await Promise.all(consumers.map((consumer) => consumer.stop()));
    },
  };
}
