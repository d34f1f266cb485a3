// Alerts from other domains' events, read from the bus (hand-made here: the producers are changing in
// parallel): a late shipment, stock under its reorder point, an expiring certification, emissions over
// budget. Each becomes one alert with its `alert.raised` event; the same event twice is applied once; a
// new occurrence while the alert is open counts on it; after resolving, the next one opens a new alert.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dataOf, startStack, type Stack } from '@cmgraph/testkit';
import { newId, type NewBusEvent } from '@cmgraph/platform';
import { countRows, eventsAfter, lastSeq } from './fixtures';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack(['production']);
}, 120_000);
afterAll(async () => stack?.stop());

let producerSeq = 0;
function busEvent(producer: string, type: string, subject: { type: string; id: string }, supplierId: string | null, payload: object, id = newId()): NewBusEvent {
  return {
    id, producer, producerSeq: String(++producerSeq), type, subjectType: subject.type, subjectId: subject.id, supplierId,
    occurredAt: new Date('2026-03-05T10:00:00Z'), payload: payload as Record<string, unknown>,
  };
}

const lateShipment = (shipmentId: string, supplierId: string, daysLate: number, id?: string) =>
  busEvent('orders', 'shipment.late', { type: 'Shipment', id: shipmentId }, supplierId,
    { shipmentId, number: 'ASN-0000042', supplierId, eta: '2026-03-12', promisedDate: '2026-03-02', daysLate }, id);

const ALERTS = `query($filter: AlertFilter) { alerts(filter: $filter) { totalCount nodes {
  id category severity occurrences open metric value threshold unit message facility { id } supplier { id }
  subject { __typename ... on Shipment { id } ... on Product { id } ... on Supplier { id } ... on Facility { id } }
} } }`;
const alertsAbout = async (subjectId: string) => dataOf(await stack.subgraph('production')(ALERTS, { filter: { subjectId } })).alerts;

async function deliver(...events: NewBusEvent[]): Promise<void> {
  await stack.bus.append(events);
  await stack.settle();
}

describe('alerts from other domains', () => {
  it('raises one alert per event, of the right category, severity and subject, each with its alert.raised event', async () => {
    const [shipment, supplier, product, location, facility, certHolder, certification, budget] = Array.from({ length: 8 }, newId);
    const from = await lastSeq(stack);
    await deliver(
      lateShipment(shipment, supplier, 9),
      busEvent('inventory', 'stock.below_reorder_point', { type: 'Product', id: product }, null,
        { productId: product, sku: 'CP-7', locationId: location, onHand: 4, reorderPoint: 10 }),
      busEvent('suppliers', 'certification.expiring', { type: 'Certification', id: certification }, certHolder,
        { certificationId: certification, supplierId: certHolder, facilityId: facility, standard: 'ISO_9001', expiresOn: '2026-03-25', daysLeft: 20 }),
      busEvent('sustainability', 'emissions.budget_exceeded', { type: 'EmissionsBudget', id: budget }, supplier,
        { budgetId: budget, supplierId: supplier, facilityId: facility, period: { from: '2026-01-01', to: '2026-04-01' }, budgetKg: 1000, actualKg: 1300 }),
    );
    expect((await alertsAbout(shipment)).nodes).toEqual([expect.objectContaining({
      category: 'DELIVERY', severity: 'CRITICAL', occurrences: 1, open: true, metric: 'days_late', value: 9, unit: 'd',
      subject: { __typename: 'Shipment', id: shipment }, supplier: { id: supplier }, facility: null,
      message: 'Shipment ASN-0000042 is 9 day(s) late: ETA 2026-03-12, promised 2026-03-02',
    })]);
    expect((await alertsAbout(product)).nodes).toEqual([expect.objectContaining({
      category: 'STOCK', severity: 'WARNING', metric: 'on_hand', value: 4, threshold: 10, subject: { __typename: 'Product', id: product },
    })]);
    expect((await alertsAbout(certHolder)).nodes).toEqual([expect.objectContaining({
      category: 'SUPPLIER', severity: 'WARNING', metric: 'iso_9001_days_left', value: 20,
      subject: { __typename: 'Supplier', id: certHolder }, facility: { id: facility }, supplier: { id: certHolder },
    })]);
    expect((await alertsAbout(facility)).nodes).toEqual([expect.objectContaining({
      category: 'CARBON', severity: 'CRITICAL', metric: 'co2e', value: 1300, threshold: 1000, unit: 'kg',
      subject: { __typename: 'Facility', id: facility }, facility: { id: facility }, supplier: { id: supplier },
    })]);
    const events = await eventsAfter(stack, from);
    expect(events.map((e) => [e.type, e.payload.category, e.payload.subjectType, e.payload.change])).toEqual([
      ['alert.raised', 'DELIVERY', 'Shipment', 'RAISED'],
      ['alert.raised', 'STOCK', 'Product', 'RAISED'],
      ['alert.raised', 'SUPPLIER', 'Supplier', 'RAISED'],
      ['alert.raised', 'CARBON', 'Facility', 'RAISED'],
    ]);
    expect(events[0]).toMatchObject({ supplierId: supplier, payload: { at: '2026-03-05T10:00:00.000Z' } });
  });

  it('applies the same event once, whether the bus repeats it or the consumer reads it again', async () => {
    const [shipment, supplier, eventId] = [newId(), newId(), newId()];
    const from = await lastSeq(stack);
    await deliver(lateShipment(shipment, supplier, 2, eventId));
    await deliver(lateShipment(shipment, supplier, 2, eventId));
    // rewind the consumer to the start of the bus: every event comes again, none is applied twice
    await stack.subgraphs.production!.server.orm.em.fork().execute(`update consumer_offset set position = 0 where stream = 'production.raise-alerts'`);
    await deliver();
    expect((await alertsAbout(shipment)).nodes).toEqual([expect.objectContaining({ occurrences: 1, severity: 'WARNING' })]);
    expect((await eventsAfter(stack, from)).map((e) => e.type)).toEqual(['alert.raised']);
  });

  it('counts a new occurrence on the open alert, and opens a new alert once that one is resolved', async () => {
    const [shipment, supplier] = [newId(), newId()];
    await deliver(lateShipment(shipment, supplier, 3));
    const from = await lastSeq(stack);
    await deliver(lateShipment(shipment, supplier, 8));
    const open = await alertsAbout(shipment);
    expect(open).toMatchObject({ totalCount: 1, nodes: [{ occurrences: 2, severity: 'CRITICAL', value: 8 }] });
    expect((await eventsAfter(stack, from)).map((e) => [e.type, e.payload.occurrences, e.payload.severity])).toEqual([['alert.recurred', 2, 'CRITICAL']]);
    dataOf(await stack.subgraph('production')(`mutation($input: AlertActionInput!) { resolveAlert(input: $input) { id } }`, { input: { alertId: open.nodes[0].id, by: 'buyer@brand' } }));
    await deliver(lateShipment(shipment, supplier, 1));
    const after = await alertsAbout(shipment);
    expect(after.totalCount).toBe(2);
    expect(after.nodes.map((a: { open: boolean; occurrences: number }) => [a.open, a.occurrences])).toEqual([[false, 2], [true, 1]]);
  });

  it('skips an event it cannot use and goes on with the next', async () => {
    const alerts = await countRows(stack, 'alert');
    const shipment = newId();
    await deliver(
      busEvent('inventory', 'stock.below_reorder_point', { type: 'Product', id: newId() }, null, { productId: 'not-an-id', onHand: 1 }),
      busEvent('sustainability', 'emissions.budget_exceeded', { type: 'EmissionsBudget', id: newId() }, null, { budgetId: newId(), budgetKg: 10, actualKg: 20 }),
      lateShipment(shipment, newId(), 1),
    );
    expect(await countRows(stack, 'alert')).toBe(alerts + 1);
    expect((await alertsAbout(shipment)).totalCount).toBe(1);
  });
});
