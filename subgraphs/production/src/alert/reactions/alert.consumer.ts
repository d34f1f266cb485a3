// Production's reaction to other domains' events: each becomes an alert (deduplicated like any raise)
// with its `alert.raised` / `alert.recurred` event, in the consumer's transaction — exactly once per
// event id. Alert times are the source event's, so a replayed event raises the same alert.
import { createLogger, type BusEvent, type ConsumerDefinition } from '@cmgraph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';
import { raiseAlerts } from '../alert.raise';
import type { AlertRaise } from '../alert.upsert';
import { lateShipmentAlert } from './delivery.reaction';
import { lowStockAlert } from './stock.reaction';
import { expiringCertificationAlert } from './certification.reaction';
import { emissionsOverBudgetAlert } from './emissions.reaction';

const log = createLogger('production:alert-reactions');

function raiseFrom(toAlert: (event: BusEvent) => AlertRaise | null) {
  return async (event: BusEvent, em: EntityManager): Promise<void> => {
    const raise = toAlert(event);
    if (!raise) {
      log.warn({ eventId: event.id, type: event.type, producer: event.producer }, 'event unusable for an alert; skipped');
      return;
    }
    await raiseAlerts(em, [raise], new Date(event.occurredAt));
  };
}

export const alertReactions: ConsumerDefinition = {
  name: 'production.raise-alerts',
  handlers: {
    'shipment.late': raiseFrom(lateShipmentAlert),
    'stock.below_reorder_point': raiseFrom(lowStockAlert),
    'certification.expiring': raiseFrom(expiringCertificationAlert),
    'emissions.budget_exceeded': raiseFrom(emissionsOverBudgetAlert),
  },
};
