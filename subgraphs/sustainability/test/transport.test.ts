// Shipment.transportCo2eKg from the fields orders owns (@requires): straight through `_entities` with
// the representations the gateway sends, and end to end through the gateway on a real shipment.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startStack, type Stack } from '@cmgraph/testkit';
import { addFacility, createFactors, createProduct, createSupplier, mutate, ok, STACK } from './fixtures';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack(STACK);
  await createFactors(stack);
});
afterAll(async () => stack?.stop());

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Shipment { id transportCo2eKg } } }`;
const shipment = (id: string, mode: string, grossWeightKg: number | null, distanceKm: number | null) =>
  ({ __typename: 'Shipment', id, mode, grossWeightKg, distanceKm });

describe('transport emissions through _entities', () => {
  it('multiplies tonne-km by the GLOBAL freight factor of the mode (PARCEL as ROAD), null without weight or distance', async () => {
    stack.resetStatementCounts();
    const result = await stack.subgraph('sustainability')(ENTITIES, {
      r: [
        shipment('s1', 'SEA', 2000, 1000), // 2 t × 1000 km × 0.016
        shipment('s2', 'ROAD', 500, 300), // 0.5 t × 300 km × 0.1
        shipment('s3', 'PARCEL', 10, 100), // 0.01 t × 100 km × 0.1 (road)
        shipment('s4', 'ROAD', 500, null),
        shipment('s5', 'SEA', null, 800),
        shipment('s6', 'AIR', 100, 100), // no FREIGHT_AIR factor in the fixtures
      ],
    });
    expect(ok(result)._entities).toEqual([
      { id: 's1', transportCo2eKg: 32 },
      { id: 's2', transportCo2eKg: 15 },
      { id: 's3', transportCo2eKg: 0.1 },
      { id: 's4', transportCo2eKg: null },
      { id: 's5', transportCo2eKg: null },
      { id: 's6', transportCo2eKg: null },
    ]);
    // Every mode's factor in one statement.
    expect(stack.subgraphs.sustainability!.statements).toBe(1);
  });
});

/** A valid 18-digit SSCC (GS1 mod-10 check digit). */
function sscc(serial: number): string {
  const body = `00614141${String(serial).padStart(9, '0')}`;
  const sum = [...body].reverse().reduce((acc, digit, i) => acc + Number(digit) * (i % 2 === 0 ? 3 : 1), 0);
  return body + String((10 - (sum % 10)) % 10);
}

describe('transport emissions through the gateway', () => {
  it("computes a shipment's kgCO2e from its packages' weight and distance as orders records them", async () => {
    const supplierId = await createSupplier(stack);
    const facilityId = await addFacility(stack, supplierId, 'MX');
    const productId = await createProduct(stack);
    const location = await mutate(stack, 'createLocation', 'CreateLocationInput', { code: 'DC-T1', name: 'Transport DC', type: 'WAREHOUSE', country: 'US' });
    const order = await mutate(stack, 'createPurchaseOrder', 'CreatePurchaseOrderInput', {
      number: 'PO-T0001', supplierId, shipToLocationId: location.id, incoterms: 'FCA', currency: 'USD',
      lines: [{ productId, quantity: 10, uom: 'EA', unitPrice: 1, requestedDate: '2026-03-01' }],
    }, 'id lines { id }');
    ok(await stack.gateway(`mutation($id: ID!) { sendPurchaseOrder(id: $id) { id } }`, { id: order.id }));
    await mutate(stack, 'acknowledgePurchaseOrder', 'AcknowledgePurchaseOrderInput', {
      purchaseOrderId: order.id, lines: [{ lineId: order.lines[0].id, status: 'ACCEPTED', promisedDate: '2026-03-01' }],
    });
    const booked = await mutate(stack, 'createShipment', 'CreateShipmentInput', {
      number: 'ASN-T0001', supplierId, shipFromFacilityId: facilityId, shipToLocationId: location.id, carrier: 'Maersk', mode: 'SEA',
      eta: '2026-03-01', distanceKm: 1000,
      packages: [{ sscc: sscc(1), weightKg: 1200 }, { sscc: sscc(2), weightKg: 800 }],
      lines: [{ purchaseOrderLineId: order.lines[0].id, quantity: 10 }],
    });
    const { shipment: found } = ok(await stack.gateway(`query($id: ID!) { shipment(id: $id) { number mode transportCo2eKg } }`, { id: booked.id }));
    // (1200 + 800) kg = 2 t × 1000 km × 0.016 kgCO2e/tkm.
    expect(found).toEqual({ number: 'ASN-T0001', mode: 'SEA', transportCo2eKg: 32 });
  });
});
