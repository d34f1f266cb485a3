import { Migration } from '@mikro-orm/migrations';

export class Migration20261124082925 extends Migration {

  override name = 'Migration20261124082925';

  override up(): void | Promise<void> {
    this.addSql(`create table "data_room_access" ("id" uuid not null, "document_id" uuid not null, "action" text not null, "subject" text not null, "roles" text[] not null, "supplier_id" uuid null, "address" text null, "at" timestamptz not null, "watermark" text null, "delivered_sha256" varchar(64) null, primary key ("id"));`);
    this.addSql(`create index "data_room_access_document_id_index" on "data_room_access" ("document_id");`);
    this.addSql(`create index "data_room_access_subject_index" on "data_room_access" ("subject");`);
    this.addSql(`create index "data_room_access_supplier_id_index" on "data_room_access" ("supplier_id");`);
    this.addSql(`create index "data_room_access_at_index" on "data_room_access" ("at");`);

    this.addSql(`create table "data_room_document" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "title" varchar(255) not null, "kind" text not null, "classification" text not null, "product_id" uuid null, "file_name" varchar(255) not null, "content_type" varchar(255) not null, "size" int not null, "sha256" varchar(64) not null, "uploaded_by" text not null, "content" bytea not null, primary key ("id"));`);
    this.addSql(`create index "data_room_document_updated_at_index" on "data_room_document" ("updated_at");`);
    this.addSql(`create index "data_room_document_product_id_index" on "data_room_document" ("product_id");`);

    this.addSql(`create table "data_room_share" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "document_id" uuid not null, "supplier_id" uuid not null, "expires_at" timestamptz not null, "shared_by" text not null, "revoked_at" timestamptz null, "revoked_by" text null, primary key ("id"));`);
    this.addSql(`create index "data_room_share_updated_at_index" on "data_room_share" ("updated_at");`);
    this.addSql(`create index "data_room_share_document_id_index" on "data_room_share" ("document_id");`);
    this.addSql(`create index "data_room_share_supplier_id_index" on "data_room_share" ("supplier_id");`);

    this.addSql(`alter table "data_room_access" add constraint "data_room_access_action_check" check ("action" in ('READ', 'DOWNLOAD', 'DENIED'));`);
    this.addSql(`create or replace function "data_room_access_append_only_fn"() returns trigger as \$\$ begin raise exception 'data_room_access is append-only: % refused', tg_op using errcode = 'insufficient_privilege'; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "append_only" BEFORE UPDATE OR DELETE on "data_room_access" for each ROW execute function "data_room_access_append_only_fn"();`);
    // TRUNCATE skips row triggers: a statement trigger of its own (written here, not declared on the entity,
    // because information_schema does not list TRUNCATE triggers and the comparator would keep adding it)
    this.addSql(`create function "data_room_access_no_truncate_fn"() returns trigger as \$\$ begin raise exception 'data_room_access is append-only: % refused', tg_op using errcode = 'insufficient_privilege'; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "no_truncate" BEFORE TRUNCATE on "data_room_access" for each STATEMENT execute function "data_room_access_no_truncate_fn"();`);

    this.addSql(`alter table "data_room_document" add constraint "data_room_document_kind_check" check ("kind" in ('BOM', 'DRAWING', 'SPECIFICATION', 'OTHER'));`);
    this.addSql(`alter table "data_room_document" add constraint "data_room_document_classification_check" check ("classification" in ('INTERNAL', 'CONFIDENTIAL', 'RESTRICTED'));`);

    this.addSql(`alter table "data_room_share" add constraint "data_room_share_document_id_foreign" foreign key ("document_id") references "data_room_document" ("id");`);
    this.addSql(`alter table "data_room_share" add constraint "data_room_share_supplier_id_foreign" foreign key ("supplier_id") references "supplier" ("id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "data_room_share" drop constraint "data_room_share_document_id_foreign";`);

    this.addSql(`drop trigger if exists "no_truncate" on "data_room_access";`);
    this.addSql(`drop function if exists "data_room_access_no_truncate_fn"();`);
    this.addSql(`drop trigger if exists "append_only" on "data_room_access";`);
    this.addSql(`drop function if exists "data_room_access_append_only_fn"();`);
    this.addSql(`drop table if exists "data_room_access" cascade;`);
    this.addSql(`drop table if exists "data_room_document" cascade;`);
    this.addSql(`drop table if exists "data_room_share" cascade;`);
  }

}
