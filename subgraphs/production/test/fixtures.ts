// Builders for production tests: the suppliers and inventory records production points at (a CM with a
// facility, products, lots), and lines, machines, BOMs and work orders taken through their lifecycle.
import { dataOf, outboxHead, outboxOf, type GraphqlResponse, type Stack } from '@cmgraph/testkit';

let serial = 0;
const next = () => ++serial;

export async function mutate<T = any>(stack: Stack, document: string, input: unknown): Promise<T> {
  return dataOf(await stack.gateway<T>(document, { input }));
}

/** The first error's code and field, for `toEqual` on refusals. */
export function refusal(response: GraphqlResponse<unknown>): { code?: unknown; field?: unknown } {
  const error = response.errors?.[0];
  return { code: error?.extensions?.code, field: error?.extensions?.field };
}

export interface Plant {
  supplierId: string;
  facilityId: string;
  lineId: string;
  machineIds: string[];
}

export async function createPlant(stack: Stack, machines = 2, idealCycleSeconds = 30): Promise<Plant> {
  const n = next();
  const { createSupplier } = await mutate(stack, `mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }`, {
    code: `CM-${String(n).padStart(4, '0')}`, name: `Contract Maker ${n}`, type: 'CM', country: 'MX',
  });
  const { addFacility } = await mutate(stack, `mutation($input: AddFacilityInput!) { addFacility(input: $input) { id } }`, {
    supplierId: createSupplier.id, name: `Plant ${n}`, country: 'MX', region: 'North America', nearshore: true, capabilities: ['SMT'],
  });
  const { createLine } = await mutate(stack, `mutation($input: CreateLineInput!) { createLine(input: $input) { id } }`, {
    facilityId: addFacility.id, code: 'L1', name: 'Assembly', idealCycleSeconds,
  });
  const machineIds: string[] = [];
  for (let m = 0; m < machines; m++) {
    const { createMachine } = await mutate(stack, `mutation($input: CreateMachineInput!) { createMachine(input: $input) { id } }`, {
      lineId: createLine.id, code: `L1-M${m + 1}`, name: `Machine ${m + 1}`, idealCycleSeconds,
    });
    machineIds.push(createMachine.id);
  }
  return { supplierId: createSupplier.id, facilityId: addFacility.id, lineId: createLine.id, machineIds };
}

export async function createProduct(stack: Stack, sku = `SKU-${next()}`): Promise<string> {
  const { createProduct } = await mutate(stack, `mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }`, {
    sku, name: `Part ${sku}`, uom: 'EA', tracking: 'LOT',
  });
  return createProduct.id;
}

export async function registerLot(stack: Stack, productId: string, lotNumber: string): Promise<string> {
  const { registerLot } = await mutate(stack, `mutation($input: RegisterLotInput!) { registerLot(input: $input) { id } }`, { productId, lotNumber });
  return registerLot.id;
}

export async function createBom(stack: Stack, productId: string, components: string[]): Promise<{ id: string; version: number }> {
  const { createBillOfMaterials } = await mutate(stack, `mutation($input: CreateBillOfMaterialsInput!) { createBillOfMaterials(input: $input) { id version } }`, {
    productId, lines: components.map((componentProductId) => ({ componentProductId, quantityPer: 1, uom: 'EA' })),
  });
  return createBillOfMaterials;
}

export const CREATE_WORK_ORDER = `mutation($input: CreateWorkOrderInput!) { createWorkOrder(input: $input) { id number status bomVersion } }`;
export const SET_STATUS = `mutation($input: SetWorkOrderStatusInput!) { setWorkOrderStatus(input: $input) { id status actualStart actualEnd } }`;
export const REPORT_OUTPUT = `mutation($input: ReportWorkOrderOutputInput!) { reportWorkOrderOutput(input: $input) { id quantityGood quantityScrap } }`;
export const RECORD_CONSUMPTION = `mutation($input: RecordConsumptionInput!) { recordConsumption(input: $input) { id quantity uom } }`;

export async function createWorkOrder(stack: Stack, lineId: string, productId: string, quantityPlanned = 100): Promise<string> {
  const { createWorkOrder } = await mutate(stack, CREATE_WORK_ORDER, {
    number: `WO-${String(next()).padStart(6, '0')}`, productId, lineId, quantityPlanned, uom: 'EA',
    plannedStart: '2026-03-02T06:00:00Z', plannedEnd: '2026-03-02T14:00:00Z',
  });
  return createWorkOrder.id;
}

/** PLANNED → RELEASED → RUNNING (at `start`), optionally → COMPLETED (at `end`). */
export async function run(stack: Stack, workOrderId: string, start: string, end?: string): Promise<void> {
  await mutate(stack, SET_STATUS, { workOrderId, status: 'RELEASED' });
  await mutate(stack, SET_STATUS, { workOrderId, status: 'RUNNING', at: start });
  if (end) await mutate(stack, SET_STATUS, { workOrderId, status: 'COMPLETED', at: end });
}

/** Rows in one of production's tables, straight from its database. */
export async function countRows(stack: Stack, table: string): Promise<number> {
  const rows = await stack.subgraphs.production!.server.orm.em.getConnection().execute<{ n: number }[]>(`select count(*)::int as n from "${table}"`);
  return rows[0]!.n;
}

export type { OutboxRow } from '@cmgraph/testkit';

/** The last position of production's event log (outbox), to read what came after it. */
export const lastSeq = (stack: Stack) => outboxHead(stack, 'production');

/** Production's events after `seq`, in log order, optionally only of some types. */
export const eventsAfter = (stack: Stack, seq: string, types?: string[]) => outboxOf(stack, 'production', { afterSeq: seq, types });
