// The `shipmentUpdated` subscription: the orders event log as a stream, replayed from a cursor or a
// time and then live, filtered in SQL; each update carries the shipment as it is when delivered.
import { Arg, Ctx, FieldResolver, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { StoredEvent } from '@cmgraph/platform';
import type { Context } from '../context';
import { Shipment } from '../shipment/shipment.entity';
import { ShipmentUpdate, ShipmentUpdateFilter } from './shipment-update.type';
import { shipmentUpdateStream, toShipmentUpdate, type ShipmentUpdatedArgs } from './shipment-update.stream';

@Resolver(() => ShipmentUpdate)
export class ShipmentUpdateResolver {
  @Subscription(() => ShipmentUpdate, {
    description:
      'Every change to shipments (created, milestone, status, ETA), in the order recorded. With `after` (a cursor from an ' +
      'earlier update) or `since`, replays the log from there, then continues live with no gap and no duplicate; ' +
      'without either, starts live. A cursor this subscription did not give out is refused with BAD_USER_INPUT.',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, ShipmentUpdatedArgs, Context>) =>
      context.events.open(shipmentUpdateStream(args)),
  })
  shipmentUpdated(
    // type-graphql lists arguments in reverse parameter order; this keeps `(filter, after, since)` in the schema.
    @Arg('since', () => Date, { nullable: true, description: 'Replay the updates recorded at or after this time.' }) _since: Date | null,
    @Arg('after', () => String, { nullable: true, description: 'Replay the updates after this cursor.' }) _after: string | null,
    @Arg('filter', () => ShipmentUpdateFilter, { nullable: true }) _filter: ShipmentUpdateFilter | null,
    @Root() event: StoredEvent,
  ): ShipmentUpdate {
    return toShipmentUpdate(event);
  }

  @FieldResolver(() => Shipment, { description: 'The shipment as it is now (not as it was at the time of the change).' })
  async shipment(@Root() update: ShipmentUpdate, @Ctx() ctx: Context): Promise<Shipment> {
    return (await ctx.loaders.shipment.load(update.shipmentId))!;
  }
}
