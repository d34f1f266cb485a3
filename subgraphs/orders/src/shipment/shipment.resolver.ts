// Shipment queries and mutations, and a shipment's relations: lines, packages, milestones, parties.
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Authorized } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { connectionOf, maybeLoad, PageArgs, paginate, partnerScopeOf, requireId } from '@cmgraph/platform';
import type { Context } from '../context';
import { Shipment } from './shipment.entity';
import { ShipmentLine } from './shipment-line.entity';
import { ShipmentPackage } from './shipment-package.entity';
import { ShipmentEvent } from './shipment-event.entity';
import { CreateShipmentInput, RecordShipmentMilestoneInput, ShipmentFilter, UpdateShipmentEtaInput } from './shipment.input';
import { bookShipment } from './shipment.booking';
import { recordMilestone } from './shipment.milestone';
import { updateEta } from './shipment.eta';
import { Supplier } from '../supplier/supplier.reference';
import { Facility, Location, stub } from '../references/external.reference';

export const ShipmentConnection = connectionOf(Shipment);

@Resolver(() => Shipment)
export class ShipmentResolver {
  @Query(() => Shipment, { nullable: true })
  shipment(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Shipment | null> {
    return maybeLoad(ctx.loaders.shipment, id);
  }

  @Query(() => ShipmentConnection)
  shipments(
    @Arg('filter', () => ShipmentFilter, { nullable: true }) filter: ShipmentFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return paginate(ctx.em, Shipment, shipmentWhere(ctx.em, filter ?? {}), page);
  }

  @Authorized('BUYER', 'PLANNER', 'PARTNER')
  @Mutation(() => Shipment, {
    description: 'Books an ASN against acknowledged PO lines of its supplier; more than is open gives QUANTITY_EXCEEDS_OPEN.',
  })
  createShipment(@Arg('input') input: CreateShipmentInput, @Ctx() ctx: Context): Promise<Shipment> {
    return bookShipment(ctx, input);
  }

  @Authorized('BUYER', 'PLANNER', 'PARTNER')
  @Mutation(() => Shipment, {
    description: 'Records a milestone. DELIVERED books the quantities on the PO lines; nothing may follow it.',
  })
  recordShipmentMilestone(@Arg('input') input: RecordShipmentMilestoneInput, @Ctx() ctx: Context): Promise<Shipment> {
    return recordMilestone(ctx, input);
  }

  @Authorized('BUYER', 'PLANNER', 'PARTNER')
  @Mutation(() => Shipment, {
    description: 'Moves the expected day of arrival of a shipment not yet delivered; the same day again changes nothing. ' +
      'A day past a PO line\'s promise raises `shipment.late`.',
  })
  updateShipmentEta(@Arg('input') input: UpdateShipmentEtaInput, @Ctx() ctx: Context): Promise<Shipment> {
    return updateEta(ctx, input);
  }

  @FieldResolver(() => [ShipmentLine])
  lines(@Root() shipment: Shipment, @Ctx() ctx: Context): Promise<ShipmentLine[]> {
    return ctx.loaders.shipmentLinesByShipment.load(shipment.id);
  }

  @FieldResolver(() => [ShipmentPackage])
  packages(@Root() shipment: Shipment, @Ctx() ctx: Context): Promise<ShipmentPackage[]> {
    return ctx.loaders.packagesByShipment.load(shipment.id);
  }

  @FieldResolver(() => [ShipmentEvent], { description: 'Milestones in the order they happened.' })
  events(@Root() shipment: Shipment, @Ctx() ctx: Context): Promise<ShipmentEvent[]> {
    return ctx.loaders.eventsByShipment.load(shipment.id);
  }

  @FieldResolver(() => Supplier)
  supplier(@Root() shipment: Shipment): Supplier {
    return stub(shipment.supplierId);
  }

  @FieldResolver(() => Facility)
  shipFrom(@Root() shipment: Shipment): Facility {
    return stub(shipment.shipFromFacilityId);
  }

  @FieldResolver(() => Location)
  shipTo(@Root() shipment: Shipment): Location {
    return stub(shipment.shipToLocationId);
  }
}

function shipmentWhere(em: EntityManager, filter: ShipmentFilter): FilterQuery<Shipment> {
  const where: FilterQuery<Shipment>[] = [];
  // The partner filter covers this find; said again because the order subquery below is query-builder
  // SQL, which filters do not reach (it only narrows ids, but this keeps the whole statement scoped).
  const partner = partnerScopeOf(em);
  if (partner !== null) where.push({ supplierId: partner });
  if (filter.supplierId) where.push({ supplierId: requireId(filter.supplierId, 'filter.supplierId') });
  if (filter.statuses?.length) where.push({ status: { $in: filter.statuses } });
  if (filter.purchaseOrderId) {
    const purchaseOrderId = requireId(filter.purchaseOrderId, 'filter.purchaseOrderId');
    // A subquery, not a join: a shipment with several lines on the order must still be one row.
    const onOrder = em.createQueryBuilder(ShipmentLine, 'sl').select('sl.shipment').where({ purchaseOrder: purchaseOrderId });
    where.push({ id: { $in: onOrder.getNativeQuery() } } as FilterQuery<Shipment>);
  }
  return { $and: where };
}
