// What the floor reports against a running work order: output into lots, and input lots consumed.
// Each checks the lot (and the location, when named) through inventory, its owner, before the
// transaction, then writes the report and its event (`work_order.output_reported`,
// `consumption.recorded`: what inventory books stock movements from) in one transaction. A partner reaches
// only its own work orders (others are NOT_FOUND) and puts output only into its own lots (FORBIDDEN).
import { Arg, Ctx, Mutation, Resolver, Authorized } from 'type-graphql';
import { AppError, recordEvent, WITHOUT_PARTNER_SCOPE } from '@cmgraph/platform';
import type { Context } from '../context';
import { WorkOrder } from './work-order.entity';
import { WorkOrderOutput } from './work-order-output.entity';
import { MaterialConsumption } from './material-consumption.entity';
import { RecordConsumptionInput, ReportWorkOrderOutputInput } from './work-order.input';
import { REPORTABLE } from './work-order.rules';
import { lockWorkOrder } from './work-order.mutations';
import { consumptionRecorded, outputReported } from './work-order.events';
import { fetchReportFacts, orderSupplier, requireLocationAt, requireOwnOutputLot } from './report-facts';
import { BillOfMaterialsLine } from '../bom/bill-of-materials.entity';

function requireReportable(order: WorkOrder): void {
  if (!REPORTABLE.includes(order.status)) {
    throw AppError.conflict(`nothing can be reported on a ${order.status} work order`, { field: 'status', status: order.status });
  }
}

@Resolver(() => WorkOrder)
export class ProductionReportResolver {
  @Authorized('PLANNER', 'PARTNER')
  @Mutation(() => WorkOrder, { description: 'Books good and scrapped quantity into an output lot of the work order\'s product.' })
  async reportWorkOrderOutput(@Arg('input') input: ReportWorkOrderOutputInput, @Ctx() ctx: Context): Promise<WorkOrder> {
    if (input.goodQuantity + input.scrapQuantity <= 0) throw AppError.badInput('goodQuantity', 'good + scrap must be greater than 0');
    const { lot, location } = await fetchReportFacts(ctx, input.lotId, input.locationId);
    requireOwnOutputLot(ctx, lot);
    return ctx.em.transactional(async (em) => {
      const order = await lockWorkOrder(em, input.workOrderId);
      requireReportable(order);
      if (lot.product.id !== order.productId) throw AppError.badInput('lotId', "the lot is of another product than the work order's");
      const locationId = requireLocationAt(order, location);
      // Serialises reports into one lot across work orders, so two cannot both claim it as their output.
      await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`lot-output:${input.lotId}`]);
      // Every supplier's outputs count here (a partner's scope would hide another CM's claim on the lot).
      const elsewhere = await em.findOne(WorkOrderOutput, { lotId: input.lotId, workOrder: { $ne: order.id } }, { filters: WITHOUT_PARTNER_SCOPE });
      if (elsewhere) throw AppError.conflict('the lot is the output of another work order', { field: 'lotId' });
      if (await em.count(MaterialConsumption, { workOrder: order, lotId: input.lotId })) {
        throw AppError.badInput('lotId', 'the lot is an input of this work order');
      }
      const output = em.create(WorkOrderOutput, {
        workOrder: order, lotId: input.lotId, goodQuantity: input.goodQuantity, scrapQuantity: input.scrapQuantity, locationId,
      });
      em.persist(output);
      order.quantityGood += input.goodQuantity;
      order.quantityScrap += input.scrapQuantity;
      await recordEvent(em, outputReported(order, output, lot.lotNumber, await orderSupplier(em, order)));
      return order;
    });
  }

  @Authorized('PLANNER', 'PARTNER')
  @Mutation(() => MaterialConsumption, { description: 'Records an input lot consumed by the work order; its product must be on the BOM.' })
  async recordConsumption(@Arg('input') input: RecordConsumptionInput, @Ctx() ctx: Context): Promise<MaterialConsumption> {
    const { lot, location } = await fetchReportFacts(ctx, input.lotId, input.locationId);
    return ctx.em.transactional(async (em) => {
      const order = await lockWorkOrder(em, input.workOrderId);
      requireReportable(order);
      const component = await em.findOne(BillOfMaterialsLine, { billOfMaterials: order.billOfMaterials, componentProductId: lot.product.id });
      if (!component) throw AppError.badInput('lotId', "the lot's product is not a component on the work order's bill of materials");
      const locationId = requireLocationAt(order, location);
      if (await em.count(WorkOrderOutput, { workOrder: order, lotId: input.lotId })) {
        throw AppError.badInput('lotId', 'the lot is an output of this work order');
      }
      const consumption = em.create(MaterialConsumption, {
        workOrder: order, lotId: input.lotId, productId: lot.product.id, quantity: input.quantity, uom: component.uom, locationId,
      });
      em.persist(consumption);
      await recordEvent(em, consumptionRecorded(order, consumption, lot.lotNumber, await orderSupplier(em, order)));
      return consumption;
    });
  }
}
