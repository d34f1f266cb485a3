// The default bus: an append-only log in its own PostgreSQL database (`<prefix>_bus`) plus
// LISTEN/NOTIFY to wake readers, so the embedded default needs no other server.
// Gap-free for readers: each append is one transaction that first takes a transaction-level advisory lock,
// so positions (a bigserial) are handed out in commit order — a reader that has seen position N never
// later finds a committed N-1 (without the lock, two relays could commit 10 before 9 and 9 be skipped).
// The log's numbering may have holes (a rolled-back append, an ignored duplicate), never late arrivals.
import { Client, Pool } from 'pg';
import { ensureDatabase } from '../database-target';
import type { BusEvent, BusReader, EventBus, NewBusEvent } from './bus';

const CHANNEL = 'cmgraph_bus';
/** Serialises appenders of one bus database (advisory locks are per database). */
const APPEND_LOCK = 0x636d6275; // "cmbu"

// Infrastructure, not a subgraph's data: idempotent DDL the bus runs itself when it opens.
const SCHEMA = `
create table if not exists event_log (
  position bigserial primary key,
  id uuid not null unique,
  producer text not null,
  producer_seq bigint not null,
  type text not null,
  subject_type text not null,
  subject_id uuid not null,
  supplier_id uuid,
  occurred_at timestamptz not null,
  payload jsonb not null,
  appended_at timestamptz not null default now()
);
create index if not exists event_log_type_position on event_log (type, position);`;

interface Row {
  position: string;
  id: string;
  producer: string;
  type: string;
  subject_type: string;
  subject_id: string;
  supplier_id: string | null;
  occurred_at: Date;
  payload: Record<string, unknown>;
}

const toEvent = (row: Row): BusEvent => ({
  position: row.position, id: row.id, producer: row.producer, type: row.type, subjectType: row.subject_type,
  subjectId: row.subject_id, supplierId: row.supplier_id, occurredAt: row.occurred_at, payload: row.payload,
});

export async function openPostgresBus(url: string): Promise<EventBus> {
  await ensureDatabase(url);
  const pool = new Pool({ connectionString: url, max: 4 });
  pool.on('error', () => undefined); // an idle client lost; the next query opens a new one
  const createSchema = () =>
    pool.query(SCHEMA).catch(async (error: { code?: string }) => {
      if (!['23505', '42P07', '42710'].includes(error.code ?? '')) throw error; // created concurrently (row, relation or type)
    });
  await createSchema();
  let closed = false;

  const append = async (events: NewBusEvent[]) => {
    if (!events.length) return;
    const column = <K extends keyof NewBusEvent>(key: K) => events.map((e) => e[key]);
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query('select pg_advisory_xact_lock($1)', [APPEND_LOCK]);
      await client.query(
        `with appended as (
           insert into event_log (id, producer, producer_seq, type, subject_type, subject_id, supplier_id, occurred_at, payload)
           select id, producer, producer_seq, type, subject_type, subject_id, supplier_id, occurred_at, payload
           from unnest($1::uuid[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::uuid[], $7::uuid[], $8::timestamptz[], $9::jsonb[])
             with ordinality as e(id, producer, producer_seq, type, subject_type, subject_id, supplier_id, occurred_at, payload, n)
           order by n
           on conflict (id) do nothing
           returning 1)
         select pg_notify('${CHANNEL}', count(*)::text) from appended`,
        [column('id'), column('producer'), column('producerSeq'), column('type'), column('subjectType'), column('subjectId'),
          column('supplierId'), column('occurredAt'), events.map((e) => JSON.stringify(e.payload))],
      );
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };

  // PostgreSQL keeps no per-consumer state: the consumer's own offset is the whole story.
  const reader = async (_consumer: string, types: string[]): Promise<BusReader> => ({
    async read(after, limit) {
      const { rows } = await pool.query<Row>(
        `select position::text, id, producer, type, subject_type, subject_id, supplier_id, occurred_at, payload
         from event_log where position > $1 and (cardinality($3::text[]) = 0 or type = any($3)) order by event_log.position limit $2`,
        [after, limit, types],
      );
      return rows.map(toEvent);
    },
    close: async () => undefined,
  });

  const onAppend = async (listener: () => void) => {
    const client = new Client({ connectionString: url });
    await client.connect();
    client.on('notification', () => listener());
    client.on('error', () => undefined); // the poll behind every reader covers a lost listener
    await client.query(`listen ${CHANNEL}`);
    return async () => {
      await client.end().catch(() => undefined);
    };
  };

  return {
    kind: 'postgres',
    append,
    reader,
    async head() {
      const { rows } = await pool.query<{ head: string }>('select coalesce(max(position), 0)::text as head from event_log');
      return rows[0]!.head;
    },
    onAppend,
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
    async drop() {
      await pool.query('drop table if exists event_log');
    },
  };
}
