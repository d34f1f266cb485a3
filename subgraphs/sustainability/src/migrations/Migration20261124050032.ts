import { Migration } from '@mikro-orm/migrations';

export class Migration20261124050032 extends Migration {

  override name = 'Migration20261124050032';

  override up(): void | Promise<void> {
    this.addSql(`create table "consumer_offset" ("stream" text not null, "position" bigint not null default '0', "updated_at" timestamptz not null, primary key ("stream"));`);

    this.addSql(`create table "outbox_event" ("seq" bigserial primary key, "id" uuid not null, "type" text not null, "subject_type" text not null, "subject_id" uuid not null, "supplier_id" uuid null, "occurred_at" timestamptz not null, "payload" jsonb not null, "relayed_at" timestamptz null);`);
    this.addSql(`alter table "outbox_event" add constraint "outbox_event_id_unique" unique ("id");`);
    this.addSql(`create index "outbox_event_type_index" on "outbox_event" ("type");`);
    this.addSql(`create index "outbox_event_supplier_id_index" on "outbox_event" ("supplier_id");`);
    this.addSql(`create index "outbox_event_occurred_at_index" on "outbox_event" ("occurred_at");`);
    this.addSql(`create index outbox_event_pending on outbox_event (seq) where relayed_at is null;`);
    this.addSql(`create index "outbox_event_subject_type_subject_id_index" on "outbox_event" ("subject_type", "subject_id");`);

    this.addSql(`create table "processed_event" ("consumer" text not null, "event_id" uuid not null, "processed_at" timestamptz not null, primary key ("consumer", "event_id"));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "consumer_offset" cascade;`);
    this.addSql(`drop table if exists "outbox_event" cascade;`);
    this.addSql(`drop table if exists "processed_event" cascade;`);
  }

}
