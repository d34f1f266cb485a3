// One LISTEN connection per subgraph process on its outbox channel: the relay and every live
// subscription are woken by it when an outbox write commits. A lost connection is re-opened; in the
// meantime readers fall back on their poll interval, so nothing waits forever.
import { Client } from 'pg';
import type { Logger } from '../logger';
import { OUTBOX_CHANNEL } from './record';

export interface OutboxListener {
  /** Calls `listener` after each commit that wrote events; returns the unsubscribe. */
  onCommit(listener: () => void): () => void;
  close(): Promise<void>;
}

export async function listenOutbox(url: string, log: Logger): Promise<OutboxListener> {
  const listeners = new Set<() => void>();
  let client: Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const wakeAll = () => {
    for (const listener of listeners) listener();
  };
  const connect = async () => {
    const next = new Client({ connectionString: url });
    next.on('notification', wakeAll);
    next.on('error', (error) => {
      log.warn({ err: error }, 'outbox listener lost; reconnecting');
      void next.end().catch(() => undefined);
      if (!closed) retry = setTimeout(() => void connect().catch(() => undefined), 1_000);
    });
    await next.connect();
    await next.query(`listen ${OUTBOX_CHANNEL}`);
    client = next;
    wakeAll(); // anything committed while we were not listening
  };
  await connect();
  return {
    onCommit(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      listeners.clear();
      await client?.end().catch(() => undefined);
    },
  };
}
