// The outbox read as a durable log (what subscriptions stand on): replay after a cursor, then live,
// with no gap and no duplicate across the switch — even while many transactions commit concurrently.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MikroORM } from '@mikro-orm/postgresql';
import {
  OutboxEvent, createLogger, databaseUrl, ensureDatabase, eventCursor, listenOutbox, newId, openEventStream, ormConfig,
  recordEvent, type OutboxListener, type StoredEvent,
} from '@cmgraph/platform';
import { isolatedTarget } from '@cmgraph/testkit';

const target = isolatedTarget();
let orm: MikroORM;
let listener: OutboxListener;

beforeAll(async () => {
  const url = databaseUrl(target, 'producer');
  await ensureDatabase(url);
  orm = await MikroORM.init(ormConfig({ url, entities: [OutboxEvent], migrations: [] }));
  await orm.schema.create();
  listener = await listenOutbox(url, createLogger('test'));
});
afterAll(async () => {
  await listener?.close();
  await orm?.close(true);
  await target.drop();
});

async function write(n: number, type = 'shipment.updated', supplierId: string | null = null): Promise<void> {
  await orm.em.fork().transactional(async (em) => {
    await recordEvent(em, { type, subject: { type: 'Shipment', id: newId() }, supplierId, payload: { n } });
  });
}

async function take(stream: AsyncIterator<StoredEvent>, count: number): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  while (out.length < count) {
    const next = await stream.next();
    if (next.done) break;
    out.push(next.value);
  }
  return out;
}

describe('event stream', () => {
  it('refuses to record outside a transaction', async () => {
    await expect(recordEvent(orm.em.fork(), { type: 'x', subject: { type: 'X', id: newId() } })).rejects.toThrow(/transaction/);
  });

  it('replays after a cursor, then goes live, without gap or duplicate while writers race', async () => {
    for (let n = 0; n < 10; n++) await write(n);
    const [fifth] = await orm.em.fork().execute<{ seq: string }[]>('select seq::text from outbox_event order by outbox_event.seq offset 4 limit 1');
    const stream = await openEventStream(orm, listener, { types: ['shipment.updated'], after: eventCursor(fifth!.seq), batchSize: 3, pollMs: 200 });
    // 40 more, from 8 concurrent writers, while the stream is replaying
    const writers = Promise.all(Array.from({ length: 8 }, (_, w) => (async () => {
      for (let i = 0; i < 5; i++) await write(100 + w * 5 + i);
    })()));
    const events = await take(stream, 45);
    await writers;
    await stream.return!();
    const seqs = events.map((e) => Number(e.seq));
    expect(new Set(seqs).size).toBe(45);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs); // in log order
    const all = await orm.em.fork().execute<{ seq: string }[]>('select seq::text from outbox_event order by outbox_event.seq');
    expect(seqs).toEqual(all.slice(5).map((r) => Number(r.seq))); // exactly the ones after the cursor
  });

  it('starts live without a cursor, filters by type and SQL condition, and ends at once on return()', async () => {
    const supplier = newId();
    const stream = await openEventStream(orm, listener, {
      types: ['shipment.updated'], where: { sql: 'supplier_id = ?', params: [supplier] }, pollMs: 5_000,
    });
    const pending = stream.next();
    await write(1, 'shipment.updated', newId());
    await write(2, 'alert.raised', supplier);
    await write(3, 'shipment.updated', supplier);
    const first = await pending; // woken by the commit's NOTIFY, well before the 5 s poll
    expect(first.value?.payload).toEqual({ n: 3 });
    const waiting = stream.next();
    await stream.return!();
    expect((await waiting).done).toBe(true);
  });

  it('replays since a time', async () => {
    await orm.em.fork().execute(`update outbox_event set occurred_at = now() - interval '2 hours'`);
    await write(7);
    const stream = await openEventStream(orm, listener, { types: ['shipment.updated'], since: new Date(Date.now() - 3600_000) });
    const [event] = await take(stream, 1);
    expect(event!.payload).toEqual({ n: 7 });
    await stream.return!();
  });

  it('rejects a cursor it did not give out', async () => {
    await expect(openEventStream(orm, listener, { types: ['x'], after: 'bm9wZQ' })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'after' },
    });
  });
});
