import { Migration } from '@mikro-orm/migrations';

export class Migration20261124024434 extends Migration {

  override name = 'Migration20261124024434';

  override up(): void | Promise<void> {
    this.addSql(`create table "location" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "code" varchar(255) not null, "name" varchar(255) not null, "type" text not null, "country" varchar(2) not null, "facility_id" uuid null, primary key ("id"));`);
    this.addSql(`create index "location_updated_at_index" on "location" ("updated_at");`);
    this.addSql(`alter table "location" add constraint "location_code_unique" unique ("code");`);
    this.addSql(`create index "location_facility_id_index" on "location" ("facility_id");`);

    this.addSql(`create table "product" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "sku" varchar(255) not null, "gtin" text null, "name" varchar(255) not null, "uom" text not null, "tracking" text not null, primary key ("id"));`);
    this.addSql(`create index "product_updated_at_index" on "product" ("updated_at");`);
    this.addSql(`alter table "product" add constraint "product_sku_unique" unique ("sku");`);
    this.addSql(`alter table "product" add constraint "product_gtin_unique" unique ("gtin");`);

    this.addSql(`create table "lot" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "product_id" uuid not null, "lot_number" varchar(255) not null, "status" text not null default 'AVAILABLE', "status_reason" text null, "expires_on" date null, "manufactured_on" date null, "supplier_lot_number" text null, "supplier_id" uuid null, primary key ("id"));`);
    this.addSql(`create index "lot_updated_at_index" on "lot" ("updated_at");`);
    this.addSql(`create index "lot_status_index" on "lot" ("status");`);
    this.addSql(`create index "lot_expires_on_index" on "lot" ("expires_on");`);
    this.addSql(`create index "lot_supplier_id_index" on "lot" ("supplier_id");`);
    this.addSql(`alter table "lot" add constraint "lot_product_id_lot_number_unique" unique ("product_id", "lot_number");`);

    this.addSql(`create table "receipt" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "shipment_id" uuid not null, "location_id" uuid not null, "received_at" timestamptz not null, "note" text null, primary key ("id"));`);
    this.addSql(`create index "receipt_updated_at_index" on "receipt" ("updated_at");`);
    this.addSql(`alter table "receipt" add constraint "receipt_shipment_id_unique" unique ("shipment_id");`);
    this.addSql(`create index "receipt_location_id_index" on "receipt" ("location_id");`);
    this.addSql(`create index "receipt_received_at_index" on "receipt" ("received_at");`);

    this.addSql(`create table "receipt_line" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "receipt_id" uuid not null, "product_id" uuid not null, "lot_id" uuid null, "shipment_line_id" uuid null, "expected_quantity" double precision null, "received_quantity" double precision not null, "accepted_quantity" double precision not null, "rejected_quantity" double precision not null, "note" text null, primary key ("id"));`);
    this.addSql(`create index "receipt_line_updated_at_index" on "receipt_line" ("updated_at");`);
    this.addSql(`create index "receipt_line_receipt_id_index" on "receipt_line" ("receipt_id");`);
    this.addSql(`create index "receipt_line_product_id_index" on "receipt_line" ("product_id");`);
    this.addSql(`create index "receipt_line_lot_id_index" on "receipt_line" ("lot_id");`);
    this.addSql(`create index "receipt_line_shipment_line_id_index" on "receipt_line" ("shipment_line_id");`);

    this.addSql(`create table "stock_level" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "product_id" uuid not null, "location_id" uuid not null, "on_hand" double precision not null default 0, "reserved" double precision not null default 0, "in_transit" double precision not null default 0, "safety_stock" double precision not null default 0, "reorder_point" double precision not null default 0, primary key ("id"));`);
    this.addSql(`create index "stock_level_updated_at_index" on "stock_level" ("updated_at");`);
    this.addSql(`create index "stock_level_location_id_index" on "stock_level" ("location_id");`);
    this.addSql(`alter table "stock_level" add constraint "stock_level_product_id_location_id_unique" unique ("product_id", "location_id");`);

    this.addSql(`create table "stock_movement" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "type" text not null, "product_id" uuid not null, "lot_id" uuid null, "from_location_id" uuid null, "to_location_id" uuid null, "quantity" double precision not null, "occurred_at" timestamptz not null, "reference" text null, "reason" text null, primary key ("id"));`);
    this.addSql(`create index "stock_movement_updated_at_index" on "stock_movement" ("updated_at");`);
    this.addSql(`create index "stock_movement_lot_id_index" on "stock_movement" ("lot_id");`);
    this.addSql(`create index "stock_movement_from_location_id_index" on "stock_movement" ("from_location_id");`);
    this.addSql(`create index "stock_movement_to_location_id_index" on "stock_movement" ("to_location_id");`);
    this.addSql(`create index "stock_movement_product_id_from_location_id_occurred_at_index" on "stock_movement" ("product_id", "from_location_id", "occurred_at");`);

    this.addSql(`alter table "location" add constraint "location_type_check" check ("type" in ('WAREHOUSE', 'PLANT', 'DISTRIBUTION_CENTER', 'QUARANTINE_AREA'));`);

    this.addSql(`alter table "product" add constraint "product_uom_check" check ("uom" in ('EA', 'PR', 'SET', 'PK', 'BX', 'KG', 'G', 'T', 'M', 'CM', 'MM', 'M2', 'M3', 'L', 'ML'));`);
    this.addSql(`alter table "product" add constraint "product_tracking_check" check ("tracking" in ('NONE', 'LOT', 'SERIAL'));`);

    this.addSql(`alter table "lot" add constraint "lot_product_id_foreign" foreign key ("product_id") references "product" ("id");`);
    this.addSql(`alter table "lot" add constraint "lot_status_check" check ("status" in ('AVAILABLE', 'QUARANTINE', 'HOLD', 'RECALLED', 'CONSUMED'));`);

    this.addSql(`alter table "receipt" add constraint "receipt_location_id_foreign" foreign key ("location_id") references "location" ("id");`);

    this.addSql(`alter table "receipt_line" add constraint "receipt_line_receipt_id_foreign" foreign key ("receipt_id") references "receipt" ("id");`);
    this.addSql(`alter table "receipt_line" add constraint "receipt_line_product_id_foreign" foreign key ("product_id") references "product" ("id");`);
    this.addSql(`alter table "receipt_line" add constraint "receipt_line_lot_id_foreign" foreign key ("lot_id") references "lot" ("id") on delete restrict;`);
    this.addSql(`alter table "receipt_line" add constraint "receipt_line_quantities" check (accepted_quantity >= '0'::double precision and rejected_quantity >= '0'::double precision and received_quantity >= '0'::double precision);`);

    this.addSql(`alter table "stock_level" add constraint "stock_level_product_id_foreign" foreign key ("product_id") references "product" ("id");`);
    this.addSql(`alter table "stock_level" add constraint "stock_level_location_id_foreign" foreign key ("location_id") references "location" ("id");`);

    this.addSql(`alter table "stock_movement" add constraint "stock_movement_product_id_foreign" foreign key ("product_id") references "product" ("id");`);
    this.addSql(`alter table "stock_movement" add constraint "stock_movement_lot_id_foreign" foreign key ("lot_id") references "lot" ("id") on delete restrict;`);
    this.addSql(`alter table "stock_movement" add constraint "stock_movement_from_location_id_foreign" foreign key ("from_location_id") references "location" ("id") on delete restrict;`);
    this.addSql(`alter table "stock_movement" add constraint "stock_movement_to_location_id_foreign" foreign key ("to_location_id") references "location" ("id") on delete restrict;`);
    this.addSql(`alter table "stock_movement" add constraint "stock_movement_has_location" check (from_location_id is not null or to_location_id is not null);`);
    this.addSql(`alter table "stock_movement" add constraint "stock_movement_quantity_positive" check (quantity > '0'::double precision);`);
    this.addSql(`alter table "stock_movement" add constraint "stock_movement_type_check" check ("type" in ('RECEIPT', 'ISSUE', 'TRANSFER', 'ADJUST', 'CONSUME', 'PRODUCE'));`);
    this.addSql(`create or replace function "stock_movement_stock_movement_append_only_fn"() returns trigger as \$\$ begin raise exception 'stock_movement is append-only'; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "stock_movement_append_only" BEFORE UPDATE OR DELETE on "stock_movement" for each ROW execute function "stock_movement_stock_movement_append_only_fn"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "receipt" drop constraint "receipt_location_id_foreign";`);
    this.addSql(`alter table "stock_level" drop constraint "stock_level_location_id_foreign";`);
    this.addSql(`alter table "stock_movement" drop constraint "stock_movement_from_location_id_foreign";`);
    this.addSql(`alter table "stock_movement" drop constraint "stock_movement_to_location_id_foreign";`);
    this.addSql(`alter table "lot" drop constraint "lot_product_id_foreign";`);
    this.addSql(`alter table "receipt_line" drop constraint "receipt_line_product_id_foreign";`);
    this.addSql(`alter table "stock_level" drop constraint "stock_level_product_id_foreign";`);
    this.addSql(`alter table "stock_movement" drop constraint "stock_movement_product_id_foreign";`);
    this.addSql(`alter table "receipt_line" drop constraint "receipt_line_lot_id_foreign";`);
    this.addSql(`alter table "stock_movement" drop constraint "stock_movement_lot_id_foreign";`);
    this.addSql(`alter table "receipt_line" drop constraint "receipt_line_receipt_id_foreign";`);

    this.addSql(`drop table if exists "location" cascade;`);
    this.addSql(`drop table if exists "product" cascade;`);
    this.addSql(`drop table if exists "lot" cascade;`);
    this.addSql(`drop table if exists "receipt" cascade;`);
    this.addSql(`drop table if exists "receipt_line" cascade;`);
    this.addSql(`drop table if exists "stock_level" cascade;`);
    this.addSql(`drop trigger if exists "stock_movement_append_only" on "stock_movement";`);
    this.addSql(`drop function if exists "stock_movement_stock_movement_append_only_fn"();`);
    this.addSql(`drop table if exists "stock_movement" cascade;`);
  }

}
