// Two contract manufacturers, A and B, each with rows of every partner-scoped type of production: a line
// with machines, work orders with output and consumption, downtime, telemetry over a limit, metric limits
// and alerts; plus a brand-internal alert (no supplier) and lots that cross between the two (B consumes
// A's output, A consumes B's), so that genealogy has another CM's side to hide. Built as ADMIN.
import { dataOf, type Stack } from '@cmgraph/testkit';
import { createBom, createPlant, createProduct, createWorkOrder, mutate, RECORD_CONSUMPTION, REPORT_OUTPUT, run, type Plant } from './fixtures';

export interface CmRows {
  plant: Plant;
  /** Completed: output into `outputLot`, consumed `inputLot`. */
  workOrderId: string;
  /** Completed: made `kitLot` from the other CM's output lot. */
  kitOrderId: string;
  /** RUNNING, for reports in tests. */
  runningOrderId: string;
  /** PLANNED, for status changes in tests. */
  plannedOrderId: string;
  outputLot: string;
  inputLot: string;
  kitLot: string;
  /** MACHINE_HEALTH (telemetry) and THROUGHPUT (raised) alerts, both carrying the CM. */
  alertIds: string[];
}

export interface PartnerWorld {
  finished: string;
  component: string;
  kit: string;
  a: CmRows;
  b: CmRows;
  /** An alert with no supplier: brand-internal. */
  brandAlertId: string;
}

export const PERIOD = 'from: "2026-03-01T00:00:00Z", to: "2026-03-04T00:00:00Z"';

export async function registerLotOf(stack: Stack, productId: string, lotNumber: string, supplierId: string | null): Promise<string> {
  const { registerLot } = await mutate(stack, `mutation($input: RegisterLotInput!) { registerLot(input: $input) { id } }`, { productId, lotNumber, supplierId });
  return registerLot.id;
}

export async function raise(stack: Stack, input: object): Promise<string> {
  const { raiseAlert } = await mutate(stack, `mutation($input: RaiseAlertInput!) { raiseAlert(input: $input) { id } }`, {
    category: 'THROUGHPUT', severity: 'WARNING', message: 'slow', ...input,
  });
  return raiseAlert.id;
}

export async function buildPartnerWorld(stack: Stack): Promise<PartnerWorld> {
  const [finished, component, kit] = [await createProduct(stack, 'PW-FG'), await createProduct(stack, 'PW-CP'), await createProduct(stack, 'PW-KIT')];
  await createBom(stack, finished!, [component!]);
  await createBom(stack, kit!, [finished!]);
  await mutate(stack, `mutation($input: CreateDowntimeReasonInput!) { createDowntimeReason(input: $input) { code } }`, {
    code: 'PW-JAM', description: 'Jam', category: 'FAILURE', planned: false,
  });
  const cm = async (tag: string): Promise<CmRows> => {
    const plant = await createPlant(stack, 2);
    const workOrderId = await createWorkOrder(stack, plant.lineId, finished!);
    await run(stack, workOrderId, '2026-03-02T06:00:00Z');
    const outputLot = await registerLotOf(stack, finished!, `${tag}-OUT`, plant.supplierId);
    const inputLot = await registerLotOf(stack, component!, `${tag}-IN`, null);
    await mutate(stack, REPORT_OUTPUT, { workOrderId, lotId: outputLot, goodQuantity: 90, scrapQuantity: 10 });
    await mutate(stack, RECORD_CONSUMPTION, { workOrderId, lotId: inputLot, quantity: 100 });
    await mutate(stack, `mutation($input: SetWorkOrderStatusInput!) { setWorkOrderStatus(input: $input) { id } }`, { workOrderId, status: 'COMPLETED', at: '2026-03-02T14:00:00Z' });
    const machineId = plant.machineIds[0]!;
    await mutate(stack, `mutation($input: RecordDowntimeInput!) { recordDowntime(input: $input) { id } }`, {
      machineId, reasonCode: 'PW-JAM', startedAt: '2026-03-02T08:00:00Z', endedAt: '2026-03-02T08:30:00Z',
    });
    await mutate(stack, `mutation($input: SetMetricLimitInput!) { setMetricLimit(input: $input) { id } }`, { machineId, metric: 'temperature', unit: 'degC', max: 80 });
    const { ingestTelemetry } = dataOf(await stack.gateway(`mutation($r: [TelemetryReadingInput!]!) { ingestTelemetry(readings: $r) { alerts { id } } }`, {
      r: [{ machineId, metric: 'temperature', value: 90, unit: 'degC', recordedAt: '2026-03-02T09:00:00Z' }],
    }));
    const throughput = await raise(stack, { subjectType: 'Line', subjectId: plant.lineId });
    return {
      plant, workOrderId, kitOrderId: '', runningOrderId: '', plannedOrderId: '', outputLot, inputLot, kitLot: '',
      alertIds: [ingestTelemetry.alerts[0].id, throughput],
    };
  };
  const a = await cm('PWA');
  const b = await cm('PWB');
  // each CM makes a kit from the other's output lot
  for (const [self, other, tag] of [[a, b, 'PWA'], [b, a, 'PWB']] as const) {
    self.kitOrderId = await createWorkOrder(stack, self.plant.lineId, kit!);
    await run(stack, self.kitOrderId, '2026-03-02T15:00:00Z', '2026-03-02T18:00:00Z');
    self.kitLot = await registerLotOf(stack, kit!, `${tag}-KIT`, self.plant.supplierId);
    await mutate(stack, REPORT_OUTPUT, { workOrderId: self.kitOrderId, lotId: self.kitLot, goodQuantity: 10 });
    await mutate(stack, RECORD_CONSUMPTION, { workOrderId: self.kitOrderId, lotId: other.outputLot, quantity: 10 });
    self.runningOrderId = await createWorkOrder(stack, self.plant.lineId, finished!);
    await run(stack, self.runningOrderId, '2026-03-03T06:00:00Z');
    self.plannedOrderId = await createWorkOrder(stack, self.plant.lineId, finished!);
  }
  const brandAlertId = await raise(stack, { category: 'STOCK', subjectType: 'Product', subjectId: finished });
  return { finished: finished!, component: component!, kit: kit!, a, b, brandAlertId };
}

/** Every id of B's production rows (and B's facility and supplier), to count what leaks to A. */
export function idsOf(rows: CmRows): Set<string> {
  return new Set([
    rows.plant.supplierId, rows.plant.facilityId, rows.plant.lineId, ...rows.plant.machineIds,
    rows.workOrderId, rows.kitOrderId, rows.runningOrderId, rows.plannedOrderId, ...rows.alertIds,
  ]);
}
