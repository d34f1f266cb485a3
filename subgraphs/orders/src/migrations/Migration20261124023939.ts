import { Migration } from '@mikro-orm/migrations';

export class Migration20261124023939 extends Migration {

  override name = 'Migration20261124023939';

  override up(): void | Promise<void> {
    this.addSql(`create table "purchase_order" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "number" varchar(255) not null, "supplier_id" uuid not null, "ship_to_location_id" uuid not null, "status" text not null default 'DRAFT', "incoterms" text not null, "currency" varchar(3) not null, "ordered_at" timestamptz not null, "sent_at" timestamptz null, "acknowledged_at" timestamptz null, "closed_at" timestamptz null, "cancelled_at" timestamptz null, "cancel_reason" text null, primary key ("id"));`);
    this.addSql(`create index "purchase_order_updated_at_index" on "purchase_order" ("updated_at");`);
    this.addSql(`alter table "purchase_order" add constraint "purchase_order_number_unique" unique ("number");`);
    this.addSql(`create index "purchase_order_ship_to_location_id_index" on "purchase_order" ("ship_to_location_id");`);
    this.addSql(`create index "purchase_order_status_index" on "purchase_order" ("status");`);
    this.addSql(`create index "purchase_order_ordered_at_index" on "purchase_order" ("ordered_at");`);
    this.addSql(`create index "purchase_order_supplier_id_id_index" on "purchase_order" ("supplier_id", "id");`);

    this.addSql(`create table "purchase_order_line" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "purchase_order_id" uuid not null, "line_number" int not null, "product_id" uuid not null, "quantity" numeric(18,4) not null, "uom" varchar(10) not null, "unit_price" numeric(18,4) not null, "requested_date" date not null, "original_promised_date" date null, "current_promised_date" date null, "ack_status" text not null default 'PENDING', "acknowledged_quantity" numeric(18,4) null, "quantity_shipped" numeric(18,4) not null default 0, "quantity_delivered" numeric(18,4) not null default 0, "delivered_in_full_on" date null, primary key ("id"));`);
    this.addSql(`create index "purchase_order_line_updated_at_index" on "purchase_order_line" ("updated_at");`);
    this.addSql(`create index "purchase_order_line_product_id_index" on "purchase_order_line" ("product_id");`);
    this.addSql(`create index "purchase_order_line_original_promised_date_index" on "purchase_order_line" ("original_promised_date");`);
    this.addSql(`alter table "purchase_order_line" add constraint "purchase_order_line_purchase_order_id_line_number_unique" unique ("purchase_order_id", "line_number");`);

    this.addSql(`create table "shipment" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "number" varchar(255) not null, "supplier_id" uuid not null, "ship_from_facility_id" uuid not null, "ship_to_location_id" uuid not null, "carrier" varchar(255) not null, "mode" text not null, "tracking_number" varchar(255) null, "eta" date not null, "status" text not null default 'BOOKED', "shipped_at" timestamptz null, "delivered_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "shipment_updated_at_index" on "shipment" ("updated_at");`);
    this.addSql(`alter table "shipment" add constraint "shipment_number_unique" unique ("number");`);
    this.addSql(`create index "shipment_ship_to_location_id_index" on "shipment" ("ship_to_location_id");`);
    this.addSql(`create index "shipment_status_index" on "shipment" ("status");`);
    this.addSql(`create index "shipment_supplier_id_id_index" on "shipment" ("supplier_id", "id");`);

    this.addSql(`create table "shipment_event" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "shipment_id" uuid not null, "type" text not null, "occurred_at" timestamptz not null, "location" text null, "note" text null, primary key ("id"));`);
    this.addSql(`create index "shipment_event_updated_at_index" on "shipment_event" ("updated_at");`);
    this.addSql(`create index "shipment_event_shipment_id_index" on "shipment_event" ("shipment_id");`);

    this.addSql(`create table "shipment_package" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "shipment_id" uuid not null, "sscc" varchar(18) not null, "weight_kg" numeric(12,3) not null, primary key ("id"));`);
    this.addSql(`create index "shipment_package_updated_at_index" on "shipment_package" ("updated_at");`);
    this.addSql(`create index "shipment_package_shipment_id_index" on "shipment_package" ("shipment_id");`);
    this.addSql(`alter table "shipment_package" add constraint "shipment_package_sscc_unique" unique ("sscc");`);

    this.addSql(`create table "shipment_line" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "shipment_id" uuid not null, "package_id" uuid null, "purchase_order_line_id" uuid not null, "purchase_order_id" uuid not null, "product_id" uuid not null, "quantity" numeric(18,4) not null, "lot_number" varchar(255) null, primary key ("id"));`);
    this.addSql(`create index "shipment_line_updated_at_index" on "shipment_line" ("updated_at");`);
    this.addSql(`create index "shipment_line_shipment_id_index" on "shipment_line" ("shipment_id");`);
    this.addSql(`create index "shipment_line_package_id_index" on "shipment_line" ("package_id");`);
    this.addSql(`create index "shipment_line_purchase_order_line_id_index" on "shipment_line" ("purchase_order_line_id");`);
    this.addSql(`create index "shipment_line_purchase_order_id_index" on "shipment_line" ("purchase_order_id");`);

    this.addSql(`alter table "purchase_order" add constraint "purchase_order_status_check" check ("status" in ('DRAFT', 'SENT', 'ACKNOWLEDGED', 'PARTIALLY_SHIPPED', 'CLOSED', 'CANCELLED'));`);
    this.addSql(`alter table "purchase_order" add constraint "purchase_order_incoterms_check" check ("incoterms" in ('EXW', 'FCA', 'FAS', 'FOB', 'CFR', 'CIF', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP'));`);

    this.addSql(`alter table "purchase_order_line" add constraint "purchase_order_line_purchase_order_id_foreign" foreign key ("purchase_order_id") references "purchase_order" ("id");`);
    this.addSql(`alter table "purchase_order_line" add constraint "purchase_order_line_unit_price_not_negative" check (unit_price >= 0);`);
    this.addSql(`alter table "purchase_order_line" add constraint "purchase_order_line_quantity_positive" check (quantity > 0);`);
    this.addSql(`alter table "purchase_order_line" add constraint "purchase_order_line_ack_status_check" check ("ack_status" in ('PENDING', 'ACCEPTED', 'REJECTED', 'BACKORDERED', 'DATE_CHANGED'));`);

    this.addSql(`alter table "shipment" add constraint "shipment_mode_check" check ("mode" in ('ROAD', 'RAIL', 'SEA', 'AIR', 'PARCEL'));`);
    this.addSql(`alter table "shipment" add constraint "shipment_status_check" check ("status" in ('BOOKED', 'IN_TRANSIT', 'DELIVERED', 'EXCEPTION'));`);

    this.addSql(`alter table "shipment_event" add constraint "shipment_event_shipment_id_foreign" foreign key ("shipment_id") references "shipment" ("id");`);
    this.addSql(`alter table "shipment_event" add constraint "shipment_event_type_check" check ("type" in ('BOOKED', 'PICKED_UP', 'DEPARTED', 'ARRIVED_AT_PORT', 'CUSTOMS_CLEARED', 'OUT_FOR_DELIVERY', 'DELIVERED', 'EXCEPTION'));`);

    this.addSql(`alter table "shipment_package" add constraint "shipment_package_shipment_id_foreign" foreign key ("shipment_id") references "shipment" ("id");`);

    this.addSql(`alter table "shipment_line" add constraint "shipment_line_shipment_id_foreign" foreign key ("shipment_id") references "shipment" ("id");`);
    this.addSql(`alter table "shipment_line" add constraint "shipment_line_package_id_foreign" foreign key ("package_id") references "shipment_package" ("id") on delete set null;`);
    this.addSql(`alter table "shipment_line" add constraint "shipment_line_purchase_order_line_id_foreign" foreign key ("purchase_order_line_id") references "purchase_order_line" ("id");`);
    this.addSql(`alter table "shipment_line" add constraint "shipment_line_purchase_order_id_foreign" foreign key ("purchase_order_id") references "purchase_order" ("id");`);
    this.addSql(`alter table "shipment_line" add constraint "shipment_line_quantity_positive" check (quantity > 0);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "purchase_order_line" drop constraint "purchase_order_line_purchase_order_id_foreign";`);
    this.addSql(`alter table "shipment_line" drop constraint "shipment_line_purchase_order_id_foreign";`);
    this.addSql(`alter table "shipment_line" drop constraint "shipment_line_purchase_order_line_id_foreign";`);
    this.addSql(`alter table "shipment_event" drop constraint "shipment_event_shipment_id_foreign";`);
    this.addSql(`alter table "shipment_package" drop constraint "shipment_package_shipment_id_foreign";`);
    this.addSql(`alter table "shipment_line" drop constraint "shipment_line_shipment_id_foreign";`);
    this.addSql(`alter table "shipment_line" drop constraint "shipment_line_package_id_foreign";`);

    this.addSql(`drop table if exists "purchase_order" cascade;`);
    this.addSql(`drop table if exists "purchase_order_line" cascade;`);
    this.addSql(`drop table if exists "shipment" cascade;`);
    this.addSql(`drop table if exists "shipment_event" cascade;`);
    this.addSql(`drop table if exists "shipment_package" cascade;`);
    this.addSql(`drop table if exists "shipment_line" cascade;`);
  }

}
