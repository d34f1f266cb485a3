// `alertRaised` over graphql-ws, straight on the production subgraph: the filter (categories, minimum
// severity, facility) applied in SQL, replay after a cursor then live with no gap and no duplicate,
// replay from a time, and coded refusals of a malformed cursor or filter. Alerts come from hand-made
// events on the bus, so that facilities and times are the test's to choose.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startStack, subscriber, type Stack, type TestSubscriber } from '@cmgraph/testkit';
import { eventCursor, newId, type NewBusEvent } from '@cmgraph/platform';
import { eventsAfter, lastSeq } from './fixtures';

let stack: Stack;
let client: TestSubscriber;
beforeAll(async () => {
  stack = await startStack(['production']);
  client = subscriber(stack.subgraphs.production!.http.url);
}, 120_000);
afterAll(async () => {
  await client?.dispose();
  await stack?.stop();
});

const ALERT_RAISED = `subscription($filter: AlertFilter, $after: String, $since: DateTime) {
  alertRaised(filter: $filter, after: $after, since: $since) {
    cursor eventId change occurredAt severity occurrences alert { id category severity occurrences facility { id } }
  }
}`;

interface AlertEventData {
  cursor: string;
  eventId: string;
  change: string;
  occurredAt: string;
  severity: string;
  occurrences: number;
  alert: { id: string; category: string; severity: string; occurrences: number; facility: { id: string } | null };
}

let serial = 0;
function event(producer: string, type: string, payload: Record<string, unknown>): NewBusEvent {
  return {
    id: newId(), producer, producerSeq: String(++serial), type, subjectType: 'Thing', subjectId: newId(),
    supplierId: null, occurredAt: new Date(), payload,
  };
}
/** CARBON about the facility: WARNING up to 20 % over budget, CRITICAL beyond. */
const overBudget = (facilityId: string, actualKg: number) =>
  event('sustainability', 'emissions.budget_exceeded', { budgetId: newId(), facilityId, period: '2026-Q1', budgetKg: 100, actualKg });
/** STOCK about a new product at the facility: CRITICAL when nothing is left. */
const lowStock = (facilityId: string, onHand: number) =>
  event('inventory', 'stock.below_reorder_point', { productId: newId(), sku: 'X', locationId: newId(), facilityId, onHand, reorderPoint: 5 });
/** DELIVERY about a new shipment from the facility: CRITICAL a week late or more. */
const late = (facilityId: string, daysLate: number) =>
  event('orders', 'shipment.late', { shipmentId: newId(), number: 'ASN-1', supplierId: newId(), facilityId, daysLate });
/** SUPPLIER about a new supplier with a certificate at the facility: WARNING far from expiry. */
const expiring = (facilityId: string, daysLeft: number) =>
  event('suppliers', 'certification.expiring', { certificationId: newId(), supplierId: newId(), facilityId, standard: 'ISO_14001', expiresOn: '2026-04-01', daysLeft });

async function deliver(...events: NewBusEvent[]): Promise<void> {
  await stack.bus.append(events);
  await stack.settle();
}

/** The alert events in production's log after `seq`, as the subscription should deliver them. */
async function logged(seq: string, keep: (payload: Record<string, any>) => boolean): Promise<string[]> {
  return (await eventsAfter(stack, seq, ['alert.raised', 'alert.recurred', 'alert.acknowledged', 'alert.resolved']))
    .filter((e) => keep(e.payload))
    .map((e) => e.payload.change + ':' + e.payload.category + ':' + e.payload.severity + ':' + (e.payload.facilityId ?? '-'));
}

const summary = (e: AlertEventData) => `${e.change}:${e.alert.category}:${e.severity}:${e.alert.facility?.id ?? '-'}`;

async function take(subscription: ReturnType<TestSubscriber['subscribe']>, count: number): Promise<AlertEventData[]> {
  return (await subscription.take(count)).map((message) => {
    if (message.errors) throw new Error(JSON.stringify(message.errors));
    return (message.data as { alertRaised: AlertEventData }).alertRaised;
  });
}

describe('alertRaised', () => {
  it('delivers only what the filter asks for: categories, minimum severity, facility, and all three together', async () => {
    const [f, g] = [newId(), newId()];
    const from = await lastSeq(stack);
    const after = eventCursor(from);
    const open = (filter: object) => client.subscribe(ALERT_RAISED, { filter, after });
    const subscriptions = {
      carbon: open({ categories: ['CARBON'] }),
      critical: open({ minSeverity: 'CRITICAL' }),
      atF: open({ facilityId: f }),
      all: open({ categories: ['STOCK', 'CARBON'], minSeverity: 'CRITICAL', facilityId: f }),
    };
    await deliver(overBudget(f, 110), lowStock(f, 0), lowStock(g, 0), late(f, 10), expiring(f, 20));
    await deliver(overBudget(f, 200)); // the same facility's carbon alert again, now CRITICAL: the last event matches every filter
    const expected = {
      carbon: [`RAISED:CARBON:WARNING:${f}`, `RECURRED:CARBON:CRITICAL:${f}`],
      critical: [`RAISED:STOCK:CRITICAL:${f}`, `RAISED:STOCK:CRITICAL:${g}`, `RAISED:DELIVERY:CRITICAL:${f}`, `RECURRED:CARBON:CRITICAL:${f}`],
      atF: [`RAISED:CARBON:WARNING:${f}`, `RAISED:STOCK:CRITICAL:${f}`, `RAISED:DELIVERY:CRITICAL:${f}`, `RAISED:SUPPLIER:WARNING:${f}`, `RECURRED:CARBON:CRITICAL:${f}`],
      all: [`RAISED:STOCK:CRITICAL:${f}`, `RECURRED:CARBON:CRITICAL:${f}`],
    };
    // what the log holds, filtered by hand, is what each subscription received, up to the shared last event
    expect(await logged(from, (p) => p.category === 'CARBON')).toEqual(expected.carbon);
    expect(await logged(from, (p) => p.severityRank >= 2)).toEqual(expected.critical);
    for (const [name, subscription] of Object.entries(subscriptions)) {
      const received = await take(subscription, expected[name as keyof typeof expected].length);
      expect([name, received.map(summary)]).toEqual([name, expected[name as keyof typeof expected]]);
      subscription.close();
    }
  });

  it('replays after a cursor, then continues live, with no gap and no duplicate', async () => {
    const h = newId();
    const from = await lastSeq(stack);
    await deliver(...Array.from({ length: 6 }, () => lowStock(h, 1)));
    const first = client.subscribe(ALERT_RAISED, { filter: { facilityId: h }, after: eventCursor(from) });
    const six = await take(first, 6);
    first.close();
    // resume after the third: three from the log, then five written while (or after) it replays
    const resumed = client.subscribe(ALERT_RAISED, { filter: { facilityId: h }, after: six[2]!.cursor });
    const writing = deliver(...Array.from({ length: 5 }, () => lowStock(h, 2)));
    const received = await take(resumed, 8);
    await writing;
    resumed.close();
    const log = await eventsAfter(stack, from, ['alert.raised']);
    const ids = log.filter((e) => e.payload.facilityId === h).map((e) => e.payload.alertId);
    expect(ids).toHaveLength(11);
    expect(six.map((e) => e.alert.id)).toEqual(ids.slice(0, 6));
    expect(received.map((e) => e.alert.id)).toEqual(ids.slice(3));
    expect(new Set(received.map((e) => e.eventId)).size).toBe(8);
    expect(received[0]!.cursor).not.toBe(six[2]!.cursor);
  });

  it('replays from a time: the changes recorded since then, then live ones', async () => {
    const k = newId();
    await deliver(overBudget(k, 110), lowStock(k, 1));
    // everything in the log so far was recorded two hours ago
    await stack.subgraphs.production!.server.orm.em.fork().execute(`update outbox_event set occurred_at = occurred_at - interval '2 hours'`);
    await deliver(lowStock(k, 0), late(k, 2));
    const oneHourAgo = new Date(Date.now() - 3_600_000);
    const since = client.subscribe(ALERT_RAISED, { filter: { facilityId: k }, since: oneHourAgo.toISOString() });
    const replayed = await take(since, 2);
    expect(replayed.map((e) => [e.change, e.alert.category, e.severity])).toEqual([['RAISED', 'STOCK', 'CRITICAL'], ['RAISED', 'DELIVERY', 'WARNING']]);
    expect(replayed.every((e) => new Date(e.occurredAt) >= oneHourAgo)).toBe(true);
    await deliver(expiring(k, 3));
    expect((await take(since, 1)).map((e) => [e.change, e.alert.category, e.severity])).toEqual([['RAISED', 'SUPPLIER', 'CRITICAL']]);
    since.close();
  });

  it('refuses a malformed cursor or filter with BAD_USER_INPUT naming the argument', async () => {
    const refusal = async (variables: Record<string, unknown>) => {
      const subscription = client.subscribe(ALERT_RAISED, variables);
      const message = await subscription.next();
      subscription.close();
      return message.errors?.map((e) => ({ code: e.extensions?.code, field: e.extensions?.field }));
    };
    expect(await refusal({ after: 'not-a-cursor' })).toEqual([{ code: 'BAD_USER_INPUT', field: 'after' }]);
    expect(await refusal({ after: Buffer.from('ev:12; drop table alert').toString('base64url') })).toEqual([{ code: 'BAD_USER_INPUT', field: 'after' }]);
    expect(await refusal({ filter: { facilityId: 'plant-1' } })).toEqual([{ code: 'BAD_USER_INPUT', field: 'filter.facilityId' }]);
  });
});
