// A cluster of gateway workers on the machine's cores. Each worker is a worker thread running a whole
// gateway (Apollo, plans, the answer cache, subscriptions) that listens on the same port with
// SO_REUSEPORT, so the kernel spreads incoming connections over them and no process sits in between.
// What must be one across workers is one: the cache generations live in memory they share (a mutation
// answered by any worker invalidates every worker's answers before its client hears back — see
// cache/generations.ts), and so do the rate-limit buckets (limits/shared-rate-limit.ts: a client whose
// connections land on different workers still gets one identity's rate). What stays per worker: the
// cached answers themselves, in-flight fetch sharing, and subscription groups (an event is resolved once
// per group per worker).
// The main thread only supervises: it restarts a worker that dies, and stops them all on SIGINT/SIGTERM.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Logger } from '@cmgraph/platform/src/lean';
import type { GatewayWorker } from '../gateway';
import { Generations } from '../cache/generations';
import { SharedTokenBucketLimiter } from '../limits/shared-rate-limit';

/** GATEWAY_WORKERS: a positive integer, or `auto` for one per available core (default 1: no workers). */
export function workerCountFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const value = env.GATEWAY_WORKERS ?? '1';
  if (value === 'auto') return os.availableParallelism();
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) throw new Error(`GATEWAY_WORKERS must be a positive integer or "auto", got ${value}`);
  return count;
}

/** What the main thread tells a worker, and what a worker tells it. */
export type ToWorker = { type: 'stop' };
export type FromWorker = { type: 'listening'; url: string } | { type: 'failed'; message: string };

export interface WorkerPoolOptions {
  count: number;
  /** The module a worker runs (it calls `runGatewayWorker`'s counterpart with its `workerData`). */
  entry: string;
  subgraphs: readonly string[];
  log: Logger;
  /** Delay before a dead worker is replaced (default 1 s). */
  restartDelayMs?: number;
}

export interface WorkerPool {
  /** Resolves once every worker listens; rejects if one fails before it does. */
  ready: Promise<string[]>;
  stop(): Promise<void>;
}

export function startWorkerPool(options: WorkerPoolOptions): WorkerPool {
  const generationsMemory = Generations.memory(options.subgraphs.length);
  const rateLimitMemory = SharedTokenBucketLimiter.memory();
  const replica = randomUUID();
  const workers = new Map<number, Worker>();
  let stopping = false;
  let started = 0;
  const urls: string[] = [];
  let readyResolve!: (urls: string[]) => void;
  let readyReject!: (error: Error) => void;
  const ready = new Promise<string[]>((resolve, reject) => {
    readyResolve = resolve;
    readyReject = reject;
  });
  ready.catch(() => undefined);

  const spawn = (id: number) => {
    const data: GatewayWorker = { id, generationsMemory, rateLimitMemory, replica };
    // evaluated, so that the worker loads the entry through the same require hooks as this thread (its execArgv)
    const worker = new Worker(`require(${JSON.stringify(options.entry)})`, { eval: true, workerData: data });
    let listening = false;
    workers.set(id, worker);
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'listening') {
        listening = true;
        if (!urls[id - 1]) {
          urls[id - 1] = message.url;
          if (++started === options.count) readyResolve(urls);
        }
      } else if (message.type === 'failed') {
        readyReject(new Error(`gateway worker ${id} failed to start: ${message.message}`));
      }
    });
    worker.on('error', (error) => options.log.error({ err: error, worker: id }, 'gateway worker failed'));
    worker.on('exit', (code) => {
      workers.delete(id);
      if (stopping) return;
      // a worker of the first start that cannot listen fails the start; a replacement that cannot is retried
      if (!listening && started < options.count) {
        readyReject(new Error(`gateway worker ${id} exited (${code}) before it listened`));
        return;
      }
      options.log.error({ worker: id, code }, 'gateway worker died; starting another');
      setTimeout(() => !stopping && spawn(id), options.restartDelayMs ?? 1_000).unref();
    });
  };
  for (let id = 1; id <= options.count; id++) spawn(id);

  return {
    ready,
    async stop() {
      stopping = true;
      await Promise.all(
        [...workers.values()].map(
          (worker) =>
            new Promise<void>((resolve) => {
              worker.once('exit', () => resolve());
              worker.postMessage({ type: 'stop' } satisfies ToWorker);
              // a worker whose shutdown hangs is ended
              setTimeout(() => void worker.terminate(), 10_000).unref();
            }),
        ),
      );
    },
  };
}
