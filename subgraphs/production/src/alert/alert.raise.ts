// Raising alerts with their events: the upsert, then one `alert.raised` (new) or `alert.recurred` (another
// occurrence of an open alert) per alert, in the caller's transaction. Every source of alerts (the
// mutation, telemetry, reactions to other subgraphs' events) goes through here.
import type { EntityManager } from '@mikro-orm/postgresql';
import { recordEvent } from '@cmgraph/platform';
import { AlertChange } from './alert.enums';
import { alertEvent } from './alert.events';
import { upsertAlerts, type AlertRaise, type RaisedAlert } from './alert.upsert';

/** Raises (or repeats) alerts at `at` and records their events; call it last in the transaction. */
export async function raiseAlerts(em: EntityManager, raises: AlertRaise[], at = new Date()): Promise<RaisedAlert[]> {
  const raised = await upsertAlerts(em, raises, at);
  if (raised.length) {
    await recordEvent(em, ...raised.map((alert) => alertEvent(alert.inserted ? AlertChange.RAISED : AlertChange.RECURRED, alert, at)));
  }
  return raised;
}
