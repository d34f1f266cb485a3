// Which bus a process uses: NATS JetStream when NATS_URL is set (the stream and subjects named after the
// database prefix), else the PostgreSQL bus in the database `<prefix>_bus` on the same server as the
// subgraphs' databases.
import { databaseUrl, type DatabaseTarget } from '../database-target';
import type { EventBus } from './bus';
import { openNatsBus } from './nats-bus';
import { openPostgresBus } from './pg-bus';

export async function openBus(target: DatabaseTarget, env: NodeJS.ProcessEnv = process.env): Promise<EventBus> {
  if (env.NATS_URL) return openNatsBus(env.NATS_URL, { namespace: target.prefix });
  return openPostgresBus(databaseUrl(target, 'bus'));
}
