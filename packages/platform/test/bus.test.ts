// The event bus contract, run against every bus available: PostgreSQL always, NATS JetStream when
// NATS_URL is set. Real servers only; each case gets its own bus storage (a database or a stream) and
// removes it afterwards. Consumers keep their offsets in a real (isolated) consumer database.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { MikroORM } from '@mikro-orm/postgresql';
import { databaseUrl, ensureDatabase, ormConfig } from '../src/database';
import {
  ConsumerOffset, ProcessedEvent, openNatsBus, openPostgresBus, startConsumer,
  type BusEvent, type BusReader, type EventBus, type EventHandler, type NewBusEvent,
} from '../src/events';
import { newId } from '../src/ids';
import { isolatedTarget } from '@cmgraph/testkit';

const target = isolatedTarget();
const natsUrl = process.env.NATS_URL;

interface BusKind {
  name: string;
  key: string;
  /** Opens one more instance on the storage called `space` (instances of one space share their events). */
  open(space: string): Promise<EventBus>;
}

const postgres: BusKind = { name: 'PostgreSQL bus', key: 'pg', open: (space) => openPostgresBus(databaseUrl(target, `bus_${space}`)) };
const nats: BusKind = {
  name: `NATS JetStream bus (${natsUrl})`,
  key: 'nats',
  open: (space) => openNatsBus(natsUrl!, { namespace: `${target.prefix}_${space}` }),
};
const kinds = natsUrl ? [postgres, nats] : [postgres];

let spaces = 0;
let opened: EventBus[] = [];

afterEach(async () => {
  for (const bus of opened) await bus.drop().catch(() => undefined);
  for (const bus of opened) await bus.close();
  opened = [];
});
afterAll(async () => {
  await target.drop();
});

let made = 0;
function event(type: string): NewBusEvent {
  const n = ++made;
  return {
    id: newId(), producer: 'orders', producerSeq: String(n), type, subjectType: 'Shipment', subjectId: newId(),
    supplierId: n % 2 ? newId() : null, occurredAt: new Date(Date.UTC(2026, 10, 24, 12, 0, n % 60, 123)),
    payload: { n, nested: { quantity: '12.500', unit: 'kg' }, list: [1, 'two'] },
  };
}

const ids = (events: { id: string }[]) => events.map((e) => e.id);

function strictlyIncreasing(events: BusEvent[]): boolean {
  return events.every((e, i) => i === 0 || BigInt(e.position) > BigInt(events[i - 1]!.position));
}

/** Reads everything after `after`, `limit` at a time, as a consumer would. */
async function readAll(reader: BusReader, after = '0', limit = 100): Promise<BusEvent[]> {
  const all: BusEvent[] = [];
  for (;;) {
    const batch = await reader.read(all.at(-1)?.position ?? after, limit);
    if (!batch.length) return all;
    all.push(...batch);
  }
}

describe.each(kinds)('$name', (kind) => {
  let orm: MikroORM;

  async function open(space: string): Promise<EventBus> {
    const bus = await kind.open(space);
    opened.push(bus);
    return bus;
  }
  const freshSpace = () => `${kind.key}${++spaces}`;

  beforeAll(async () => {
    const url = databaseUrl(target, `consumer_${kind.key}`);
    await ensureDatabase(url);
    orm = await MikroORM.init(ormConfig({ url, entities: [ConsumerOffset, ProcessedEvent], migrations: [] }));
    await orm.schema.create(); // test scaffolding; subgraphs get these tables from their migrations
    await orm.em.getConnection().execute('create table tally (consumer text not null, event_id uuid not null)');
  });
  afterAll(async () => {
    await orm?.close(true);
  });

  const tallyFor = (consumer: string): EventHandler => async (e, em) => {
    await em.execute('insert into tally (consumer, event_id) values (?, ?)', [consumer, e.id]);
  };
  const tallied = async (consumer: string) =>
    (await orm.em.fork().execute<{ event_id: string }[]>('select event_id from tally where consumer = ?', [consumer])).map((r) => r.event_id);
  const offsetOf = async (consumer: string) =>
    (await orm.em.fork().execute<{ position: string }[]>('select position::text from consumer_offset where stream = ?', [consumer]))[0]?.position;
  const processed = async (consumer: string) =>
    (await orm.em.fork().execute<{ n: number }[]>('select count(*)::int as n from processed_event where consumer = ?', [consumer]))[0]!.n;

  it('appends and reads back in order, every field intact, from any position', async () => {
    const bus = await open(freshSpace());
    expect(bus.kind).toBe(kind.key === 'pg' ? 'postgres' : 'nats');
    expect(await bus.head()).toBe('0');
    const first = [event('order.placed'), event('shipment.delivered'), event('order.placed')];
    const second = [event('shipment.delivered'), event('order.placed')];
    await bus.append(first);
    await bus.append(second);
    await bus.append([]);
    const reader = await bus.reader('test.order', ['order.placed', 'shipment.delivered']);
    const read = await reader.read('0', 100);
    expect(ids(read)).toEqual(ids([...first, ...second]));
    expect(strictlyIncreasing(read)).toBe(true);
    expect(await bus.head()).toBe(read.at(-1)!.position);
    const { producerSeq: _, ...fields } = second[0]!;
    expect(read[3]).toEqual({ ...fields, position: read[3]!.position });
    // a smaller batch from the middle (as after a rolled-back batch), then the rest, then nothing
    expect(ids(await reader.read(read[1]!.position, 2))).toEqual(ids(read.slice(2, 4)));
    expect(ids(await reader.read(read[3]!.position, 100))).toEqual(ids(read.slice(4)));
    expect(await reader.read(read[4]!.position, 100)).toEqual([]);
    await reader.close();
  });

  it('ignores an event it already has (same id appended again, as by a retrying relay)', async () => {
    const bus = await open(freshSpace());
    const [a, b, c] = [event('order.placed'), event('order.placed'), event('order.placed')];
    await bus.append([a!, b!]);
    await bus.append([a!, b!, c!]);
    await bus.append([c!]);
    const reader = await bus.reader('test.idempotent', ['order.placed']);
    expect(ids(await readAll(reader))).toEqual(ids([a!, b!, c!]));
  });

  it('gives a reader only the types it asked for, one type or several', async () => {
    const bus = await open(freshSpace());
    const odd = 'lot.quarantined by/QA é*> 📦..%';
    const types = ['x.one', 'x.two', 'x.three', odd];
    const events = Array.from({ length: 14 }, (_, i) => event(types[i % types.length]!));
    await bus.append(events);
    const only = async (consumer: string, wanted: string[], limit: number) => {
      const read = await readAll(await bus.reader(consumer, wanted), '0', limit);
      expect(strictlyIncreasing(read)).toBe(true);
      return ids(read);
    };
    expect(await only('test.one', ['x.one'], 100)).toEqual(ids(events.filter((e) => e.type === 'x.one')));
    expect(await only('test.one-three', ['x.one', 'x.three'], 2)).toEqual(ids(events.filter((e) => e.type === 'x.one' || e.type === 'x.three')));
    expect(await only('test.odd', [odd], 1)).toEqual(ids(events.filter((e) => e.type === odd)));
    expect(await only('test.none-such', ['x.four'], 100)).toEqual([]);
    expect(await only('test.everything', [], 5)).toEqual(ids(events)); // no types: all of them
  });

  it('keeps named readers independent, and a reader follows the position it is given', async () => {
    const space = freshSpace();
    const bus = await open(space);
    const events = Array.from({ length: 6 }, () => event('t.made'));
    await bus.append(events);
    const one = await bus.reader('test.one', ['t.made']);
    const two = await bus.reader('test.two', ['t.made']);
    const firstTwo = await one.read('0', 2);
    expect(ids(firstTwo)).toEqual(ids(events.slice(0, 2)));
    const all = await two.read('0', 100);
    expect(ids(all)).toEqual(ids(events));
    expect(ids(await one.read(firstTwo[1]!.position, 2))).toEqual(ids(events.slice(2, 4)));
    expect(await two.read(all[5]!.position, 100)).toEqual([]);
    // `one` never got past the 2nd event (its batch rolled back): it reads from there again
    expect(ids(await one.read(firstTwo[1]!.position, 100))).toEqual(ids(events.slice(2)));
    // a new instance of the same reader (a restart) starts where its consumer says
    await one.close();
    const again = await bus.reader('test.one', ['t.made']);
    expect(ids(await again.read(all[3]!.position, 100))).toEqual(ids(events.slice(4)));
    // and another bus instance on the same storage sees the same log
    const other = await open(space);
    expect(ids(await readAll(await other.reader('test.three', ['t.made'])))).toEqual(ids(events));
  });

  it('wakes onAppend listeners, also of another instance', async () => {
    const space = freshSpace();
    const appender = await open(space);
    const listener = await open(space);
    let calls = 0;
    let woken!: () => void;
    const wake = new Promise<void>((resolve) => (woken = resolve));
    const off = await listener.onAppend(() => {
      calls++;
      woken();
    });
    await appender.append([event('w.made'), event('w.made')]);
    await wake;
    expect(calls).toBeGreaterThanOrEqual(1);
    await off();
  });

  it('shows a reader every event of concurrent appenders exactly once, in increasing positions', async () => {
    const space = freshSpace();
    const reader = await (await open(space)).reader('test.concurrent', ['c.made']); // creates the storage
    const appenders = await Promise.all([1, 2, 3].map(() => open(space)));
    const expected: string[] = [];
    let finished = false;
    const appending = Promise.all(
      appenders.flatMap((bus) =>
        [1, 2].map(async () => {
          for (let k = 0; k < 25; k++) {
            const batch = [event('c.made'), event('c.other'), event('c.made')];
            expected.push(batch[0]!.id, batch[2]!.id);
            await bus.append(batch);
          }
        }),
      ),
    ).finally(() => (finished = true));
    const seen: BusEvent[] = [];
    for (;;) {
      const last = finished; // everything was committed before this read began
      const batch = await reader.read(seen.at(-1)?.position ?? '0', 7);
      seen.push(...batch);
      if (last && !batch.length) break;
    }
    await appending;
    expect(seen.length).toBe(expected.length); // a skipped position shows here
    expect(new Set(ids(seen)).size).toBe(expected.length);
    expect([...ids(seen)].sort()).toEqual([...expected].sort());
    expect(strictlyIncreasing(seen)).toBe(true);
  });

  it('lets startConsumer apply each event exactly once and keep its offset, woken by new appends', async () => {
    const bus = await open(freshSpace());
    const name = `test.apply.${kind.key}`;
    const first = Array.from({ length: 7 }, (_, i) => event(i % 3 === 2 ? 'k.other' : 'k.made'));
    await bus.append(first);
    const consumer = await startConsumer({ name, orm, bus, handlers: { 'k.made': tallyFor(name) }, pollMs: 50, batchSize: 3 });
    await consumer.idle();
    const more = [event('k.made'), event('k.other'), event('k.made')];
    await bus.append(more);
    await bus.append(first); // a relay repeating itself changes nothing
    await consumer.idle();
    await consumer.stop();
    const wanted = [...first, ...more].filter((e) => e.type === 'k.made');
    expect((await tallied(name)).sort()).toEqual(ids(wanted).sort());
    expect(await processed(name)).toBe(wanted.length);
    const log = await readAll(await bus.reader('test.check', ['k.made']));
    expect(await offsetOf(name)).toBe(log.at(-1)!.position);
  });

  it('resumes a consumer stopped mid-batch: after a restart every event is applied exactly once', async () => {
    const bus = await open(freshSpace());
    const name = `test.restart.${kind.key}`;
    const events = Array.from({ length: 10 }, (_, i) => event(i % 4 === 3 ? 'm.other' : 'm.made'));
    await bus.append(events);
    const wanted = events.filter((e) => e.type === 'm.made');
    let failed!: () => void;
    const failure = new Promise<void>((resolve) => (failed = resolve));
    const tally = tallyFor(name);
    // the first run's handler fails on the 3rd event (after writing its row: that write must roll back)
    const failing: EventHandler = async (e, em) => {
      await tally(e, em);
      if (e.id === wanted[2]!.id) {
        failed();
        throw new Error('the 3rd event fails in this run');
      }
    };
    const firstRun = await startConsumer({ name, orm, bus, handlers: { 'm.made': failing }, pollMs: 50, batchSize: 5 });
    await failure;
    await firstRun.stop();
    expect((await tallied(name)).sort()).toEqual(ids(wanted.slice(0, 2)).sort());
    const log = await readAll(await bus.reader('test.check', ['m.made']));
    expect(await offsetOf(name)).toBe(log[1]!.position);

    const secondRun = await startConsumer({ name, orm, bus, handlers: { 'm.made': tally }, pollMs: 50, batchSize: 5 });
    await secondRun.idle();
    await secondRun.stop();
    expect((await tallied(name)).sort()).toEqual(ids(wanted).sort());
    expect(await processed(name)).toBe(wanted.length);
    expect(await offsetOf(name)).toBe(log.at(-1)!.position);
  });

  it('drops everything it stored', async () => {
    const space = freshSpace();
    const bus = await open(space);
    await bus.append([event('d.made')]);
    await bus.drop();
    await bus.close();
    opened = opened.filter((b) => b !== bus);
    const reopened = await open(space);
    expect(await (await reopened.reader('test.drop', ['d.made'])).read('0', 10)).toEqual([]);
  });
});

if (!natsUrl) {
  describe.skip('NATS JetStream bus — skipped: NATS_URL is not set', () => {
    it('runs the same contract when NATS_URL is set', () => undefined);
  });
}
