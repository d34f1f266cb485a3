// The default bus: an append-only log in its own PostgreSQL database (`<prefix>_bus`) plus
// LISTEN/NOTIFY to wake readers, so the embedded default needs no other server.
import { Client, Pool } from 'pg';
import { ensureDatabase } from '../database';
import type { BusEvent, EventBus, NewBusEvent } from './bus';

const CHANNEL = 'cmgraph_bus';

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

export async function openPostgresBus(url: string): Promise<EventBus> {
  await ensureDatabase(url);
  const pool = new Pool({ connectionString: url, max: 4 });
  await pool.query(SCHEMA).catch(async (error: { code?: string }) => {
    if (error.code !== '23505' && error.code !== '42P07') throw error; // created concurrently
  });
  return {
    async append(events) {
      if (!events.length) return;
      const column = <K extends keyof NewBusEvent>(key: K) => events.map((e) => e[key]);
      await pool.query(
        `with appended as (
           insert into event_log (id, producer, producer_seq, type, subject_type, subject_id, supplier_id, occurred_at, payload)
           select * from unnest($1::uuid[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::uuid[], $7::uuid[], $8::timestamptz[], $9::jsonb[])
           order by 3
           on conflict (id) do nothing
           returning 1)
         select pg_notify('${CHANNEL}', count(*)::text) from appended`,
        [column('id'), column('producer'), column('producerSeq'), column('type'), column('subjectType'), column('subjectId'),
          column('supplierId'), column('occurredAt'), events.map((e) => JSON.stringify(e.payload))],
      );
    },
    async read(after, limit, types) {
      const { rows } = await pool.query(
        `select position::text, id, producer, type, subject_type, subject_id, supplier_id, occurred_at, payload
         from event_log where position > $1 and ($3::text[] is null or type = any($3)) order by position limit $2`,
        [after, limit, types ?? null],
      );
      return rows.map(
        (row): BusEvent => ({
          position: row.position, id: row.id, producer: row.producer, type: row.type, subjectType: row.subject_type,
          subjectId: row.subject_id, supplierId: row.supplier_id, occurredAt: row.occurred_at, payload: row.payload,
        }),
      );
    },
    async onAppend(listener) {
      const client = new Client({ connectionString: url });
      await client.connect();
      client.on('notification', () => listener());
      client.on('error', () => undefined); // the poll behind every reader covers a lost listener
      await client.query(`listen ${CHANNEL}`);
      return async () => {
        await client.end().catch(() => undefined);
      };
    },
    close: () => pool.end(),
  };
}
