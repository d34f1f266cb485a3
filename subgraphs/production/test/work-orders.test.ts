// Work orders through the gateway: BOM versions, the status lifecycle, output and consumption against
// inventory's lots, refusals that write nothing, and the fields contributed to Facility and Product.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dataOf, startStack, type Stack } from '@cmgraph/testkit';
import {
  countRows, createBom, createPlant, createProduct, createWorkOrder, CREATE_WORK_ORDER, mutate, RECORD_CONSUMPTION, refusal,
  registerLot, REPORT_OUTPUT, run, SET_STATUS, type Plant,
} from './fixtures';

let stack: Stack;
let plant: Plant;
let finished: string;
let component: string;
beforeAll(async () => {
  stack = await startStack(['suppliers', 'inventory', 'orders', 'production']);
  plant = await createPlant(stack);
  finished = await createProduct(stack, 'FG-100');
  component = await createProduct(stack, 'CP-100');
}, 120_000);
afterAll(async () => stack?.stop());

describe('bills of materials', () => {
  it('numbers versions per product and keeps exactly one ACTIVE, the newest', async () => {
    expect(await createBom(stack, finished, [component])).toMatchObject({ version: 1 });
    expect(await createBom(stack, finished, [component])).toMatchObject({ version: 2 });
    const data = dataOf(await stack.gateway(`query($p: ID!) {
      first: billOfMaterials(productId: $p, version: 1) { status }
      active: billOfMaterials(productId: $p) { version status lines { quantityPer uom component { sku } } product { sku } }
    }`, { p: finished }));
    expect(data).toEqual({
      first: { status: 'SUPERSEDED' },
      active: { version: 2, status: 'ACTIVE', lines: [{ quantityPer: 1, uom: 'EA', component: { sku: 'CP-100' } }], product: { sku: 'FG-100' } },
    });
  });

  it('refuses a product as its own component and an unknown component, naming the field, writing nothing', async () => {
    const before = await countRows(stack, 'bill_of_materials');
    const create = (lines: unknown[]) => stack.gateway(`mutation($input: CreateBillOfMaterialsInput!) { createBillOfMaterials(input: $input) { id } }`, { input: { productId: finished, lines } });
    expect(refusal(await create([{ componentProductId: finished, quantityPer: 1, uom: 'EA' }]))).toEqual({ code: 'BAD_USER_INPUT', field: 'lines[0].componentProductId' });
    expect(refusal(await create([{ componentProductId: plant.lineId, quantityPer: 1, uom: 'EA' }]))).toEqual({ code: 'NOT_FOUND', field: 'lines[0].componentProductId' });
    expect(refusal(await create([{ componentProductId: component, quantityPer: 0, uom: 'EA' }]))).toEqual({ code: 'BAD_USER_INPUT', field: 'lines[0].quantityPer' });
    expect(await countRows(stack, 'bill_of_materials')).toBe(before);
  });
});

describe('work order lifecycle', () => {
  it('runs PLANNED → RELEASED → RUNNING ⇄ HELD → COMPLETED → CLOSED, stamping the actual window', async () => {
    const id = await createWorkOrder(stack, plant.lineId, finished);
    await run(stack, id, '2026-03-02T06:00:00Z');
    await mutate(stack, SET_STATUS, { workOrderId: id, status: 'HELD' });
    await mutate(stack, SET_STATUS, { workOrderId: id, status: 'RUNNING', at: '2026-03-02T09:00:00Z' });
    const done = await mutate(stack, SET_STATUS, { workOrderId: id, status: 'COMPLETED', at: '2026-03-02T12:00:00Z' });
    expect(done.setWorkOrderStatus).toMatchObject({ status: 'COMPLETED', actualStart: '2026-03-02T06:00:00.000Z', actualEnd: '2026-03-02T12:00:00.000Z' });
    expect((await mutate(stack, SET_STATUS, { workOrderId: id, status: 'CLOSED' })).setWorkOrderStatus.status).toBe('CLOSED');
  });

  it('refuses an illegal transition with CONFLICT naming status, and leaves the order as it was', async () => {
    const id = await createWorkOrder(stack, plant.lineId, finished);
    const response = await stack.gateway(SET_STATUS, { input: { workOrderId: id, status: 'COMPLETED' } });
    expect(refusal(response)).toEqual({ code: 'CONFLICT', field: 'status' });
    const { workOrder } = dataOf(await stack.gateway(`query($id: ID!) { workOrder(id: $id) { status actualStart } }`, { id }));
    expect(workOrder).toEqual({ status: 'PLANNED', actualStart: null });
  });

  it('refuses a work order for a product without an ACTIVE BOM, an unknown line or PO line, and a taken number', async () => {
    const before = await countRows(stack, 'work_order');
    const base = { number: 'WO-X1', productId: finished, lineId: plant.lineId, quantityPlanned: 5, uom: 'EA', plannedStart: '2026-03-02T06:00:00Z', plannedEnd: '2026-03-02T08:00:00Z' };
    const create = (input: object) => stack.gateway(CREATE_WORK_ORDER, { input: { ...base, ...input } });
    expect(refusal(await create({ productId: component }))).toEqual({ code: 'BAD_USER_INPUT', field: 'productId' });
    expect(refusal(await create({ lineId: finished }))).toEqual({ code: 'NOT_FOUND', field: 'lineId' });
    expect(refusal(await create({ purchaseOrderLineId: finished }))).toEqual({ code: 'NOT_FOUND', field: 'purchaseOrderLineId' });
    expect(refusal(await create({ plannedEnd: '2026-03-02T05:00:00Z' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'plannedEnd' });
    expect(refusal(await create({ quantityPlanned: -1 }))).toEqual({ code: 'BAD_USER_INPUT', field: 'quantityPlanned' });
    const [taken] = dataOf(await stack.gateway(`{ workOrders(first: 1) { nodes { number } } }`)).workOrders.nodes;
    expect(refusal(await create({ number: taken.number }))).toEqual({ code: 'BAD_USER_INPUT', field: 'number' });
    expect(await countRows(stack, 'work_order')).toBe(before);
  });
});

describe('output and consumption', () => {
  it('books output into a lot of the product and consumption of a component lot, and refuses the rest writing nothing', async () => {
    const id = await createWorkOrder(stack, plant.lineId, finished);
    const output = await registerLot(stack, finished, 'FG-L1');
    const input = await registerLot(stack, component, 'CP-L1');
    const stranger = await registerLot(stack, await createProduct(stack), 'X-L1');
    const early = await stack.gateway(REPORT_OUTPUT, { input: { workOrderId: id, lotId: output, goodQuantity: 1 } });
    expect(refusal(early)).toEqual({ code: 'CONFLICT', field: 'status' });
    await run(stack, id, '2026-03-03T06:00:00Z');
    const reported = await mutate(stack, REPORT_OUTPUT, { workOrderId: id, lotId: output, goodQuantity: 95, scrapQuantity: 5 });
    expect(reported.reportWorkOrderOutput).toMatchObject({ quantityGood: 95, quantityScrap: 5 });
    expect((await mutate(stack, RECORD_CONSUMPTION, { workOrderId: id, lotId: input, quantity: 100 })).recordConsumption).toMatchObject({ quantity: 100, uom: 'EA' });

    const before = [await countRows(stack, 'work_order_output'), await countRows(stack, 'material_consumption')];
    const report = (input: object) => stack.gateway(REPORT_OUTPUT, { input: { workOrderId: id, lotId: output, goodQuantity: 1, ...input } });
    const consume = (input: object) => stack.gateway(RECORD_CONSUMPTION, { input: { workOrderId: id, lotId: input, quantity: 1, ...input } });
    expect(refusal(await report({ lotId: input }))).toEqual({ code: 'BAD_USER_INPUT', field: 'lotId' });
    expect(refusal(await report({ lotId: finished }))).toEqual({ code: 'NOT_FOUND', field: 'lotId' });
    expect(refusal(await report({ goodQuantity: -1 }))).toEqual({ code: 'BAD_USER_INPUT', field: 'goodQuantity' });
    expect(refusal(await consume({ lotId: stranger }))).toEqual({ code: 'BAD_USER_INPUT', field: 'lotId' });
    expect(refusal(await consume({ lotId: input, quantity: 0 }))).toEqual({ code: 'BAD_USER_INPUT', field: 'quantity' });
    const other = await createWorkOrder(stack, plant.lineId, finished);
    await run(stack, other, '2026-03-03T07:00:00Z');
    expect(refusal(await stack.gateway(REPORT_OUTPUT, { input: { workOrderId: other, lotId: output, goodQuantity: 1 } }))).toEqual({ code: 'CONFLICT', field: 'lotId' });
    expect([await countRows(stack, 'work_order_output'), await countRows(stack, 'material_consumption')]).toEqual(before);

    const { workOrder } = dataOf(await stack.gateway(`query($id: ID!) { workOrder(id: $id) {
      quantityGood outputLots { lotNumber } consumption { quantity lot { lotNumber } product { sku } } product { sku } facility { name }
    } }`, { id }));
    expect(workOrder).toMatchObject({ quantityGood: 95, outputLots: [{ lotNumber: 'FG-L1' }], consumption: [{ quantity: 100, lot: { lotNumber: 'CP-L1' }, product: { sku: 'CP-100' } }], product: { sku: 'FG-100' } });
  });

  it('contributes lines, machines and the active BOM to the facility and the product', async () => {
    const { facility } = dataOf(await stack.gateway(`query($id: ID!) { facility(id: $id) { name lines { code machines { code } } machines { code } } }`, { id: plant.facilityId }));
    expect(facility).toMatchObject({ lines: [{ code: 'L1', machines: [{ code: 'L1-M1' }, { code: 'L1-M2' }] }], machines: [{ code: 'L1-M1' }, { code: 'L1-M2' }] });
    const { product } = dataOf(await stack.gateway(`query($id: ID!) { product(id: $id) { sku billOfMaterials { version } } }`, { id: finished }));
    expect(product).toEqual({ sku: 'FG-100', billOfMaterials: { version: 2 } });
  });
});
