// Issue 4's domain reactions, producer to consumer through the real bus, on the seeded world: every
// change is made through the gateway by the subgraph that owns it, and its effect appears in another
// subgraph's database only by way of events — once, however often the cause repeats.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dataOf, startStack, type Stack } from '@cmgraph/testkit';
import { failingIncomingInspection } from './seeded-world.fixture';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
  await stack.seed('small');
}, 180_000);
afterAll(async () => {
  await stack?.stop();
});

const sql = <T>(subgraph: string, query: string, params: unknown[] = []) =>
  stack.subgraphs[subgraph]!.server.orm.em.fork().execute<T[]>(query, params);
const mutate = async <T = any>(document: string, input: Record<string, unknown>): Promise<T> =>
  dataOf(await stack.gateway<T>(document, { input }));

async function alerts(category: string, subjectId: string): Promise<{ id: string; occurrences: number }[]> {
  return sql('production', 'select id, occurrences from alert where category = ? and subject_id = ? order by raised_at', [category, subjectId]);
}

describe('domain reactions through events', () => {
  it('a FAILED incoming inspection quarantines the lot in inventory and opens a non-conformance in quality', async () => {
    const { lotId, input } = await failingIncomingInspection(stack);
    const lot = { id: lotId };
    const { recordInspection } = await mutate(
      `mutation($input: RecordInspectionInput!) { recordInspection(input: $input) { id result nonConformance { id } } }`,
      input,
    );
    expect(recordInspection.result).toBe('FAIL');
    expect(recordInspection.nonConformance).not.toBeNull();
    await stack.settle();
    expect(await sql('inventory', 'select status from lot where id = ?', [lot!.id])).toEqual([{ status: 'QUARANTINE' }]);
    const { lot: seen } = dataOf(await stack.gateway(`query($id: ID!) { lot(id: $id) { status inspections { result } } }`, { id: lot!.id }));
    expect(seen.status).toBe('QUARANTINE');
  });

  it('an ETA past the promised date raises one DELIVERY alert in production, counted again while open', async () => {
    const [shipment] = await sql<{ id: string; promised: string }>(
      'orders',
      `select s.id, max(l.current_promised_date)::text as promised from shipment s
         join shipment_line sl on sl.shipment_id = s.id join purchase_order_line l on l.id = sl.purchase_order_line_id
        where s.status = 'IN_TRANSIT' and l.current_promised_date is not null group by s.id, s.number order by s.number limit 1`,
    );
    const late = (days: number) => new Date(Date.parse(`${shipment!.promised}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    await mutate(`mutation($input: UpdateShipmentEtaInput!) { updateShipmentEta(input: $input) { id } }`, { shipmentId: shipment!.id, eta: late(10), reason: 'port congestion' });
    await stack.settle();
    expect(await alerts('DELIVERY', shipment!.id)).toMatchObject([{ occurrences: 1 }]);
    await mutate(`mutation($input: UpdateShipmentEtaInput!) { updateShipmentEta(input: $input) { id } }`, { shipmentId: shipment!.id, eta: late(12), reason: 'still waiting' });
    await stack.settle();
    expect(await alerts('DELIVERY', shipment!.id)).toMatchObject([{ occurrences: 2 }]);
  });

  it('stock taken under its reorder point raises one STOCK alert', async () => {
    // a lot with at least 10 on hand at a location (its balance from the ledger)
    const [level] = await sql<{ product_id: string; lot_id: string; location_id: string; on_hand: number }>(
      'inventory',
      `with flows as (
         select product_id, lot_id, to_location_id as location_id, quantity as q from stock_movement where to_location_id is not null
         union all
         select product_id, lot_id, from_location_id, -quantity from stock_movement where from_location_id is not null)
       select f.product_id, f.lot_id, f.location_id, s.on_hand from flows f
         join stock_level s on s.product_id = f.product_id and s.location_id = f.location_id
         join lot l on l.id = f.lot_id and l.status = 'AVAILABLE'
        group by f.product_id, f.lot_id, f.location_id, s.on_hand having sum(f.q) >= 10 and s.on_hand >= 10
        order by 1, 2, 3 limit 1`,
    );
    await mutate(`mutation($input: SetStockPolicyInput!) { setStockPolicy(input: $input) { reorderPoint } }`, {
      productId: level!.product_id, locationId: level!.location_id, safetyStock: 0, reorderPoint: level!.on_hand - 1,
    });
    await stack.settle();
    expect(await alerts('STOCK', level!.product_id)).toHaveLength(0);
    await mutate(`mutation($input: RecordStockMovementInput!) { recordStockMovement(input: $input) { id } }`, {
      type: 'ISSUE', productId: level!.product_id, lotId: level!.lot_id, fromLocationId: level!.location_id, quantity: 2, reason: 'scrapped',
    });
    await stack.settle();
    expect(await alerts('STOCK', level!.product_id)).toMatchObject([{ occurrences: 1 }]);
  });

  it('a certification about to expire raises one SUPPLIER alert, and a re-run of the job raises nothing new', async () => {
    const [supplier] = await sql<{ id: string }>('suppliers', `select id from supplier order by name limit 1`);
    const inTenDays = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await mutate(`mutation($input: AddCertificationInput!) { addCertification(input: $input) { id } }`, {
      supplierId: supplier!.id, standard: 'ISO_14001', number: 'EXP-REACT-1', issuer: 'TÜV', validFrom: '2023-01-01', validUntil: inTenDays,
    });
    for (let run = 0; run < 2; run++) {
      await stack.subgraphs.suppliers!.server.events!.runJob('suppliers.expiring-certifications');
      await stack.settle();
    }
    const raised = await sql<{ metric: string; occurrences: number }>('production', `select metric, occurrences from alert where category = 'SUPPLIER' and subject_id = ?`, [supplier!.id]);
    expect(raised.filter((a) => a.metric === 'iso_14001_days_left')).toMatchObject([{ occurrences: 1 }]);
  });

  it('emissions over a facility budget raise one CARBON alert', async () => {
    const [facility] = await sql<{ id: string }>('suppliers', `select id from facility order by name limit 1`);
    await mutate(`mutation($input: SetEmissionsBudgetInput!) { setEmissionsBudget(input: $input) { id } }`, {
      facilityId: facility!.id, periodStart: '2026-01-01', periodEnd: '2026-02-01', budgetKg: 100,
    });
    const burn = () => mutate(`mutation($input: RecordActivityInput!) { recordActivity(input: $input) { id } }`, {
      facilityId: facility!.id, periodStart: '2026-01-01', periodEnd: '2026-01-02', activityType: 'DIESEL', quantity: 1000, unit: 'L',
    });
    await burn();
    await burn(); // still over: nothing new
    await stack.settle();
    expect(await alerts('CARBON', facility!.id)).toMatchObject([{ occurrences: 1 }]);
  });
});
