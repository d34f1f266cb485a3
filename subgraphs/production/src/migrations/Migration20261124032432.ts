import { Migration } from '@mikro-orm/migrations';

export class Migration20261124032432 extends Migration {

  override name = 'Migration20261124032432';

  override up(): void | Promise<void> {
    this.addSql(`create table "alert" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "category" text not null, "severity" text not null, "subject_type" text not null, "subject_id" uuid not null, "facility_id" uuid null, "message" text not null, "metric" varchar(255) null, "value" double precision null, "threshold" double precision null, "unit" varchar(16) null, "occurrences" int not null default 1, "raised_at" timestamptz not null, "last_raised_at" timestamptz not null, "acknowledged_at" timestamptz null, "acknowledged_by" text null, "resolved_at" timestamptz null, "resolved_by" text null, primary key ("id"));`);
    this.addSql(`create index "alert_updated_at_index" on "alert" ("updated_at");`);
    this.addSql(`create index "alert_facility_id_raised_at_index" on "alert" ("facility_id", "raised_at");`);
    this.addSql(`create unique index "alert_one_open_per_subject" on "alert" ("category", "subject_type", "subject_id") where resolved_at is null;`);

    this.addSql(`create table "bill_of_materials" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "product_id" uuid not null, "version" int not null, "status" text not null default 'ACTIVE', primary key ("id"));`);
    this.addSql(`create index "bill_of_materials_updated_at_index" on "bill_of_materials" ("updated_at");`);
    this.addSql(`create unique index "bill_of_materials_one_active" on "bill_of_materials" ("product_id") where status = 'ACTIVE';`);
    this.addSql(`alter table "bill_of_materials" add constraint "bill_of_materials_product_id_version_unique" unique ("product_id", "version");`);

    this.addSql(`create table "bill_of_materials_line" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "bill_of_materials_id" uuid not null, "component_product_id" uuid not null, "quantity_per" double precision not null, "uom" varchar(10) not null, "scrap_factor" double precision not null, primary key ("id"));`);
    this.addSql(`create index "bill_of_materials_line_updated_at_index" on "bill_of_materials_line" ("updated_at");`);
    this.addSql(`create index "bill_of_materials_line_bill_of_materials_id_index" on "bill_of_materials_line" ("bill_of_materials_id");`);
    this.addSql(`create index "bill_of_materials_line_component_product_id_index" on "bill_of_materials_line" ("component_product_id");`);

    this.addSql(`create table "downtime_reason" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "code" varchar(255) not null, "description" varchar(255) not null, "category" text not null, "planned" boolean not null, primary key ("id"));`);
    this.addSql(`create index "downtime_reason_updated_at_index" on "downtime_reason" ("updated_at");`);
    this.addSql(`alter table "downtime_reason" add constraint "downtime_reason_code_unique" unique ("code");`);

    this.addSql(`create table "line" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "facility_id" uuid not null, "supplier_id" uuid not null, "code" varchar(255) not null, "name" varchar(255) not null, "ideal_cycle_seconds" double precision not null, primary key ("id"));`);
    this.addSql(`create index "line_updated_at_index" on "line" ("updated_at");`);
    this.addSql(`create index "line_supplier_id_index" on "line" ("supplier_id");`);
    this.addSql(`alter table "line" add constraint "line_facility_id_code_unique" unique ("facility_id", "code");`);

    this.addSql(`create table "machine" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "line_id" uuid not null, "facility_id" uuid not null, "code" varchar(255) not null, "name" varchar(255) not null, "ideal_cycle_seconds" double precision not null, primary key ("id"));`);
    this.addSql(`create index "machine_updated_at_index" on "machine" ("updated_at");`);
    this.addSql(`create index "machine_facility_id_index" on "machine" ("facility_id");`);
    this.addSql(`alter table "machine" add constraint "machine_line_id_code_unique" unique ("line_id", "code");`);

    this.addSql(`create table "downtime_event" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "machine_id" uuid not null, "reason_id" uuid not null, "started_at" timestamptz not null, "ended_at" timestamptz null, "planned" boolean not null, "note" text null, primary key ("id"));`);
    this.addSql(`create index "downtime_event_updated_at_index" on "downtime_event" ("updated_at");`);
    this.addSql(`create index "downtime_event_reason_id_index" on "downtime_event" ("reason_id");`);
    this.addSql(`create index "downtime_event_machine_id_started_at_index" on "downtime_event" ("machine_id", "started_at");`);

    this.addSql(`create table "machine_metric_limit" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "machine_id" uuid not null, "metric" varchar(255) not null, "unit" varchar(16) not null, "max" double precision not null, primary key ("id"));`);
    this.addSql(`create index "machine_metric_limit_updated_at_index" on "machine_metric_limit" ("updated_at");`);
    this.addSql(`alter table "machine_metric_limit" add constraint "machine_metric_limit_machine_id_metric_unique" unique ("machine_id", "metric");`);

    this.addSql(`create table "telemetry_reading" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "machine_id" uuid not null, "metric" varchar(255) not null, "value" double precision not null, "unit" varchar(16) not null, "recorded_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "telemetry_reading_updated_at_index" on "telemetry_reading" ("updated_at");`);
    this.addSql(`create index "telemetry_reading_machine_id_metric_recorded_at_index" on "telemetry_reading" ("machine_id", "metric", "recorded_at");`);

    this.addSql(`create table "work_order" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "number" varchar(255) not null, "product_id" uuid not null, "bill_of_materials_id" uuid not null, "bom_version" int not null, "facility_id" uuid not null, "line_id" uuid not null, "purchase_order_line_id" uuid null, "uom" varchar(10) not null, "quantity_planned" double precision not null, "quantity_good" double precision not null default 0, "quantity_scrap" double precision not null default 0, "status" text not null default 'PLANNED', "planned_start" timestamptz not null, "planned_end" timestamptz not null, "actual_start" timestamptz null, "actual_end" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "work_order_updated_at_index" on "work_order" ("updated_at");`);
    this.addSql(`alter table "work_order" add constraint "work_order_number_unique" unique ("number");`);
    this.addSql(`create index "work_order_product_id_index" on "work_order" ("product_id");`);
    this.addSql(`create index "work_order_bill_of_materials_id_index" on "work_order" ("bill_of_materials_id");`);
    this.addSql(`create index "work_order_facility_id_index" on "work_order" ("facility_id");`);
    this.addSql(`create index "work_order_line_id_index" on "work_order" ("line_id");`);
    this.addSql(`create index "work_order_purchase_order_line_id_index" on "work_order" ("purchase_order_line_id");`);
    this.addSql(`create index "work_order_status_index" on "work_order" ("status");`);

    this.addSql(`create table "material_consumption" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "work_order_id" uuid not null, "lot_id" uuid not null, "product_id" uuid not null, "quantity" double precision not null, "uom" varchar(10) not null, "consumed_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "material_consumption_updated_at_index" on "material_consumption" ("updated_at");`);
    this.addSql(`create index "material_consumption_work_order_id_index" on "material_consumption" ("work_order_id");`);
    this.addSql(`create index "material_consumption_lot_id_index" on "material_consumption" ("lot_id");`);

    this.addSql(`create table "work_order_output" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "work_order_id" uuid not null, "lot_id" uuid not null, "good_quantity" double precision not null, "scrap_quantity" double precision not null, "reported_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "work_order_output_updated_at_index" on "work_order_output" ("updated_at");`);
    this.addSql(`create index "work_order_output_work_order_id_index" on "work_order_output" ("work_order_id");`);
    this.addSql(`create index "work_order_output_lot_id_index" on "work_order_output" ("lot_id");`);

    this.addSql(`alter table "alert" add constraint "alert_category_check" check ("category" in ('MACHINE_HEALTH', 'ENVIRONMENT', 'THROUGHPUT', 'QUALITY', 'DELIVERY', 'STOCK', 'SUPPLIER', 'CARBON'));`);
    this.addSql(`alter table "alert" add constraint "alert_severity_check" check ("severity" in ('INFO', 'WARNING', 'CRITICAL'));`);
    this.addSql(`alter table "alert" add constraint "alert_subject_type_check" check ("subject_type" in ('Machine', 'Line', 'Facility', 'Supplier', 'Product', 'Lot', 'Shipment', 'PurchaseOrder'));`);

    this.addSql(`alter table "bill_of_materials" add constraint "bill_of_materials_status_check" check ("status" in ('ACTIVE', 'SUPERSEDED'));`);

    this.addSql(`alter table "bill_of_materials_line" add constraint "bill_of_materials_line_bill_of_materials_id_foreign" foreign key ("bill_of_materials_id") references "bill_of_materials" ("id");`);
    this.addSql(`alter table "bill_of_materials_line" add constraint "bill_of_materials_line_quantities" check (quantity_per > '0'::double precision and scrap_factor >= '0'::double precision);`);

    this.addSql(`alter table "downtime_reason" add constraint "downtime_reason_category_check" check ("category" in ('FAILURE', 'CHANGEOVER', 'MATERIAL', 'QUALITY', 'PLANNED_MAINTENANCE', 'OTHER'));`);

    this.addSql(`alter table "machine" add constraint "machine_line_id_foreign" foreign key ("line_id") references "line" ("id");`);

    this.addSql(`alter table "downtime_event" add constraint "downtime_event_machine_id_foreign" foreign key ("machine_id") references "machine" ("id");`);
    this.addSql(`alter table "downtime_event" add constraint "downtime_event_reason_id_foreign" foreign key ("reason_id") references "downtime_reason" ("id");`);
    this.addSql(`alter table "downtime_event" add constraint "downtime_event_interval" check (ended_at is null or ended_at > started_at);`);

    this.addSql(`alter table "machine_metric_limit" add constraint "machine_metric_limit_machine_id_foreign" foreign key ("machine_id") references "machine" ("id");`);

    this.addSql(`alter table "telemetry_reading" add constraint "telemetry_reading_machine_id_foreign" foreign key ("machine_id") references "machine" ("id");`);

    this.addSql(`alter table "work_order" add constraint "work_order_bill_of_materials_id_foreign" foreign key ("bill_of_materials_id") references "bill_of_materials" ("id");`);
    this.addSql(`alter table "work_order" add constraint "work_order_line_id_foreign" foreign key ("line_id") references "line" ("id");`);
    this.addSql(`alter table "work_order" add constraint "work_order_actual_window" check (actual_end is null or actual_end >= actual_start);`);
    this.addSql(`alter table "work_order" add constraint "work_order_quantities" check (quantity_planned > '0'::double precision and quantity_good >= '0'::double precision and quantity_scrap >= '0'::double precision);`);
    this.addSql(`alter table "work_order" add constraint "work_order_status_check" check ("status" in ('PLANNED', 'RELEASED', 'RUNNING', 'HELD', 'COMPLETED', 'CLOSED', 'ABORTED'));`);

    this.addSql(`alter table "material_consumption" add constraint "material_consumption_work_order_id_foreign" foreign key ("work_order_id") references "work_order" ("id");`);
    this.addSql(`alter table "material_consumption" add constraint "material_consumption_quantity_positive" check (quantity > '0'::double precision);`);

    this.addSql(`alter table "work_order_output" add constraint "work_order_output_work_order_id_foreign" foreign key ("work_order_id") references "work_order" ("id");`);
    this.addSql(`alter table "work_order_output" add constraint "work_order_output_quantities" check (good_quantity >= '0'::double precision and scrap_quantity >= '0'::double precision);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "bill_of_materials_line" drop constraint "bill_of_materials_line_bill_of_materials_id_foreign";`);
    this.addSql(`alter table "work_order" drop constraint "work_order_bill_of_materials_id_foreign";`);
    this.addSql(`alter table "downtime_event" drop constraint "downtime_event_reason_id_foreign";`);
    this.addSql(`alter table "machine" drop constraint "machine_line_id_foreign";`);
    this.addSql(`alter table "work_order" drop constraint "work_order_line_id_foreign";`);
    this.addSql(`alter table "downtime_event" drop constraint "downtime_event_machine_id_foreign";`);
    this.addSql(`alter table "machine_metric_limit" drop constraint "machine_metric_limit_machine_id_foreign";`);
    this.addSql(`alter table "telemetry_reading" drop constraint "telemetry_reading_machine_id_foreign";`);
    this.addSql(`alter table "material_consumption" drop constraint "material_consumption_work_order_id_foreign";`);
    this.addSql(`alter table "work_order_output" drop constraint "work_order_output_work_order_id_foreign";`);

    this.addSql(`drop table if exists "alert" cascade;`);
    this.addSql(`drop table if exists "bill_of_materials" cascade;`);
    this.addSql(`drop table if exists "bill_of_materials_line" cascade;`);
    this.addSql(`drop table if exists "downtime_reason" cascade;`);
    this.addSql(`drop table if exists "line" cascade;`);
    this.addSql(`drop table if exists "machine" cascade;`);
    this.addSql(`drop table if exists "downtime_event" cascade;`);
    this.addSql(`drop table if exists "machine_metric_limit" cascade;`);
    this.addSql(`drop table if exists "telemetry_reading" cascade;`);
    this.addSql(`drop table if exists "work_order" cascade;`);
    this.addSql(`drop table if exists "material_consumption" cascade;`);
    this.addSql(`drop table if exists "work_order_output" cascade;`);
  }

}
