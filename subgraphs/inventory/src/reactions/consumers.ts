// Inventory's reactions to other subgraphs' events, one consumer (durable offset) per concern, each
// event applied exactly once by the kit; every handler skips (and logs) an event it cannot apply.
import type { ConsumerDefinition } from '@cmgraph/platform';
import { skippable } from './skippable';
import { receiveDelivery } from './delivery.reaction';
import { quarantineFailedLot } from './inspection.reaction';
import { bookConsumption, bookOutput } from './production.reaction';

export const consumers: ConsumerDefinition[] = [
  { name: 'inventory.book-deliveries', handlers: { 'shipment.delivered': skippable('book-deliveries', receiveDelivery) } },
  { name: 'inventory.quarantine-failed-lots', handlers: { 'inspection.recorded': skippable('quarantine-failed-lots', quarantineFailedLot) } },
  {
    name: 'inventory.book-production',
    handlers: {
      'consumption.recorded': skippable('book-production', bookConsumption),
      'work_order.output_reported': skippable('book-production', bookOutput),
    },
  },
];
