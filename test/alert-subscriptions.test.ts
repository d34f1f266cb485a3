// A control room through the gateway: `alertRaised` filtered by category and severity, with the
// alert's facility and supplier resolved from the suppliers subgraph, and the alert that a late
// shipment raises (orders → bus → production) arriving live.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openEventStreams } from '@cmgraph/platform';
import { dataOf, startStack, subscriber, type Stack } from '@cmgraph/testkit';

const FEED = `
  subscription Feed($filter: AlertFilter, $after: String) {
    alertRaised(filter: $filter, after: $after) {
      cursor change severity
      alert { id category subjectId message facility { id name } supplier { id name } }
    }
  }`;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack(['suppliers', 'orders', 'inventory', 'production']);
  await stack.seed('small');
}, 180_000);
afterAll(async () => {
  await stack?.stop();
});

async function streams(n: number): Promise<void> {
  for (let i = 0; i < 400 && openEventStreams() !== n; i++) await new Promise((resolve) => setTimeout(resolve, 25));
  expect(openEventStreams()).toBe(n);
}

describe('alertRaised through the gateway', () => {
  it('delivers matching alerts with federated fields, and the alert a late shipment raises through the bus', async () => {
    const [machine] = await stack.subgraphs.production!.server.orm.em
      .fork()
      .execute<{ id: string; facility_id: string }[]>('select m.id, l.facility_id from machine m join line l on l.id = m.line_id order by m.code limit 1');
    const [facility] = await stack.subgraphs.suppliers!.server.orm.em
      .fork()
      .execute<{ name: string; supplier_id: string }[]>('select name, supplier_id from facility where id = ?', [machine!.facility_id]);
    const client = subscriber(stack.gatewayUrl);
    const critical = client.subscribe(FEED, { filter: { categories: ['MACHINE_HEALTH', 'DELIVERY'], minSeverity: 'CRITICAL' } });
    await streams(1);

    const raise = (severity: string, message: string) =>
      stack.gateway(`mutation($input: RaiseAlertInput!) { raiseAlert(input: $input) { id } }`, {
        input: { category: 'MACHINE_HEALTH', severity, subjectType: 'Machine', subjectId: machine!.id, message, metric: `vibration-${message}` },
      });
    dataOf(await raise('WARNING', 'minor')); // below minSeverity: not delivered
    dataOf(await raise('CRITICAL', 'bearing'));
    const { data } = await critical.next();
    expect(data.alertRaised).toMatchObject({
      change: 'RAISED', severity: 'CRITICAL',
      alert: { category: 'MACHINE_HEALTH', subjectId: machine!.id, message: 'bearing', facility: { id: machine!.facility_id, name: facility!.name } },
    });
    expect(data.alertRaised.alert.supplier.id).toBe(facility!.supplier_id);

    // orders moves an ETA 10 days past its promise → shipment.late → production raises a CRITICAL DELIVERY alert
    const [shipment] = await stack.subgraphs.orders!.server.orm.em.fork().execute<{ id: string; promised: string }[]>(
      `select s.id, max(l.current_promised_date)::text as promised from shipment s
         join shipment_line sl on sl.shipment_id = s.id join purchase_order_line l on l.id = sl.purchase_order_line_id
        where s.status = 'IN_TRANSIT' and l.current_promised_date is not null group by s.id, s.number order by s.number limit 1`,
    );
    const eta = new Date(Date.parse(`${shipment!.promised}T00:00:00Z`) + 10 * 86_400_000).toISOString().slice(0, 10);
    dataOf(await stack.gateway(`mutation($input: UpdateShipmentEtaInput!) { updateShipmentEta(input: $input) { id } }`, { input: { shipmentId: shipment!.id, eta } }));
    const { data: late } = await critical.next();
    expect(late.alertRaised).toMatchObject({ change: 'RAISED', alert: { category: 'DELIVERY', subjectId: shipment!.id } });
    expect(critical.buffered()).toBe(0);
    await client.dispose();
    await streams(0);
  });
});
