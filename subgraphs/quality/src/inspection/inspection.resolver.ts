// Inspection queries, recordInspection, and an inspection's relations and references.
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Authorized } from 'type-graphql';
import { connectionOf, maybeLoad, PageArgs, paginate } from '@cmgraph/platform';
import type { Context } from '../context';
import { Inspection, InspectionReading } from './inspection.entity';
import { InspectionFilter, RecordInspectionInput } from './inspection.input';
import { inspectionWhere } from './inspection.filter';
import { recordInspection } from './inspection.recording';
import { InspectionCharacteristic, InspectionPlan } from '../plan/inspection-plan.entity';
import { NonConformance } from '../non-conformance/non-conformance.entity';
import { Lot, Product, Shipment, Supplier } from '../references/contributed.reference';
import { Receipt, WorkOrder, stub } from '../references/external.reference';

export const InspectionConnection = connectionOf(Inspection);

@Resolver(() => Inspection)
export class InspectionResolver {
  @Query(() => Inspection, { nullable: true })
  inspection(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Inspection | null> {
    return maybeLoad(ctx.loaders.inspection, id);
  }

  @Query(() => InspectionConnection)
  inspections(
    @Arg('filter', () => InspectionFilter, { nullable: true }) filter: InspectionFilter | null,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return paginate(ctx.em, Inspection, inspectionWhere(filter ?? {}), page);
  }

  @Authorized('QUALITY', 'PARTNER')
  @Mutation(() => Inspection, {
    description: 'Records an inspection of a lot against an active plan. The result is computed from the readings and the rejected count. ' +
      'A FAILED inspection opens a non-conformance for the rejected quantity in the same transaction, or is recorded under the one ' +
      'already open for the lot. Writes `inspection.recorded` (inventory quarantines the lot of a failed inspection).',
  })
  recordInspection(@Arg('input') input: RecordInspectionInput, @Ctx() ctx: Context): Promise<Inspection> {
    return recordInspection(input, ctx);
  }

  @FieldResolver(() => InspectionPlan)
  plan(@Root() inspection: Inspection, @Ctx() ctx: Context): Promise<InspectionPlan | null> {
    return ctx.loaders.inspectionPlan.load(inspection.plan.id);
  }

  @FieldResolver(() => [InspectionReading])
  readings(@Root() inspection: Inspection, @Ctx() ctx: Context): Promise<InspectionReading[]> {
    return ctx.loaders.readingsByInspection.load(inspection.id);
  }

  @FieldResolver(() => [NonConformance], { description: 'Non-conformances opened from this inspection.' })
  nonConformances(@Root() inspection: Inspection, @Ctx() ctx: Context): Promise<NonConformance[]> {
    return ctx.loaders.nonConformancesByInspection.load(inspection.id);
  }

  @FieldResolver(() => NonConformance, {
    nullable: true,
    description: 'For a failed inspection, the non-conformance it is recorded under: the one it opened, or the one already open for the lot.',
  })
  nonConformance(@Root() inspection: Inspection, @Ctx() ctx: Context): Promise<NonConformance | null> | null {
    return inspection.nonConformance ? ctx.loaders.nonConformance.load(inspection.nonConformance.id) : null;
  }

  @FieldResolver(() => Lot)
  lot(@Root() inspection: Inspection): Lot {
    return { id: inspection.lotId };
  }

  @FieldResolver(() => Product)
  product(@Root() inspection: Inspection): Product {
    return { id: inspection.productId };
  }

  @FieldResolver(() => Supplier, { nullable: true, description: 'The supplier that made the lot, as recorded at inspection time.' })
  supplier(@Root() inspection: Inspection): Supplier | null {
    return stub(inspection.supplierId);
  }

  @FieldResolver(() => Receipt, { nullable: true })
  receipt(@Root() inspection: Inspection): Receipt | null {
    return stub(inspection.receiptId);
  }

  @FieldResolver(() => Shipment, { nullable: true })
  shipment(@Root() inspection: Inspection): Shipment | null {
    return stub(inspection.shipmentId);
  }

  @FieldResolver(() => WorkOrder, { nullable: true })
  workOrder(@Root() inspection: Inspection): WorkOrder | null {
    return stub(inspection.workOrderId);
  }
}

@Resolver(() => InspectionReading)
export class InspectionReadingResolver {
  @FieldResolver(() => InspectionCharacteristic)
  characteristic(@Root() reading: InspectionReading, @Ctx() ctx: Context): Promise<InspectionCharacteristic | null> {
    return ctx.loaders.characteristic.load(reading.characteristic.id);
  }
}
