// Which bus a process uses: NATS JetStream when NATS_URL is set, else PostgreSQL (`<prefix>_bus`).
// (Placeholder by the lead until the NATS bus lands; the bus engineer owns this file.)
import { databaseUrl, type DatabaseTarget } from '../database';
import type { EventBus } from './bus';
import { openPostgresBus } from './pg-bus';

export async function openBus(target: DatabaseTarget, env: NodeJS.ProcessEnv = process.env): Promise<EventBus> {
  if (env.NATS_URL) throw new Error('NATS bus not available yet');
  return openPostgresBus(databaseUrl(target, 'bus'));
}
