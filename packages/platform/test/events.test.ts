// The outbox, the PostgreSQL bus, the relay and a consumer, on real databases: only committed events
// travel, each reaction happens exactly once, and a consumer stopped mid-way resumes where it was.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MikroORM } from '@mikro-orm/postgresql';
import {
  ConsumerOffset, OutboxEvent, ProcessedEvent, createLogger, databaseUrl, ensureDatabase, listenOutbox, openPostgresBus, ormConfig,
  recordEvent, startConsumer, startRelay, newId, type EventBus, type EventHandler, type OutboxListener,
} from '@cmgraph/platform';
import { isolatedTarget } from '@cmgraph/testkit';

const target = isolatedTarget();
let producer: MikroORM;
let consumer: MikroORM;
let bus: EventBus;
let listener: OutboxListener;

async function scratchOrm(name: string, entities: Function[]): Promise<MikroORM> {
  const url = databaseUrl(target, name);
  await ensureDatabase(url);
  const orm = await MikroORM.init(ormConfig({ url, entities, migrations: [] }));
  await orm.schema.create(); // test scaffolding; subgraphs get these tables from their migrations
  return orm;
}

beforeAll(async () => {
  producer = await scratchOrm('producer', [OutboxEvent]);
  consumer = await scratchOrm('consumer', [ConsumerOffset, ProcessedEvent]);
  await consumer.em.getConnection().execute('create table tally (event_id uuid, subject_id uuid)');
  bus = await openPostgresBus(databaseUrl(target, 'bus'));
  listener = await listenOutbox(databaseUrl(target, 'producer'), createLogger('test'));
});
afterAll(async () => {
  await listener?.close();
  await bus?.close();
  await producer?.close(true);
  await consumer?.close(true);
  await target.drop();
});

async function ship(subjectId: string, commit = true): Promise<void> {
  await producer.em.fork().transactional(async (em) => {
    await recordEvent(em, { type: 'shipment.delivered', subject: { type: 'Shipment', id: subjectId }, payload: { n: 1 } });
    if (!commit) throw new Error('rolled back on purpose');
  }).catch(() => undefined);
}

const tally: EventHandler = async (event, em) => {
  await em.execute('insert into tally (event_id, subject_id) values (?, ?)', [event.id, event.subjectId]);
};

async function tallied(): Promise<{ event_id: string; subject_id: string }[]> {
  return consumer.em.fork().execute('select event_id, subject_id from tally order by subject_id');
}

describe('events', () => {
  it('carries committed events from the outbox to a consumer exactly once, and never a rolled-back one', async () => {
    const relay = startRelay({ producer: 'orders', orm: producer, listener, bus, pollMs: 50 });
    const reaction = await startConsumer({ name: 'test.tally', orm: consumer, bus, handlers: { 'shipment.delivered': tally }, pollMs: 50 });
    const subjects = [newId(), newId(), newId()];
    for (const id of subjects) await ship(id);
    await ship(newId(), false);
    await relay.idle();
    await reaction.idle();
    expect((await tallied()).map((row) => row.subject_id)).toEqual([...subjects].sort());

    // the relay re-appending the same events (as after a crash before marking them) changes nothing
    const log = await (await bus.reader('test.log', [])).read('0', 100);
    await bus.append(log.map((e) => ({ ...e, producerSeq: '1' })));
    await reaction.idle();
    expect(await tallied()).toHaveLength(3);
    await relay.stop();
    await reaction.stop();
  });

  it('resumes from its durable offset after a restart, applying only what it had not applied', async () => {
    const relay = startRelay({ producer: 'orders', orm: producer, listener, bus, pollMs: 50 });
    const more = [newId(), newId()];
    for (const id of more) await ship(id);
    await relay.idle();
    const restarted = await startConsumer({ name: 'test.tally', orm: consumer, bus, handlers: { 'shipment.delivered': tally }, pollMs: 50 });
    await restarted.idle();
    expect(await tallied()).toHaveLength(5);
    const [{ position }] = await consumer.em.fork().execute<{ position: string }[]>('select position::text from consumer_offset');
    expect(position).toBe((await (await bus.reader('test.log', [])).read('0', 100)).at(-1)!.position);
    await restarted.stop();
    await relay.stop();
  });

  it('rolls a failing reaction back with its offset, and applies it once it succeeds', async () => {
    let failures = 1;
    const flaky: EventHandler = async (event, em) => {
      await tally(event, em);
      if (failures-- > 0) throw new Error('downstream hiccup');
    };
    const relay = startRelay({ producer: 'orders', orm: producer, listener, bus, pollMs: 50 });
    const reaction = await startConsumer({ name: 'test.flaky', orm: consumer, bus, handlers: { 'shipment.delivered': flaky }, pollMs: 50 });
    await relay.idle();
    await reaction.idle(); // first pass fails and rolls back
    await reaction.idle(); // retried after the poll interval
    const rows = await consumer.em.fork().execute<{ n: number }[]>(
      `select count(*)::int as n from processed_event where consumer = 'test.flaky'`,
    );
    expect(rows[0]!.n).toBe(5);
    expect(await tallied()).toHaveLength(10); // 5 from test.tally, 5 from test.flaky, none twice
    await reaction.stop();
    await relay.stop();
  });
});
