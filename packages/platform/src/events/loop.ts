// A worker loop for relays and consumers: runs `step` until it reports nothing more to do, then sleeps
// until woken (a NOTIFY) or until the poll interval passes — the poll covers a missed notification.
import type { Logger } from '../logger';

export interface WorkerLoop {
  wake(): void;
  /** Finishes the step under way, then stops. */
  stop(): Promise<void>;
  /** Resolves once the log is drained (the step reported nothing more to do) after this call. */
  idle(): Promise<void>;
}

export function workerLoop(step: () => Promise<boolean>, options: { pollMs: number; log: Logger }): WorkerLoop {
  let stopped = false;
  let wakeUp: (() => void) | undefined;
  let started = 0; // steps begun so far
  let idleWaiters: { after: number; resolve: () => void }[] = [];
  const sleep = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, options.pollMs);
      wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const running = (async () => {
    while (!stopped) {
      let more = false;
      const current = ++started;
      try {
        more = await step();
      } catch (error) {
        options.log.error({ err: error }, 'worker step failed; retrying after the poll interval');
      }
      if (!more) {
        // only a step that began after idle() was asked can vouch that nothing is pending
        const ready = idleWaiters.filter((w) => w.after < current);
        idleWaiters = idleWaiters.filter((w) => w.after >= current);
        for (const waiter of ready) waiter.resolve();
        if (!stopped && !idleWaiters.length) await sleep();
      }
    }
  })();
  return {
    wake: () => wakeUp?.(),
    async stop() {
      stopped = true;
      wakeUp?.();
      await running;
    },
    idle() {
      return new Promise<void>((resolve) => {
        idleWaiters.push({ after: started, resolve });
        wakeUp?.();
      });
    },
  };
}
