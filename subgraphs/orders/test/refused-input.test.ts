// Every refused input answers with its code and the offending field, and writes nothing: row counts
// and shipped quantities are compared before and after each attempt.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startStack, type Stack } from '@cmgraph/testkit';
import { makeSscc } from '../src/shipment/sscc';
import {
  ACKNOWLEDGE_PO, CREATE_PO, CREATE_SHIPMENT, acknowledgedOrder, createParties, lineTotals, mutate, ok, purchaseOrderInput,
  rowCounts, shipmentInput, type CreatedOrder, type Parties,
} from './fixtures';

let stack: Stack;
let parties: Parties;
let order: CreatedOrder;
beforeAll(async () => {
  stack = await startStack(['suppliers', 'inventory', 'orders']);
  parties = await createParties(stack);
  order = await acknowledgedOrder(stack, parties, [{ quantity: 100 }, { quantity: 50 }]);
});
afterAll(async () => stack?.stop());

/** Runs a mutation that must fail; returns its first error after checking that nothing was written. */
async function refused(document: string, input: unknown, client = stack.gateway) {
  const before = { rows: await rowCounts(stack), quantities: await lineTotals(stack) };
  const result = await client(document, { input });
  expect(result.errors).toBeDefined();
  expect({ rows: await rowCounts(stack), quantities: await lineTotals(stack) }).toEqual(before);
  return result.errors![0]!;
}

describe('refused purchase orders', () => {
  it('refuses a negative quantity with BAD_USER_INPUT naming lines[1].quantity', async () => {
    const input = purchaseOrderInput(parties, [{ quantity: 5 }, { quantity: -3 }]);
    expect(await refused(CREATE_PO, input)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'lines[1].quantity' } });
  });

  it('refuses an unknown product with NOT_FOUND naming lines[2].productId, asked of inventory', async () => {
    const input = purchaseOrderInput(parties, [{ quantity: 1 }, { quantity: 1 }, { quantity: 1 }]);
    input.lines[2]!.productId = '01900000-0000-7000-8000-000000000000';
    expect(await refused(CREATE_PO, input)).toMatchObject({
      extensions: { code: 'NOT_FOUND', field: 'lines[2].productId', type: 'Product' },
    });
  });

  it('refuses a malformed product id with BAD_USER_INPUT naming the field', async () => {
    const input = purchaseOrderInput(parties, [{ quantity: 1 }]);
    input.lines[0]!.productId = 'not-an-id';
    expect(await refused(CREATE_PO, input)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'lines[0].productId' } });
  });

  it('refuses an impossible date in the subgraph with BAD_USER_INPUT naming the date field', async () => {
    const input = purchaseOrderInput(parties, [{ quantity: 1, requestedDate: '2026-02-30' }]);
    expect(await refused(CREATE_PO, input, stack.subgraph('orders'))).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'lines[0].requestedDate' },
    });
  });

  // Known gap in the kit: the LocalDate scalar refuses the value while Apollo Server coerces variables,
  // the subgraph answers HTTP 400, and @apollo/gateway turns any non-2xx answer into an uncoded error
  // that formatError masks. Fix: `status400ForVariableCoercionErrors: false` in the kit's subgraph
  // server. This test starts passing (and `failing` must go) once that lands.
  it('refuses an impossible date through the gateway with BAD_USER_INPUT naming the date field', async () => {
    const error = await refused(CREATE_PO, purchaseOrderInput(parties, [{ quantity: 1, requestedDate: '2026-02-30' }]));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(String(error.extensions!.field)).toMatch(/lines\[0\]\.requestedDate$/);
  });

  it('refuses an unknown currency code with BAD_USER_INPUT naming currency', async () => {
    expect(await refused(CREATE_PO, purchaseOrderInput(parties, [{ quantity: 1 }], { currency: 'XYZ' }))).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'currency' },
    });
  });

  it('refuses an accepted line without a promised date, leaving the order unanswered', async () => {
    const { createPurchaseOrder: po } = await mutate(stack, CREATE_PO, purchaseOrderInput(parties, [{ quantity: 1 }]));
    ok(await stack.gateway(`mutation($id: ID!) { sendPurchaseOrder(id: $id) { id } }`, { id: po.id }));
    const error = await refused(ACKNOWLEDGE_PO, { purchaseOrderId: po.id, lines: [{ lineId: po.lines[0].id, status: 'ACCEPTED' }] });
    expect(error).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'lines[0].promisedDate' } });
  });
});

describe('refused shipments', () => {
  it('refuses shipping more than is open with QUANTITY_EXCEEDS_OPEN naming the line and the open quantity', async () => {
    const input = shipmentInput(parties, [
      { purchaseOrderLineId: order.lines[0]!.id, quantity: 10 },
      { purchaseOrderLineId: order.lines[1]!.id, quantity: 51 },
    ]);
    expect(await refused(CREATE_SHIPMENT, input)).toMatchObject({
      extensions: { code: 'QUANTITY_EXCEEDS_OPEN', field: 'lines[1].quantity', open: 50 },
    });
  });

  it('counts two lines on the same PO line together against its open quantity', async () => {
    const input = shipmentInput(parties, [
      { purchaseOrderLineId: order.lines[0]!.id, quantity: 60 },
      { purchaseOrderLineId: order.lines[0]!.id, quantity: 41 },
    ]);
    expect(await refused(CREATE_SHIPMENT, input)).toMatchObject({
      extensions: { code: 'QUANTITY_EXCEEDS_OPEN', field: 'lines[1].quantity', open: 40 },
    });
  });

  it('refuses an unknown PO line with NOT_FOUND naming lines[0].purchaseOrderLineId', async () => {
    const input = shipmentInput(parties, [{ purchaseOrderLineId: '01900000-0000-7000-8000-000000000001', quantity: 1 }]);
    expect(await refused(CREATE_SHIPMENT, input)).toMatchObject({
      extensions: { code: 'NOT_FOUND', field: 'lines[0].purchaseOrderLineId', type: 'PurchaseOrderLine' },
    });
  });

  it('refuses an SSCC whose check digit is wrong with BAD_USER_INPUT naming packages[0].sscc', async () => {
    const valid = makeSscc('0614141', 42);
    const wrong = valid.slice(0, 17) + String((Number(valid[17]) + 1) % 10);
    const input = shipmentInput(parties, [{ purchaseOrderLineId: order.lines[0]!.id, quantity: 1, packageSscc: wrong }], {
      packages: [{ sscc: wrong, weightKg: 10 }],
    });
    expect(await refused(CREATE_SHIPMENT, input)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'packages[0].sscc' } });
  });

  it('refuses a line packed in a package the shipment does not have', async () => {
    const input = shipmentInput(parties, [{ purchaseOrderLineId: order.lines[0]!.id, quantity: 1, packageSscc: makeSscc('0614141', 7) }]);
    expect(await refused(CREATE_SHIPMENT, input)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'lines[0].packageSscc' } });
  });

  it("refuses a line of another supplier's order", async () => {
    const other = await createParties(stack, 1);
    const input = shipmentInput({ ...other, locationId: parties.locationId }, [{ purchaseOrderLineId: order.lines[0]!.id, quantity: 1 }]);
    expect(await refused(CREATE_SHIPMENT, input)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'lines[0].purchaseOrderLineId' } });
  });

  it('lets only one of two concurrent shipments take the last open quantity', async () => {
    const line = order.lines[1]!.id; // 50 open
    const attempts = await Promise.all([0, 1].map(() => stack.gateway(CREATE_SHIPMENT, {
      input: shipmentInput(parties, [{ purchaseOrderLineId: line, quantity: 30 }]),
    })));
    const codes = attempts.map((a) => a.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['OK', 'QUANTITY_EXCEEDS_OPEN']);
    expect((await lineTotals(stack)).shipped).toBe(30);
  });
});
